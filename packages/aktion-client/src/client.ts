import { type ApiError, type Clock, errorFieldsOf, errorReader, systemClock, UndocumentedResponseError } from '@loginspec/client-kit';
import createClient, { type ClientOptions } from 'openapi-fetch';
import type { paths } from './generated/openapi.js';
import { decodeError, decodeToken, decodeTokenInfo, description, type ErrorResult, encodeLogin, formatOf, MEDIA_TYPE, parseExpireDate, type WireFormat } from './wire.js';

export type AktionErrorCode = ErrorResult['Code'];
/** A documented refusal of the Aktion API (1002, 1003, 1004, 401, 413, 415, 429, 500, 503); `body.ModelStateErr` lists binding errors. */
export type AktionApiError = ApiError<AktionErrorCode, ErrorResult>;

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

export interface AktionClientOptions extends ClientOptions {
  /** The format sent, and asked for with Accept. JSON by default. */
  format?: WireFormat;
  /** Dates an answer without `ExpireDate` (the page's older revision). */
  clock?: Clock;
}

const errors = errorReader<AktionErrorCode>('Aktion', errorFieldsOf(description));

/**
 * A client for the Aktion login API, speaking JSON or XML. `api` is the typed
 * openapi-fetch client; `login` sends the credentials in the chosen format
 * and reads the answer in whichever format the server chose; `checkToken`
 * asks this project's `GET /token` whether a token is still live.
 *
 * @example
 * const aktion = createAktionClient({ baseUrl: 'http://localhost:4010/aktion', format: 'xml' });
 * const { token, expiresAt } = await aktion.login('John.Doo', apiKey);
 * const { userLogin, expireInSec } = await aktion.checkToken(token); // ApiError 401 once it has expired
 */
export function createAktionClient({ format = 'json', clock = systemClock, ...options }: AktionClientOptions = {}) {
  const api = createClient<paths>(options);
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

  /** The user and the time left of a live token (this project's operation); a 401 ApiError once it has expired. */
  async function checkToken(token: string): Promise<AktionTokenCheck> {
    const { data, error, response } = await api.GET('/token', { headers: { authorization: `Bearer ${token}`, accept: mediaType }, parseAs: 'text' });
    const fields = decodeTokenInfo(formatOrRaise(response, error), data ?? '');
    const expiresAt = parseExpireDate(fields.ExpireDate) ?? new Date(clock.now() + fields.ExpireInSec * 1000);
    return { userLogin: fields.UserLogin, expireInSec: fields.ExpireInSec, expiresAt };
  }

  return { api, login, checkToken };
}

/** The format of a success, or the refusal raised: an answer in neither documented format is undocumented. */
function formatOrRaise(response: Response, error: unknown): WireFormat {
  const answerFormat = formatOf(response.headers.get('content-type'));
  if (!answerFormat) throw new UndocumentedResponseError('Aktion', response.status, response.headers.get('content-type'));
  if (!response.ok) {
    // openapi-fetch hands an error body over parsed when it reads as JSON, as text otherwise.
    const text = typeof error === 'string' ? error : JSON.stringify(error);
    throw errors.from(response, decodeError(answerFormat, text));
  }
  return answerFormat;
}

export type AktionClient = ReturnType<typeof createAktionClient>;
