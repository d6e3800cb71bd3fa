import type { OpenApiDocument } from '@loginspec/codec';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { Description } from '../description/description.js';
import bundled from '../fixtures/security.json' with { type: 'json' };
import type { operations } from '../fixtures/security.js';
import type { RequestProblem } from '../problems.js';
import { operationRouter } from '../router/router.js';

const description = new Description<operations>(bundled as unknown as OpenApiDocument);

interface Principals {
  bearer: string;
  session: string;
  queryKey: string;
  cookieKey: string;
}

function app() {
  const app = new Hono();
  const verified: string[] = [];
  const accept = (valid: string) => async (credential: string) => {
    verified.push(credential);
    return credential === valid ? `who:${credential}` : undefined;
  };
  const route = operationRouter<operations, Principals>(app, description, {
    security: { bearer: accept('good-token'), session: accept('s1'), queryKey: accept('qk'), cookieKey: accept('ck') },
  });
  const reject = (problem: RequestProblem) =>
    ({ status: 401, body: { kind: problem.kind, reason: problem.kind === 'unauthenticated' ? problem.reason : '' } }) as never;
  for (const id of ['byDefault', 'open', 'optional', 'either', 'both'] as const) {
    route(id, { reject, handle: ({ principals }) => ({ status: 200, body: principals }) as never });
  }
  return { app, verified };
}

const call = async (target: ReturnType<typeof app>, method: string, url: string, headers: Record<string, string> = {}) => {
  const res = await target.app.request(url, { method, headers });
  return { status: res.status, body: await res.json() };
};

describe('security requirements, checked by the router', () => {
  it("applies the document's requirement where an operation states none", async () => {
    const target = app();
    expect(await call(target, 'GET', '/default', { authorization: 'Bearer good-token' })).toEqual({ status: 200, body: { bearer: 'who:good-token' } });
    expect(await call(target, 'GET', '/default', { authorization: 'bearer good-token' })).toMatchObject({ status: 200 });
    expect(await call(target, 'GET', '/default')).toEqual({ status: 401, body: { kind: 'unauthenticated', reason: 'missing' } });
    // A header in another scheme's form, or with no credential after the scheme, is there but malformed.
    expect(await call(target, 'GET', '/default', { authorization: 'Basic Z29vZC10b2tlbg==' })).toMatchObject({ body: { reason: 'malformed' } });
    expect(await call(target, 'GET', '/default', { authorization: 'Bearer   ' })).toMatchObject({ body: { reason: 'malformed' } });
    expect(await call(target, 'GET', '/default', { authorization: 'Bearer\tgood-token' })).toMatchObject({ body: { reason: 'malformed' } });
    expect(await call(target, 'GET', '/default', { authorization: 'Bearer bad' })).toEqual({ status: 401, body: { kind: 'unauthenticated', reason: 'refused' } });
  });

  it('lets `security: []` override the default and checks nothing', async () => {
    const target = app();
    expect(await call(target, 'GET', '/open', { authorization: 'Bearer whatever' })).toEqual({ status: 200, body: {} });
    expect(target.verified).toEqual([]);
  });

  it('lets an anonymous alternative through, and names the caller when a valid credential comes along', async () => {
    const target = app();
    expect(await call(target, 'POST', '/optional')).toEqual({ status: 200, body: {} });
    expect(await call(target, 'POST', '/optional', { authorization: 'xelion s1' })).toEqual({ status: 200, body: { session: 'who:s1' } });
    // An invalid credential does not fail an operation that takes anonymous callers.
    expect(await call(target, 'POST', '/optional', { authorization: 'xelion stale' })).toEqual({ status: 200, body: {} });
  });

  it('accepts either alternative, a key in the query or in a cookie', async () => {
    const target = app();
    expect(await call(target, 'GET', '/either?key=qk')).toEqual({ status: 200, body: { queryKey: 'who:qk' } });
    expect(await call(target, 'GET', '/either', { cookie: 'key=ck' })).toEqual({ status: 200, body: { cookieKey: 'who:ck' } });
    expect(await call(target, 'GET', '/either?key=bad', { cookie: 'key=bad' })).toMatchObject({ status: 401, body: { reason: 'refused' } });
  });

  it('needs every scheme of a requirement that names several', async () => {
    const target = app();
    expect(await call(target, 'GET', '/both?key=qk', { authorization: 'Bearer good-token' })).toEqual({
      status: 200,
      body: { bearer: 'who:good-token', queryKey: 'who:qk' },
    });
    expect(await call(target, 'GET', '/both?key=qk')).toMatchObject({ status: 401 });
    expect(await call(target, 'GET', '/both?key=nope', { authorization: 'Bearer good-token' })).toMatchObject({ status: 401, body: { reason: 'refused' } });
  });
});
