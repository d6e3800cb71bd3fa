import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { Contract } from './contract.js';
import { operationRouter } from './route.js';
import { testDescription } from './test-description.fixture.js';
import type { RequestProblem } from './types.js';

const STATUS: Record<RequestProblem['kind'], 400 | 413 | 415> = {
  'unsupported-media-type': 415,
  'body-too-large': 413,
  'malformed-body': 400,
  'invalid-body': 400,
};

/** An app whose handler echoes the validated body, or answers 204 for the name "silent". */
function echoApp(maxBodyBytes?: number, fail?: (error: unknown) => never) {
  const app = new Hono();
  const seen: unknown[] = [];
  const route = operationRouter<Record<string, unknown>>(app, new Contract(testDescription), { maxBodyBytes });
  route('createItem', {
    handle: ({ body, params }) => {
      seen.push({ body, params });
      const item = body as unknown as { name: string };
      if (item.name === 'silent') return { status: 204, body: undefined } as never;
      if (item.name === 'undocumented') return { status: 418, body: {} } as never;
      if (item.name === 'throw') throw new Error('collaborator down');
      if (item.name === 'per-type') {
        const content = { 'application/json': { ...item, note: 'json' }, 'application/xml': { ...item, note: 'xml' } };
        return { status: 200, content } as never;
      }
      return { status: 200, body: item } as never;
    },
    reject: (problem) => ({ status: STATUS[problem.kind], body: { kind: problem.kind, message: problem.message } }) as never,
    fail,
  });
  return { app, seen };
}

const post = (app: Hono, body: RequestInit["body"], headers: Record<string, string> = {}) =>
  app.request('/items/g1', { method: 'POST', body, headers });

describe('operationRouter', () => {
  it('reads JSON and passes path parameters', async () => {
    const { app, seen } = echoApp();
    const res = await post(app, JSON.stringify({ name: 'a', count: 1 }), { 'content-type': 'application/json' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ name: 'a', count: 1 });
    expect(seen).toEqual([{ body: { name: 'a', count: 1 }, params: { group: 'g1' } }]);
  });

  it('reads a form body, coercing values to the schema types', async () => {
    const { app, seen } = echoApp();
    const res = await post(app, 'name=a+b&count=2', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(200);
    expect(seen[0]).toMatchObject({ body: { name: 'a b', count: 2 } });
  });

  it('reads XML (application/xml and text/xml) and answers XML when Accept asks for it', async () => {
    const { app, seen } = echoApp();
    const xml = '<Item><name>a</name><count>3</count><tags><string>x</string></tags></Item>';
    for (const type of ['application/xml', 'text/xml; charset=utf-8']) {
      const res = await post(app, xml, { 'content-type': type, accept: 'application/xml' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
      expect(await res.text()).toBe(xml);
    }
    expect(seen[0]).toMatchObject({ body: { name: 'a', count: 3, tags: ['x'] } });
  });

  it('answers in the request format by default and honours Accept quality values', async () => {
    const { app } = echoApp();
    const json = JSON.stringify({ name: 'a', count: 1 });
    const headers = { 'content-type': 'application/json' };
    expect((await post(app, json, headers)).headers.get('content-type')).toMatch(/^application\/json/);
    const res = await post(app, json, { ...headers, accept: 'application/json;q=0.5, application/xml' });
    expect(res.headers.get('content-type')).toMatch(/^application\/xml/);
    expect((await post(app, json, { ...headers, accept: 'image/png' })).headers.get('content-type')).toMatch(/^application\/json/);
    const xml = '<Item><name>a</name><count>1</count></Item>';
    expect((await post(app, xml, { 'content-type': 'application/xml' })).headers.get('content-type')).toMatch(/^application\/xml/);
  });

  it.each([
    ['text/plain', 'name=a'],
    ['multipart/form-data; boundary=x', '--x--'],
    ['application/json; charset=latin1', '{}'],
  ])('answers 415 for %s', async (type, body) => {
    const res = await post(echoApp().app, body, { 'content-type': type });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ kind: 'unsupported-media-type' });
  });

  it('answers 415 for a body without a content type', async () => {
    const res = await post(echoApp().app, new Blob(['{"name":"a","count":1}']));
    expect(res.status).toBe(415);
  });

  it('judges the media type before the size and before an empty body', async () => {
    const { app } = echoApp(1024);
    expect((await post(app, 'x'.repeat(4096), { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post(app, '', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post(app, null)).status).toBe(415);
  });

  it('answers 413 for a body over the limit, announced or streamed', async () => {
    const { app, seen } = echoApp(1024);
    const big = JSON.stringify({ name: 'x'.repeat(2048), count: 1 });
    expect((await post(app, big, { 'content-type': 'application/json' })).status).toBe(413);
    const stream = new Blob([big]).stream();
    const res = await app.request('/items/g1', { method: 'POST', body: stream, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ kind: 'body-too-large' });
    expect(seen).toEqual([]);
  });

  it.each([
    ['malformed JSON', '{"name": "a",', 'application/json', 'malformed-body'],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0x7d]), 'application/json', 'malformed-body'],
    ['XML with a DOCTYPE', '<!DOCTYPE Item><Item/>', 'application/xml', 'malformed-body'],
    ['XML with the wrong root', '<Other><name>a</name><count>1</count></Other>', 'application/xml', 'malformed-body'],
    ['wrong types', '{"name": 5, "count": "1"}', 'application/json', 'invalid-body'],
    ['a JSON array', '[]', 'application/json', 'invalid-body'],
    ['a repeated form field', 'name=a&name=b&count=1', 'application/x-www-form-urlencoded', 'invalid-body'],
    ['no body', null, 'application/json', 'invalid-body'],
  ])('answers 400 for %s', async (_, body, type, kind) => {
    const res = await post(echoApp().app, body as RequestInit["body"], { 'content-type': type });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ kind });
  });

  it('lists each schema issue in the problem', async () => {
    const res = await post(echoApp().app, '{"count": -1}', { 'content-type': 'application/json' });
    const { message } = (await res.json()) as { message: string };
    expect(message).toContain("must have required property 'name'");
    expect(message).toContain('/count must be >= 0');
  });

  it('sends the body written for the negotiated media type when given one per type', async () => {
    const { app } = echoApp();
    const body = '{"name":"per-type","count":1}';
    const json = await post(app, body, { 'content-type': 'application/json' });
    expect(await json.json()).toMatchObject({ note: 'json' });
    const xml = await post(app, body, { 'content-type': 'application/json', accept: 'application/xml' });
    expect(await xml.text()).toContain('<note>xml</note>');
  });

  it('answers a documented status without content with an empty body', async () => {
    const res = await post(echoApp().app, '{"name":"silent","count":0}', { 'content-type': 'application/json' });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
  });

  it('turns a thrown error into the response fail() chooses', async () => {
    const fail = (error: unknown) => ({ status: 400, body: { kind: 'failed', message: (error as Error).message } }) as never;
    const res = await post(echoApp(undefined, fail).app, '{"name":"throw","count":0}', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ kind: 'failed', message: 'collaborator down' });
    expect((await post(echoApp().app, '{"name":"throw","count":0}', { 'content-type': 'application/json' })).status).toBe(500);
  });

  it('refuses to send a status the description does not document', async () => {
    const res = await post(echoApp().app, '{"name":"undocumented","count":0}', { 'content-type': 'application/json' });
    expect(res.status).toBe(500);
  });
});
