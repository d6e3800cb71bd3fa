import createClient, { type ClientOptions } from 'openapi-fetch';
import { type Clock, systemClock } from './clock.js';
import { AktionApiError } from './errors.js';
import type { paths } from './generated/openapi.js';
import { decodeError, decodeToken, encodeLogin, formatOf, MEDIA_TYPE, parseExpireDate, type WireFormat } from './wire.js';

export interface AktionToken {
  token: string;
  expireInSec: number;
  /** `ExpireDate` when the server sends it, else the time of the answer plus `ExpireInSec`. */
  expiresAt: Date;
}

export interface AktionClientOptions extends ClientOptions {
  /** The format sent, and asked for with Accept. JSON by default. */
  format?: WireFormat;
  /** Dates an answer without `ExpireDate` (the page's older revision). */
  clock?: Clock;
}

/**
 * A client for the Aktion login API, speaking JSON or XML. `api` is the typed
 * openapi-fetch client; `login` sends the credentials in the chosen format
 * and reads the answer in whichever format the server chose.
 *
 *     const aktion = createAktionClient({ baseUrl: 'http://localhost:4010/aktion', format: 'xml' });
 *     const { token, expiresAt } = await aktion.login('John.Doo', apiKey);
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
    const contentType = response.headers.get('content-type');
    const answerFormat = formatOf(contentType);
    if (!answerFormat) throw new Error(`Aktion answered ${response.status} as ${contentType ?? 'no content type'}, which its description does not document`);
    if (!response.ok) {
      // openapi-fetch hands an error body over parsed when it reads as JSON, as text otherwise.
      const text = typeof error === 'string' ? error : JSON.stringify(error);
      throw new AktionApiError(response.status, decodeError(answerFormat, text));
    }
    const fields = decodeToken(answerFormat, data ?? '');
    const expiresAt = (fields.ExpireDate && parseExpireDate(fields.ExpireDate)) || new Date(clock.now() + fields.ExpireInSec * 1000);
    return { token: fields.Token, expireInSec: fields.ExpireInSec, expiresAt };
  }

  return { api, login };
}

export type AktionClient = ReturnType<typeof createAktionClient>;
