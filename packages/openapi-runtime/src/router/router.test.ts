import type { OpenApiDocument } from '@loginspec/codec';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { Description } from '../description/description.js';
import bundled from '../fixtures/media-types.json' with { type: 'json' };
import type { operations } from '../fixtures/media-types.js';
import type { RequestProblem } from '../problems.js';
import { operationRouter } from './router.js';

const description = new Description<operations>(bundled as unknown as OpenApiDocument);

const STATUS: Record<RequestProblem['kind'], 400 | 413 | 415> = {
  'invalid-parameter': 400,
  unauthenticated: 400,
  'unsupported-media-type': 415,
  'body-too-large': 413,
  'missing-body': 400,
  'malformed-body': 400,
  'invalid-body': 400,
};

type Item = operations['createItem']['requestBody']['content']['application/json'];

/** An app whose handler echoes the validated body, or answers as the item's name asks. */
function echoApp(maxBodyBytes?: number, withFail = false, reportFailure?: (error: unknown, operationId: string) => void) {
  const app = new Hono();
  const seen: unknown[] = [];
  const route = operationRouter<operations>(app, description, { maxBodyBytes, reportFailure });
  // A status per problem kind: the union is wider than any one operation documents, hence the cast.
  const reject = (problem: RequestProblem) => ({ status: STATUS[problem.kind], body: { kind: problem.kind, message: problem.message } }) as never;
  route('createItem', {
    handle: ({ body }) => {
      seen.push(body);
      const item: Item = body;
      if (item.name === 'silent') return { status: 204 };
      if (item.name === 'undocumented') return { status: 418 } as never;
      if (item.name === 'throw') throw new Error('collaborator down');
      if (item.name === 'per-type') return { status: 200, content: { 'application/json': { ...item, note: 'json' }, 'application/xml': { ...item, note: 'xml' } } };
      return { status: 200, body: item };
    },
    reject,
    ...(withFail ? { fail: (error: unknown) => ({ status: 500, body: { kind: 'failed', message: (error as Error).message } }) as const } : {}),
  });
  route('addNote', { reject, handle: ({ body }) => (seen.push(body), { status: 204 }) });
  route('ping', { reject, handle: ({ body }) => (seen.push(body), { status: 204 }) });
  return { app, seen };
}

const post = (app: Hono, body: RequestInit['body'], headers: Record<string, string> = {}, path = '/items') => app.request(path, { method: 'POST', body, headers });

