import type { OpenApiDocument } from '@loginspec/codec';
import { Description } from '@loginspec/openapi-runtime';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleExchanges } from './examples.js';
import bundled from './fixtures/greeting.json' with { type: 'json' };
import { sendRaw } from './raw-request.js';
import { ContractRecorder, ContractViolation } from './recorder.js';
import { defineSuite, clockOf } from './scenario.js';
import { type RunningServer, serveOnLoopback } from './serve.js';

const description = new Description(bundled as unknown as OpenApiDocument);

/** A server that answers whatever the test asks for, right or wrong, at `/api`. */
const answers: Record<string, () => Response> = {
  good: () => Response.json({ greeting: 'Hello' }),
  refused: () => Response.json({ code: 1, message: 'A name is required.' }, { status: 400 }),
  silent: () => new Response(null, { status: 204 }),
  undocumentedStatus: () => Response.json({ greeting: 'Hello' }, { status: 418 }),
  missingField: () => Response.json({}),
  extraField: () => Response.json({ greeting: 'Hello', admin: true }),
  plainText: () => new Response('Internal Server Error', { status: 400, headers: { 'content-type': 'text/plain' } }),
  notJson: () => new Response('{"greeting": ', { headers: { 'content-type': 'application/json' } }),
};
const app = new Hono().post('/api/greet', async (c) => (answers[await c.req.text()] as () => Response)());
const servers: RunningServer[] = [await serveOnLoopback(app)];
afterAll(() => Promise.all(servers.map((s) => s.close())));
const base = (servers[0] as RunningServer).baseUrl;

describe('ContractRecorder', () => {
  const greet = (recorder: ContractRecorder, answer: string, path = '/api/greet') => recorder.fetch(`${base}${path}`, { method: 'POST', body: answer });

  it('passes documented answers through and counts the statuses seen', async () => {
    const recorder = new ContractRecorder(description, { basePath: '/api' });
    expect(recorder.documented()).toEqual(['greet 200', 'greet 204', 'greet 400']);
    expect((await greet(recorder, 'good')).status).toBe(200);
    expect(await (await greet(recorder, 'refused')).json()).toEqual({ code: 1, message: 'A name is required.' });
    expect(recorder.missing()).toEqual(['greet 204']);
    await greet(recorder, 'silent');
    expect(recorder.missing()).toEqual([]);
  });

  it.each([
    ['undocumentedStatus', /answered 418, which the description does not document/],
    ['missingField', /does not match its schema: body must have required property 'greeting'/],
    ['extraField', /does not match its schema: body must NOT have additional properties/],
    ['plainText', /as text\/plain; documented: application\/json/],
    ['notJson', /with a body that is not application\/json/],
  ])('fails a request whose answer breaks the description: %s', async (answer, message) => {
    const recorder = new ContractRecorder(description, { basePath: '/api' });
    const failure = await greet(recorder, answer).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ContractViolation);
    expect((failure as Error).message).toMatch(message);
    expect(recorder.missing()).toHaveLength(3);
  });

  it("notes, when told to tolerate a vendor's extra members, an undocumented member as a warning, and fails everything else as before", async () => {
    const recorder = new ContractRecorder(description, { basePath: '/api', tolerateExtraMembers: true });
    expect((await greet(recorder, 'extraField')).status).toBe(200);
    expect([...recorder.warnings]).toEqual(['greet 200: the member /admin is not documented']);
    await expect(greet(recorder, 'missingField')).rejects.toThrow(/must have required property 'greeting'/);
    await expect(greet(recorder, 'undocumentedStatus')).rejects.toThrow(/answered 418/);
  });

  it('fails a request to a path the description does not have', async () => {
    await expect(greet(new ContractRecorder(description), 'good', '/api/greet')).rejects.toThrow('POST /api/greet is not an operation of the description');
  });
});

describe('exampleExchanges', () => {
  it("pairs each request example with the status of the response example of its name, encoded as it goes on the wire", () => {
    expect(exampleExchanges(description, 'greet')).toEqual([
      { operationId: 'greet', name: 'seed', summary: undefined, mediaType: 'application/json', body: '{"name":"Ada"}', status: 200 },
      { operationId: 'greet', name: 'nameless', summary: undefined, mediaType: 'application/json', body: '{"name":""}', status: 400 },
    ]);
  });
});

describe('defineSuite', () => {
  it('refuses two scenarios of one name', () => {
    const run = async () => {};
    expect(() => defineSuite({ api: 'x', description, demo: {}, scenarios: [{ name: 'a', run }, { name: 'a', run }] })).toThrow('x: two scenarios are named "a"');
  });

  it('gives a scenario the clock it needs, or says where to run it', () => {
    const clock = { now: () => 1, advance: () => {} };
    expect(clockOf({ baseUrl: '', fetch, send: sendRaw, demo: {}, clock })).toBe(clock);
    expect(() => clockOf({ baseUrl: '', fetch, send: sendRaw, demo: {} })).toThrow('run it against a reference server');
  });
});
