import type { OpenApiDocument } from '@loginspec/codec';
import { Hono } from 'hono';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { Description } from '../description/description.js';
import bundled from '../fixtures/parameters.json' with { type: 'json' };
import type { operations } from '../fixtures/parameters.js';
import type { RequestProblem } from '../problems.js';
import { operationRouter, type Target } from '../router/router.js';

const description = new Description<operations>(bundled as unknown as OpenApiDocument);
const KEY = 'k-123';
const UUID = '3f1c2b8e-7d4a-4c6e-9b1f-2a5d8e6c4b70';

/** An app whose handlers answer what they saw, and whose reject answers the problem. */
function app() {
  const app = new Hono();
  const problems: RequestProblem[] = [];
  const route = operationRouter<operations, { apiKey: { key: string } }>(app, description, {
    security: { apiKey: (key) => (key === KEY ? { key } : undefined) },
  });
  const reject = (problem: RequestProblem) => {
    problems.push(problem);
    const body = { kind: problem.kind, message: problem.message };
    return problem.kind === 'unauthenticated' ? { status: 401 as const, body } : { status: 400 as const, body };
  };
  route('listItems', {
    reject,
    handle({ path, query, headers, cookies, principals }) {
      // The types are the generated ones: a typed, coerced value per declared parameter.
      expectTypeOf(path.tenant).toEqualTypeOf<string>();
      expectTypeOf(query.limit).toEqualTypeOf<number>();
      expectTypeOf(query.ids).toEqualTypeOf<number[] | undefined>();
      expectTypeOf(headers['X-Request-Id']).toEqualTypeOf<string>();
      expectTypeOf(cookies.session).toEqualTypeOf<string | undefined>();
      return { status: 200, body: { path, query, headers, cookies, principals } };
    },
  });
  // getItem documents no 401: it has no security requirement, and its types say so.
  route('getItem', { reject: (problem) => (problems.push(problem), { status: 400, body: { kind: problem.kind } }), handle: ({ path }) => ({ status: 200, body: { path } }) });
  return { app, problems };
}

const good = { 'x-api-key': KEY, 'x-request-id': UUID };
const get = (target: ReturnType<typeof app>, url: string, headers: Record<string, string> = good) => target.app.request(url, { headers });

