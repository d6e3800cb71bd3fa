import { type ApiError, type Clock, errorFieldsOf, errorReader, systemClock } from '@loginspec/client-kit';
import createClient, { type ClientOptions, type Middleware } from 'openapi-fetch';
import description from './generated/openapi.json' with { type: 'json' };
import type { components, paths } from './generated/openapi.js';
import { parseValidUntil } from './valid-until.js';

export type LoginCredentials = components['schemas']['LoginCredentials'];
export type LoginResponse = components['schemas']['LoginResponse'];
export type RenewResponse = components['schemas']['RenewResponse'];
export type MfaRequest = components['schemas']['MfaRequest'];
export type XelionErrorBody = components['schemas']['Error'];
export type XelionErrorCode = XelionErrorBody['errorCode'];
/** A refusal of the Xelion API: `code` is the Xelion error code (10013 or 10012: MFA required). */
export type XelionApiError = ApiError<XelionErrorCode, XelionErrorBody>;

export interface XelionClientOptions extends ClientOptions {
  /** The tenant to log in to: the `{tenant}` of every path. */
  tenant: string;
  /** Renew the session token when it expires within this many milliseconds (60 s by default). */
  renewBeforeMs?: number;
  clock?: Clock;
}

/** The session a login opened, as the client keeps it. */
export interface XelionSession {
  token: string;
  renewalToken: string;
  /** When the token expires (`validUntil`, read as UTC). */
  validUntil: Date;
}

const errors = errorReader<XelionErrorCode>('Xelion', errorFieldsOf(description));
const LOGIN = '/api/v1/{tenant}/me/login';
const RENEW = '/api/v1/{tenant}/me/renew';

/**
 * A client for one Xelion tenant. `login` opens a session, which the client
 * keeps; a middleware then sends its token as `Authorization: xelion
 * <token>` on every request (a new login included, which ends it), and
 * renews it first (once, however many requests wait) when it expires within
 * `renewBeforeMs`. Nothing renews it between requests. `renew`, `logout` and `requestMfa` are the
 * other documented calls. `api` is the typed openapi-fetch client.
 *
 * @example
 * const xelion = createXelionClient({ baseUrl: 'http://localhost:4010/xelion', tenant: 'master' });
 * await xelion.login({ userName: 'arnon', password: 'arnons secret', userSpace: 'iphone-arnon' });
 * await xelion.logout();
 */
export function createXelionClient({ tenant, renewBeforeMs = 60_000, clock = systemClock, ...options }: XelionClientOptions) {
  const api = createClient<paths>(options);
  const path = { tenant };
  let session: XelionSession | undefined;
  let renewing: Promise<XelionSession> | undefined;

  const keep = (answer: { authentication: string; renewalToken: string; validUntil: string }): XelionSession => {
    session = { token: answer.authentication, renewalToken: answer.renewalToken, validUntil: parseValidUntil(answer.validUntil) ?? new Date(0) };
    return session;
  };

  async function renew(): Promise<XelionSession> {
    if (!session) throw new Error('no session to renew: log in first');
    renewing ??= (async () => {
      const { data, error, response } = await api.POST(RENEW, { params: { path }, body: (session as XelionSession).renewalToken });
      if (!data) throw errors.from(response, error);
      return keep(data);
    })().finally(() => {
      renewing = undefined;
    });
    return renewing;
  }

  const sessionHeader: Middleware = {
    async onRequest({ request, schemaPath }) {
      if (!session) return undefined;
      // Renew first when the token is about to expire, unless this is the renewal itself, or a login, which
      // gets the token as it is: the server ends that session before opening the new one.
      if (schemaPath !== RENEW && schemaPath !== LOGIN && session.validUntil.getTime() - clock.now() <= renewBeforeMs) await renew();
      if (!request.headers.has('authorization')) request.headers.set('authorization', `xelion ${session.token}`);
      return request;
    },
  };
  api.use(sessionHeader);

  return {
    api,
    /** The session the client holds, if any. */
    get session(): XelionSession | undefined {
      return session;
    },
    /** Opens a session (10013: request an MFA code, then log in again with `mfa` and `email`). */
    async login(credentials: LoginCredentials): Promise<LoginResponse> {
      const { data, error, response } = await api.POST(LOGIN, { params: { path }, body: credentials });
      if (!data) throw errors.from(response, error);
      keep(data);
      return data;
    },
    renew,
    /** Ends the session the client holds. */
    async logout(): Promise<void> {
      const { error, response } = await api.POST('/api/v1/{tenant}/me/logout', { params: { path } });
      if (!response.ok) throw errors.from(response, error);
      session = undefined;
    },
    /** Has a single-use code sent to `email`, if it is the user's address. */
    async requestMfa(request: MfaRequest): Promise<void> {
      const { error, response } = await api.POST('/api/v1/{tenant}/me/mfa', { params: { path }, body: request });
      if (!response.ok) throw errors.from(response, error);
    },
  };
}

export type XelionClient = ReturnType<typeof createXelionClient>;
