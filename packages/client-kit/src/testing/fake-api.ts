/**
 * A made-up API for the kit's tests: a description small enough to read in
 * one glance (a login, an operation that needs the token, one where it is
 * optional, a logout) and a fetch that answers it in memory.
 */

export const description = {
  security: [{ token: [] }],
  paths: {
    '/login': { post: { security: [], responses: { '200': {}, '401': {}, '429': {}, '503': {} } } },
    '/me': { get: { responses: { '200': {}, '401': {}, '4XX': {} } } },
    '/maybe': { post: { security: [{}, { token: [] }], responses: { '200': {} } } },
    '/note': { post: { responses: { '200': {}, '401': {} } } },
    '/logout': { post: { responses: { '204': {}, '401': {} } } },
  },
  components: {
    securitySchemes: { token: { type: 'http', scheme: 'bearer' } },
    schemas: { Error: { 'x-error-fields': { code: 'error.code', message: 'error.message' } } },
  },
};

type Json = { 'application/json': unknown };
// Shaped as openapi-typescript writes operations: no body is `requestBody?: never`.
type Op<Body = never> = { parameters: { query?: never; header?: never; path?: never; cookie?: never }; responses: Record<number, { content: Json }> } & ([Body] extends [never] ? { requestBody?: never } : { requestBody: { content: { 'application/json': Body } } });
export interface paths {
  '/login': { post: Op<{ user: string; password: string }> };
  '/me': { get: Op };
  '/maybe': { post: Op<{ note: string }> };
  '/note': { post: Op<{ note: string }> };
  '/logout': { post: Op };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export const refusal = (status: number, code: number, message: string, headers: Record<string, string> = {}) => json(status, { error: { code, message } }, headers);

/** What the fake server was sent: method, path, Authorization and body, in order. */
export interface Sent {
  method: string;
  path: string;
  authorization: string | null;
  body: string;
}

/** A fetch answering each request with `answer` (a function of what was sent), keeping what it was sent. */
export function fakeServer(answer: (sent: Sent, n: number) => Response | Promise<Response>) {
  const sent: Sent[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const entry = { method: request.method, path: new URL(request.url).pathname, authorization: request.headers.get('authorization'), body: await request.text() };
    sent.push(entry);
    return answer(entry, sent.length);
  };
  return { fetch, sent };
}
