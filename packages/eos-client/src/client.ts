import { type ApiClientOptions, createApiClient, errorReader } from '@loginspec/client-kit';
import { createBodyCodec, type OpenApiDocument } from '@loginspec/codec';
import { EosApiError } from './errors.js';
import bundled from './generated/openapi.json' with { type: 'json' };
import type { components, operations, paths } from './generated/openapi.js';

const FORM = 'application/x-www-form-urlencoded';

export type LoginRequest = operations['login']['requestBody']['content'][typeof FORM];
export type LoginResponse = components['schemas']['LoginResponse'];
export type HelloResponse = components['schemas']['HelloResponse'];
/** openapi-fetch's options, and `timeoutMs`, `retry` (429/503 after `Retry-After`), `clock` and `sleep`. */
export type EosClientOptions = ApiClientOptions;

/**
 * What `login` takes. The schema leaves `loginName` and `password` optional,
 * but a login without them is always refused (`3-1`), so the helper asks for
 * them; `api` still lets a caller send any body the schema allows.
 */
export type LoginInput = LoginRequest & Required<Pick<LoginRequest, 'loginName' | 'password'>>;
export type Credentials = Omit<LoginInput, 'sessionId'>;

const description = bundled as unknown as OpenApiDocument;
const errors = errorReader(EosApiError, 'EOS', description);
/** The page's `curl --data` sends the login as a form; absent fields stay off the wire. */
const loginForm = createBodyCodec(FORM, { $ref: '#/components/schemas/LoginRequest' }, description);

/**
 * A client for the EOS client login API. `api` is the typed openapi-fetch
 * client; `hello`, `login` and `signIn` are the documented flow, a refusal
 * raised as an `EosApiError`.
 *
 * @example
 * const eos = createEosClient({ baseUrl: 'http://localhost:4010/eos' });
 * const { expireTime, profile } = await eos.signIn({ domain: 'customers', loginName, password });
 */
export function createEosClient(options: EosClientOptions = {}) {
  const api = createApiClient<paths>('EOS', options);

  async function hello(): Promise<HelloResponse> {
    const { data, error, response } = await api.POST('/client/hello');
    if (data) return data;
    throw errors.from(response, error);
  }

  async function login(request: LoginInput): Promise<LoginResponse> {
    const { data, error, response } = await api.POST('/client/login', {
      body: request,
      bodySerializer: (body) => loginForm.encode(body),
      // openapi-fetch 0.17 labels every body that is not FormData as JSON unless the request names its type.
      headers: { 'content-type': FORM },
    });
    if (data) return data;
    throw errors.from(response, error);
  }

  /** Hello, then Login on the session it issued; the answer keeps the `sessionId`, which the caller goes on using. */
  async function signIn(credentials: Credentials): Promise<LoginResponse & { sessionId: string }> {
    const { sessionId } = await hello();
    return { ...(await login({ sessionId, ...credentials })), sessionId };
  }

  return { api, hello, login, signIn };
}

export type EosClient = ReturnType<typeof createEosClient>;