describe('parameters and security, checked by the router', () => {
  it('hands the handler typed values: coerced, split by style, headers by their declared names', async () => {
    const res = await get(app(), '/tenants/acme-1/items?limit=25&tag=a&tag=b&ids=3|4|5', { ...good, 'x-verbose': 'true', cookie: 'session=abcd; other=x' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      path: { tenant: 'acme-1' },
      query: { limit: 25, tag: ['a', 'b'], ids: [3, 4, 5] },
      headers: { 'X-Request-Id': UUID, 'X-Verbose': true },
      cookies: { session: 'abcd' },
      principals: { apiKey: { key: KEY } },
    });
  });

  it('leaves absent optional parameters out', async () => {
    const res = await get(app(), '/tenants/acme/items?limit=1');
    expect(await res.json()).toMatchObject({ query: { limit: 1 }, headers: { 'X-Request-Id': UUID }, cookies: {} });
  });

  it.each([
    ['a path parameter that breaks its pattern', '/tenants/ACME/items?limit=1', good, 'path', 'tenant', /path parameter "tenant" must match pattern/],
    ['a required query parameter missing', '/tenants/acme/items', good, 'query', 'limit', /query parameter "limit" is required/],
    ['a query value of the wrong type', '/tenants/acme/items?limit=ten', good, 'query', 'limit', /query parameter "limit" must be integer/],
    ['a query value out of range', '/tenants/acme/items?limit=101', good, 'query', 'limit', /must be <= 100/],
    ['a single-valued query parameter given twice', '/tenants/acme/items?limit=1&limit=2', good, 'query', 'limit', /must be integer/],
    ['an array item of the wrong type', '/tenants/acme/items?limit=1&ids=3|x', good, 'query', 'ids', /must be integer/],
    ['a required header missing', '/tenants/acme/items?limit=1', { 'x-api-key': KEY }, 'header', 'X-Request-Id', /header parameter "X-Request-Id" is required/],
    ['a header of the wrong format', '/tenants/acme/items?limit=1', { ...good, 'x-request-id': 'nope' }, 'header', 'X-Request-Id', /must match format "uuid"/],
    ['a header of the wrong type', '/tenants/acme/items?limit=1', { ...good, 'x-verbose': 'yes' }, 'header', 'X-Verbose', /must be boolean/],
    ['a cookie too short', '/tenants/acme/items?limit=1', { ...good, cookie: 'session=ab' }, 'cookie', 'session', /must NOT have fewer than 4 characters/],
  ])('refuses %s as invalid-parameter, before the handler', async (_, url, headers, location, name, message) => {
    const target = app();
    const res = await get(target, url, headers);
    expect(res.status).toBe(400);
    expect(target.problems).toHaveLength(1);
    expect(target.problems[0]).toMatchObject({ kind: 'invalid-parameter', in: location, name, message: expect.stringMatching(message) });
  });

  it.each([
    ['no credential', { 'x-request-id': UUID }, 'missing'],
    ['a refused credential', { ...good, 'x-api-key': 'wrong' }, 'refused'],
  ])('refuses %s as unauthenticated (%s), after the parameters', async (_, headers, reason) => {
    const target = app();
    expect((await get(target, '/tenants/acme/items?limit=1', headers)).status).toBe(401);
    expect(target.problems).toEqual([{ kind: 'unauthenticated', reason, schemes: ['apiKey'], message: expect.any(String) }]);
    // A bad parameter is judged first, whatever the credential.
    await get(target, '/tenants/ACME/items?limit=1', headers);
    expect(target.problems[1]).toMatchObject({ kind: 'invalid-parameter' });
  });

  it('reads label-style path values, and refuses one without its prefix', async () => {
    const target = app();
    expect(await (await get(target, '/tenants/ACME/items/.7')).json()).toEqual({ path: { tenant: 'ACME', id: 7 } });
    expect((await get(target, '/tenants/acme/items/.0')).status).toBe(400);
    expect(target.problems[0]).toMatchObject({ in: 'path', name: 'id', message: expect.stringMatching(/must be >= 1/) });
    expect((await get(target, '/tenants/acme/items/7')).status).toBe(400);
    expect(target.problems[1]).toMatchObject({ in: 'path', name: 'id', message: expect.stringMatching(/must be integer/) });
  });

  it('answers another method on a GET path 405, allowing GET and HEAD, before any parameter is read', async () => {
    const target = app();
    const res = await target.app.request('/tenants/NOT-VALID/items', { method: 'POST' });
    expect([res.status, res.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    expect(target.problems).toEqual([]);
  });

  it('reads an array header listed with ", " as its items', async () => {
    const res = await get(app(), '/tenants/acme/items?limit=1', { ...good, 'x-tags': 'a, b,c' });
    expect(await res.json()).toMatchObject({ headers: { 'X-Tags': ['a', 'b', 'c'] } });
  });

  it('names the target as the request does, the same frozen object for the same path values, so an answer can be remembered by it', async () => {
    const seen: Target[] = [];
    const hono = new Hono();
    operationRouter<operations>(hono, description)('getItem', {
      reject: (_, target) => (seen.push(target), { status: 400, body: { kind: 'x' } }),
      handle: () => ({ status: 200, body: {} }),
    });
    for (const url of ['/tenants/acme/items/.0', '/tenants/acme/items/.0', '/tenants/acme/items/.x', '/tenants/other/items/.0']) await hono.request(url);
    expect(seen.map((t) => `${t.method} ${t.path}`)).toEqual(['GET /tenants/acme/items/.0', 'GET /tenants/acme/items/.0', 'GET /tenants/acme/items/.x', 'GET /tenants/other/items/.0']);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).not.toBe(seen[0]);
    expect(Object.isFrozen(seen[0])).toBe(true);
  });

  it('refuses at start-up a reject that leaves a problem the operation can meet unanswered', () => {
    const route = operationRouter<operations, { apiKey: unknown }>(new Hono(), description, { security: { apiKey: () => 'x' } });
    const reject = Object.assign(() => ({ status: 400 as const, body: { kind: 'x' } }), { kinds: ['invalid-parameter' as const] });
    expect(() => route('listItems', { reject, handle: () => ({ status: 200, body: {} }) })).toThrow('listItems: reject answers no body-too-large, unauthenticated problem');
  });

  it('refuses at start-up an operation whose scheme has no verifier', () => {
    const route = operationRouter<operations>(new Hono(), description);
    expect(() => route('listItems', { reject: () => ({ status: 400, body: { kind: 'x' } }), handle: () => ({ status: 200, body: {} }) })).toThrow(
      /requires security scheme "apiKey": give the router a verifier for it/,
    );
  });
});
