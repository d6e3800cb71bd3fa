import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { enos } from '@loginspec/enos-server';
import { afterEach, describe, expect, it } from 'vitest';
import { formatCampaign, runCampaign } from './campaign.js';

interface Answer {
  status: number;
  type?: string;
  body?: string;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((done) => {
          s.closeAllConnections();
          s.close(() => done());
        }),
    ),
  );
});

/** A server that claims to implement the description, and answers what `answer` says whatever it is sent (the body read to its end). */
async function fake(answer: (method: string, url: string, body: string) => Answer): Promise<string> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const { status, type, body } = answer(req.method ?? '', req.url ?? '', Buffer.concat(chunks).toString('latin1'));
      res.writeHead(status, type ? { 'content-type': type } : {});
      res.end(body);
    });
  });
  servers.push(server);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const LOGIN = ['login'];
const ok = JSON.stringify(enos.responseExample('login', 200));

describe('runCampaign', () => {
  it('fails a 2xx to every request the description forbids, and passes the positive ones', async () => {
    const baseUrl = await fake(() => ({ status: 200, type: 'application/json', body: ok }));
    const result = await runCampaign({ description: enos, baseUrl, cases: 150, seed: 7, operations: LOGIN });
    expect(result.cases).toBe(150);
    const kinds = new Set(result.failures.map((f) => f.kind));
    expect(kinds.has('valid')).toBe(false);
    for (const kind of ['missing-required', 'oversized', 'media-undocumented', 'malformed-json'] as const) expect(kinds.has(kind), kind).toBe(true);
    for (const failure of result.failures) expect(failure.problem).toBe('answered 200 to a request the description forbids');
  });

  it("fails a server error, a framework's plain-text answer and an undocumented status", async () => {
    const answers: Answer[] = [
      { status: 500, type: 'application/json', body: '{"code":31500,"message":"x","data":null}' },
      { status: 404, type: 'text/plain; charset=UTF-8', body: '404 Not Found' },
      { status: 418, type: 'application/json', body: '{}' },
      { status: 400, type: 'application/json', body: '{"code":"wrong"}' },
    ];
    let next = 0;
    const baseUrl = await fake(() => answers[next++ % answers.length] as Answer);
    const result = await runCampaign({ description: enos, baseUrl, cases: 8, seed: 7, operations: LOGIN });
    expect(result.failures).toHaveLength(8);
    const problems = result.failures.slice(0, 4).map((f) => f.problem);
    expect(problems[0]).toMatch(/^a server error \(500\)/);
    expect(problems[1]).toMatch(/^a plain-text answer/);
    expect(problems[2]).toMatch(/^contract: .* answered 418, which the description does not document/);
    expect(problems[3]).toMatch(/^contract: .* does not match its schema/);
    expect(result.failures[1]).toMatchObject({ status: 404, body: '404 Not Found', seed: 7, path: '1' });
  });

  it('reports a failure with its seed and path, which replay the same request', async () => {
    const baseUrl = await fake((_, url) => (url.includes('login') ? { status: 200, type: 'application/json', body: ok } : { status: 404 }));
    const result = await runCampaign({ description: enos, baseUrl, cases: 60, seed: 99, operations: LOGIN });
    const failure = result.failures.at(-1);
    expect(failure).toBeDefined();
    const replay = await runCampaign({ description: enos, baseUrl, cases: 60, seed: failure?.seed as number, path: failure?.path, operations: LOGIN });
    expect(replay.cases).toBe(1);
    expect(replay.failures).toEqual([failure]);
  });

  it("reports a failure's request and answer with every credential masked: passwords, live tokens, a token the server echoes", async () => {
    const echoed = JSON.stringify({ code: 31500, msg: 'x', data: { accessToken: 'ECHOED-ACCESS-TOKEN', refreshToken: 'ECHOED-REFRESH-TOKEN' } });
    const baseUrl = await fake(() => ({ status: 500, type: 'application/json', body: echoed }));
    const credentials = { accessToken: async () => 'LIVE-ACCESS-TOKEN-0123456789' };
    const result = await runCampaign({ description: enos, baseUrl, cases: 60, seed: 5, operations: ['login', 'chooseOrganization'], credentials, controlsToken: 'CONTROLS-TOKEN-0123456789-abcdefghij' });
    expect(result.failures).toHaveLength(60);
    const report = formatCampaign(result);
    for (const secret of ['LIVE-ACCESS-TOKEN', 'ECHOED-ACCESS-TOKEN', 'ECHOED-REFRESH-TOKEN', 'CONTROLS-TOKEN']) expect(report).not.toContain(secret);
    expect(report).toContain('authorization: ***');
    expect(report).toContain('"password":"***"');
    expect(report).toContain('"accessToken":"***"');
  });

  it('under safe, sends an operation that counts requests (it documents a 429) only what the description forbids, and never the demo credentials', async () => {
    const { password } = enos.requestExample<{ password: string }>('login');
    const refusal = { status: 400, type: 'application/json', body: JSON.stringify(enos.errors('login').answer(31400).body) };
    const send = async (safe: boolean) => {
      const bodies: string[] = [];
      const baseUrl = await fake((_, __, body) => (bodies.push(body), refusal));
      return { bodies, result: await runCampaign({ description: enos, baseUrl, cases: 120, seed: 3, operations: LOGIN, safe }) };
    };
    const unsafe = await send(false);
    expect(unsafe.result).toMatchObject({ cases: 120, withheld: 0, failures: [] });
    expect(unsafe.bodies.some((body) => body.includes(password))).toBe(true);
    const { bodies, result } = await send(true);
    expect(result.failures).toEqual([]);
    expect(result.withheld).toBeGreaterThan(0);
    expect(result.cases + result.withheld).toBe(120);
    expect(result.kinds.valid).toBeUndefined();
    expect(bodies).toHaveLength(result.cases);
    expect(bodies.filter((body) => body.includes(password))).toEqual([]);
  });

  it('gives up on a request after its timeout, and says so', async () => {
    const server = createServer(() => {});
    servers.push(server);
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const result = await runCampaign({ description: enos, baseUrl, cases: 2, seed: 1, operations: LOGIN, timeoutMs: 200 });
    expect(result.failures.map((f) => f.problem)).toEqual([expect.stringMatching(/^no answer: .*(timeout|aborted)/i), expect.stringMatching(/^no answer/)]);
  });
});