describe('operationRouter: bodies', () => {
  it('reads JSON, answers JSON in UTF-8, never cacheable', async () => {
    const { app, seen } = echoApp();
    const res = await post(app, JSON.stringify({ name: 'a', count: 1 }), { 'content-type': 'application/json' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ name: 'a', count: 1 });
    expect(seen).toEqual([{ name: 'a', count: 1 }]);
  });

  it('reads a form body, typing its values by the schema', async () => {
    const { app, seen } = echoApp();
    expect((await post(app, 'name=a+b&count=2', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(200);
    expect(seen).toEqual([{ name: 'a b', count: 2 }]);
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
    expect(seen[0]).toEqual({ name: 'a', count: 3, tags: ['x'] });
  });

  it('answers in the request format by default and honours Accept quality values', async () => {
    const { app } = echoApp();
    const json = JSON.stringify({ name: 'a', count: 1 });
    const headers = { 'content-type': 'application/json' };
    expect((await post(app, json, headers)).headers.get('content-type')).toMatch(/^application\/json/);
    expect((await post(app, json, { ...headers, accept: 'application/json;q=0.5, application/xml' })).headers.get('content-type')).toMatch(/^application\/xml/);
    expect((await post(app, json, { ...headers, accept: 'image/png' })).headers.get('content-type')).toMatch(/^application\/json/);
    expect((await post(app, '<Item><name>a</name><count>1</count></Item>', { 'content-type': 'application/xml' })).headers.get('content-type')).toMatch(/^application\/xml/);
  });

  it.each([
    ['text/plain', 'name=a'],
    ['multipart/form-data; boundary=x', '--x--'],
    ['application/json; charset=latin1', '{}'],
  ])('answers 415 for %s', async (type, body) => {
    const res = await post(echoApp().app, body, { 'content-type': type });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ kind: 'unsupported-media-type', message: 'send the body as application/json, application/x-www-form-urlencoded, application/xml, text/xml (UTF-8)' });
  });

  it.each(['gzip', 'deflate, identity', 'br'])('answers 415 for a body in the content coding %s, which it would misread as text', async (coding) => {
    const res = await post(echoApp().app, JSON.stringify({ name: 'a', count: 1 }), { 'content-type': 'application/json', 'content-encoding': coding });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ kind: 'unsupported-media-type', message: `the content coding "${coding}" is not supported: send the body unencoded` });
    expect((await post(echoApp().app, JSON.stringify({ name: 'a', count: 1 }), { 'content-type': 'application/json', 'content-encoding': 'identity' })).status).toBe(200);
  });

  it('answers 415 for a body without a content type', async () => {
    expect((await post(echoApp().app, new Blob(['{"name":"a","count":1}']))).status).toBe(415);
  });

  it('judges the media type before the size and before an empty body', async () => {
    const { app } = echoApp(1024);
    expect((await post(app, 'x'.repeat(4096), { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post(app, '', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post(app, null)).status).toBe(415);
  });

  it('answers 413 for a body over the limit, announced or streamed, and buffers none of it', async () => {
    const { app, seen } = echoApp(1024);
    const big = JSON.stringify({ name: 'x'.repeat(2048), count: 1 });
    expect((await post(app, big, { 'content-type': 'application/json' })).status).toBe(413);
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(512).fill(0x20));
      },
    });
    const res = await app.request('/items', { method: 'POST', body: endless, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ kind: 'body-too-large' });
    // An endless upload is read (and dropped) for at most a mebibyte past the limit, then left: the connection closes.
    expect(pulled).toBeLessThan((1024 + 1024 * 1024) / 512 + 4);
    expect(seen).toEqual([]);
    expect(res.headers.get('connection')).toBe('close');
  });

  it('drains a streamed body a little too large, so that the client reads its 413 and keeps its connection; closes after a huge one', async () => {
    const server = serve({ fetch: echoApp(1024).app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const streamed = (bytes: number) => {
      const big = new Uint8Array(bytes).fill(0x20);
      let offset = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (offset >= big.length) return controller.close();
          controller.enqueue(big.subarray(offset, (offset += 16_384)));
        },
      });
    };
    const upload = (bytes: number) => fetch(`${base}/items`, { method: 'POST', body: streamed(bytes), headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
    try {
      const refused = await upload(1_000_000);
      expect([refused.status, refused.headers.get('connection')]).toEqual([413, 'keep-alive']);
      await refused.arrayBuffer();
      // Every following request finds a live connection.
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${base}/items`, { method: 'POST', body: JSON.stringify({ name: 'a', count: 1 }), headers: { 'content-type': 'application/json' } });
        expect(res.status).toBe(200);
        await res.arrayBuffer();
      }
      const huge = await upload(8_000_000).catch((error: Error) => error);
      // Refused either way: by a 413 that closes the connection, or by the connection closing under the upload.
      if (huge instanceof Response) expect([huge.status, huge.headers.get('connection')]).toEqual([413, 'close']);
      else expect(huge.message).toMatch(/fetch failed/);
    } finally {
      server.close();
    }
  });

  it.each([
    ['malformed JSON', '{"name": "a",', 'application/json', 'malformed-body'],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0x7d]), 'application/json', 'malformed-body'],
    ['a literal U+FFFD, which decoding invalid UTF-8 also yields', '{"name":"\uFFFD","count":1}', 'application/json', 'malformed-body'],
    ['XML with a DOCTYPE', '<!DOCTYPE Item><Item/>', 'application/xml', 'malformed-body'],
    ['XML with the wrong root', '<Other><name>a</name><count>1</count></Other>', 'application/xml', 'malformed-body'],
    ['wrong types', '{"name": 5, "count": "1"}', 'application/json', 'invalid-body'],
    ['a JSON array', '[]', 'application/json', 'invalid-body'],
    ['a repeated form field', 'name=a&name=b&count=1', 'application/x-www-form-urlencoded', 'invalid-body'],
    ['no body', null, 'application/json', 'missing-body'],
  ])('answers 400 for %s', async (_, body, type, kind) => {
    const res = await post(echoApp().app, body as RequestInit['body'], { 'content-type': type });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ kind });
  });

  it('answers a body that breaks off as malformed (incomplete), not as a server error', async () => {
    let sent = false;
    const breaking = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new Error('socket hang up'));
        sent = true;
        controller.enqueue(new TextEncoder().encode('{"name":'));
      },
    });
    const res = await echoApp().app.request('/items', { method: 'POST', body: breaking, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ kind: 'malformed-body', message: 'the request body ended before it was complete' });
  });

  it('lists each schema issue in the problem', async () => {
    const res = await post(echoApp().app, '{"count": -1}', { 'content-type': 'application/json' });
    const { message } = (await res.json()) as { message: string };
    expect(message).toBe("body must have required property 'name'; body/count must be >= 0");
  });

  it('gives a refusal repeated with the same issues the very same problem, and a refusal with other issues its own', async () => {
    const app = new Hono();
    const problems: RequestProblem[] = [];
    operationRouter<operations>(app, description)('createItem', {
      reject: (problem) => (problems.push(problem), { status: 400, body: { kind: problem.kind, message: problem.message } }) as never,
      handle: () => ({ status: 204 }),
    });
    const json = { 'content-type': 'application/json' };
    for (const body of ['{"count": -1}', '{ "count" : -1 }', '{"count": -2}', '{"name": "a"}']) await post(app, body, json);
    const [first, again, otherValue, otherIssue] = problems as [RequestProblem, RequestProblem, RequestProblem, RequestProblem];
    expect(again).toBe(first);
    // Ajv words both -1 and -2 alike ("must be >= 0"): the same issues, the same problem.
    expect(otherValue).toBe(first);
    expect(otherIssue).not.toBe(first);
    expect(otherIssue.message).toBe("body must have required property 'count'");
    expect(Object.isFrozen(first.kind === 'invalid-body' && first.issues[0])).toBe(true);
  });

  it('takes an optional body, or none at all', async () => {
    const { app, seen } = echoApp();
    expect((await post(app, null, {}, '/notes')).status).toBe(204);
    expect((await post(app, '{"text":"hi"}', { 'content-type': 'application/json' }, '/notes')).status).toBe(204);
    expect((await post(app, '', { 'content-type': 'application/json' }, '/notes')).status).toBe(204);
    expect((await post(app, 'hi', { 'content-type': 'text/plain' }, '/notes')).status).toBe(415);
    expect(seen).toEqual([undefined, { text: 'hi' }, undefined]);
  });

  it('reads no body where none is documented, but refuses one too large', async () => {
    const { app, seen } = echoApp(1024);
    expect((await post(app, 'anything', { 'content-type': 'text/plain' }, '/ping')).status).toBe(204);
    expect(seen).toEqual([undefined]);
    expect((await post(app, 'x'.repeat(2048), { 'content-type': 'text/plain' }, '/ping')).status).toBe(413);
  });
});

describe('operationRouter: answers', () => {
  it('sends the body written for the negotiated media type when given one per type', async () => {
    const { app } = echoApp();
    const body = '{"name":"per-type","count":1}';
    expect(await (await post(app, body, { 'content-type': 'application/json' })).json()).toMatchObject({ note: 'json' });
    expect(await (await post(app, body, { 'content-type': 'application/json', accept: 'application/xml' })).text()).toContain('<note>xml</note>');
  });

  it('answers a documented status without content with an empty body', async () => {
    const res = await post(echoApp().app, '{"name":"silent","count":0}', { 'content-type': 'application/json' });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
  });

  it('turns a thrown error into the answer fail() chooses, or lets it reach Hono without one', async () => {
    const json = { 'content-type': 'application/json' };
    const res = await post(echoApp(undefined, true).app, '{"name":"throw","count":0}', json);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ kind: 'failed', message: 'collaborator down' });
    expect((await post(echoApp().app, '{"name":"throw","count":0}', json)).status).toBe(500);
  });

  it('reports the error a fail() answers once, with its operation', async () => {
    const reported: [unknown, string][] = [];
    const res = await post(echoApp(undefined, true, (error, operationId) => reported.push([error, operationId])).app, '{"name":"throw","count":0}', { 'content-type': 'application/json' });
    expect(res.status).toBe(500);
    expect(reported.map(([error, operationId]) => [(error as Error).message, operationId])).toEqual([['collaborator down', 'createItem']]);
  });

  it('answers a documented path asked with another method 405 with the methods it documents, and leaves unknown paths alone', async () => {
    const { app, seen } = echoApp();
    for (const method of ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']) {
      const res = await app.request('/items', { method });
      expect([method, res.status, res.headers.get('allow'), await res.text()]).toEqual([method, 405, 'POST', '']);
    }
    // Fetch refuses to build a TRACE request in process; over HTTP, Node hands it on.
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const status = await new Promise<[number | undefined, string | undefined]>((resolve, reject) => {
        request({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, path: '/items', method: 'TRACE' }, (res) => (res.resume(), resolve([res.statusCode, res.headers.allow])))
          .on('error', reject)
          .end();
      });
      expect(status).toEqual([405, 'POST']);
    } finally {
      server.close();
    }
    expect(seen).toEqual([]);
    expect((await app.request('/nowhere', { method: 'GET' })).status).toBe(404);
  });

  it('refuses to send a status the description does not document', async () => {
    expect((await post(echoApp().app, '{"name":"undocumented","count":0}', { 'content-type': 'application/json' })).status).toBe(500);
  });
});
