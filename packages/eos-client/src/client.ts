import createClient, { type ClientOptions } from 'openapi-fetch';
import { EosApiError } from './errors.js';
import type { components, paths } from './generated/openapi.js';

export type LoginRequest = components['schemas']['LoginRequest'];
export type LoginResponse = components['schemas']['LoginResponse'];
export type HelloResponse = components['schemas']['HelloResponse'];
export type Credentials = Omit<LoginRequest, 'sessionId'>;

/** The page's `curl --data` sends the login as a form, not JSON. */
function formBody(body: LoginRequest): URLSearchParams {
  return new URLSearchParams(Object.entries(body).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/**
 * A client for the EOS client login API. `api` is the typed openapi-fetch
 * client; `hello`, `login` and `signIn` are the documented flow, with
 * refusals turned into `EosApiError`.
 *
 *     const eos = createEosClient({ baseUrl: 'http://localhost:4010/eos' });
 *     const { expireTime, profile } = await eos.signIn({ domain: 'customers', loginName, password });
 */
export function createEosClient(options: ClientOptions = {}) {
  const api = createClient<paths>(options);

  async function hello(): Promise<HelloResponse> {
    const { data, error, response } = await api.POST('/client/hello');
    if (data) return data;
    throw new EosApiError(response.status, error);
  }

  async function login(request: LoginRequest): Promise<LoginResponse> {
    const { data, error, response } = await api.POST('/client/login', {
      body: request,
      bodySerializer: formBody,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    if (data) return data;
    throw new EosApiError(response.status, error);
  }

  /** Hello, then Login on the session it issued. */
  async function signIn(credentials: Credentials): Promise<LoginResponse & { sessionId: string }> {
    const { sessionId } = await hello();
    return { ...(await login({ ...credentials, sessionId })), sessionId };
  }

  return { api, hello, login, signIn };
}

export type EosClient = ReturnType<typeof createEosClient>;
