import createClient, { type ClientOptions } from 'openapi-fetch';
import { EosApiError } from './errors.js';
import type { components, operations, paths } from './generated/openapi.js';

const FORM = 'application/x-www-form-urlencoded';

export type LoginRequest = operations['login']['requestBody']['content'][typeof FORM];
export type LoginResponse = components['schemas']['LoginResponse'];
export type HelloResponse = components['schemas']['HelloResponse'];

/**
 * What `login` takes. The schema leaves `loginName` and `password` optional,
 * but a login without them is always refused (`3-1`), so the helper asks for
 * them; `api` still lets a caller send any body the schema allows.
 */
export type LoginInput = LoginRequest & Required<Pick<LoginRequest, 'loginName' | 'password'>>;
export type Credentials = Omit<LoginInput, 'sessionId'>;

/** The page's `curl --data` sends the login as a form; absent fields stay off the wire. */
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

  async function login(request: LoginInput): Promise<LoginResponse> {
    const { data, error, response } = await api.POST('/client/login', {
      body: request,
      bodySerializer: formBody,
      // openapi-fetch 0.17 labels every body that is not FormData as JSON unless the request names its type.
      headers: { 'content-type': FORM },
    });
    if (data) return data;
    throw new EosApiError(response.status, error);
  }

  /** Hello, then Login on the session it issued; the answer keeps the `sessionId`, which the caller goes on using. */
  async function signIn(credentials: Credentials): Promise<LoginResponse & { sessionId: string }> {
    const { sessionId } = await hello();
    return { ...(await login({ sessionId, ...credentials })), sessionId };
  }

  return { api, hello, login, signIn };
}

export type EosClient = ReturnType<typeof createEosClient>;
