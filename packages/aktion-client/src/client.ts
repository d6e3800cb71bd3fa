import { type ApiClientOptions, createApiClient, errorReader, systemClock } from '@loginspec/client-kit';
import { AktionApiError } from './errors.js';
import type { paths } from './generated/openapi.js';
import { decodeError, decodeToken, decodeTokenInfo, description, encodeLogin, formatOf, MEDIA_TYPE, parseExpireDate, type WireFormat } from './wire.js';

export interface AktionToken {
  token: string;
  expireInSec: number;
  /** `ExpireDate` when the server sends it, else the time of the answer plus `ExpireInSec`. */
  expiresAt: Date;
}

/** A live token, as this project's `checkToken` answers it. */
export interface AktionTokenCheck {
  userLogin: string;
  /** The whole seconds the token has left, rounded up. */
  expireInSec: number;
  expiresAt: Date;
}

/** openapi-fetch's options, `timeoutMs`, `retry` (429/503 after `Retry-After`), `clock` (also dates an answer without `ExpireDate`) and `sleep`. */
export interface AktionClientOptions extends ApiClientOptions {
  /** The format sent, and asked for with Accept. JSON by default. */
  format?: WireFormat;
}

const errors = errorReader(AktionApiError, 'Aktion', description);

/**
 * A client for the Aktion login API, speaking JSON or XML. `api` is the typed
 * openapi-fetch client; `login` sends the credentials in the chosen format
 * and reads the answer in whichever format the server chose; `checkToken`
 * asks this project's `GET /token` whether a token is still live (the one
 * given, or, left out, the one `createAktionAuth` keeps). A refusal is an
 * `AktionApiError`.
 *
 * @example
 * const aktion = createAktionClient({ baseUrl: 'http://localhost:4010/aktion', format: 'xml' });
 * const { token, expiresAt } = await aktion.login('John.Doo', apiKey);
 * const { userLogin, expireInSec } = await aktion.checkToken(token); // AktionApiError 401 once it has expired
 */
export function createAktionClient({ format = 'json', ...options }: AktionClientOptions = {}) {
  const api = createApiClient<paths>('Aktion', options);
  const clock = options.clock ?? systemClock;
  const mediaType = MEDIA_TYPE[format];

  async function login(userLogin: string, apiKey: string): Promise<AktionToken> {
    const { data, error, response } = await api.POST('/login', {
      body: { UserLogin: userLogin, ApiKey: apiKey },
      bodySerializer: (body) => encodeLogin(format, body),
      headers: { 'content-type': mediaType, accept: mediaType },
      parseAs: 'text',
    });
    const fields = decodeToken(formatOrRaise(response, error), data ?? '');
    const expiresAt = (fields.ExpireDate && parseExpireDate(fields.ExpireDate)) || new Date(clock.now() + fields.ExpireInSec * 1000);
    return { token: fields.Token, expireInSec: fields.ExpireInSec, expiresAt };
  }

  /** The user and the time left of a live token (this project's operation); an AktionApiError 401 once it has expired. */
  async function checkToken(token?: string): Promise<AktionTokenCheck> {
    const authorization = token === undefined ? {} : { authorization: `Bearer ${token}` };
    const { data, error, response } = await api.GET('/token', { headers: { ...authorization, accept: mediaType }, parseAs: 'text' });
    const fields = decodeTokenInfo(formatOrRaise(response, error), data ?? '');
    const expiresAt = parseExpireDate(fields.ExpireDate) ?? new Date(clock.now() + fields.ExpireInSec * 1000);
    return { userLogin: fields.UserLogin, expireInSec: fields.ExpireInSec, expiresAt };
  }

  return { api, login, checkToken };
}

/** The format of a success, or the refusal raised: an answer in neither documented format is undocumented. */
function formatOrRaise(response: Response, error: unknown): WireFormat {
  const answerFormat = formatOf(response.headers.get('content-type'));
  if (!response.ok || !answerFormat) {
    // openapi-fetch hands an error body over parsed when it reads as JSON, as text otherwise.
    const text = typeof error === 'string' ? error : JSON.stringify(error);
    throw errors.from(response, answerFormat && !response.ok ? readError(answerFormat, text) : undefined);
  }
  return answerFormat;
}

/** An error body as its schema reads it; one that does not read is left to be undocumented. */
function readError(format: WireFormat, text: string): unknown {
  try {
    return decodeError(format, text);
  } catch {
    return undefined;
  }
}

export type AktionClient = ReturnType<typeof createAktionClient>;
