import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { accessLog, createLogger, formatAccess } from './log.js';

const ANSI = /\x1b\[/;
const at = () => Date.UTC(2026, 0, 1);

describe('the log', () => {
  it('writes one JSON object a line, with time, level and event, info on stdout and warnings on stderr', () => {
    const out: string[] = [];
    const err: string[] = [];
    const logger = createLogger({ format: 'json', stdout: (l) => out.push(l), stderr: (l) => err.push(l), now: at });
    logger.info('listening', 'loginspec reference servers on http://127.0.0.1:4010\nmore', { url: 'http://127.0.0.1:4010' });
    logger.warn('weak-hash-cost', 'too cheap');
    expect(out.map((l) => JSON.parse(l))).toEqual([{ time: '2026-01-01T00:00:00.000Z', level: 'info', event: 'listening', message: 'loginspec reference servers on http://127.0.0.1:4010\nmore', url: 'http://127.0.0.1:4010' }]);
    expect(err.map((l) => JSON.parse(l))).toEqual([{ time: '2026-01-01T00:00:00.000Z', level: 'warn', event: 'weak-hash-cost', message: 'too cheap' }]);
    for (const line of [...out, ...err]) expect(line).not.toMatch(/\n|\x1b\[/);
  });

  it('writes text as it is, with no colour codes', () => {
    const out: string[] = [];
    createLogger({ format: 'text', stdout: (l) => out.push(l), stderr: () => {} }).info('x', 'plain words');
    expect(out).toEqual(['plain words']);
    expect(formatAccess({ method: 'POST', path: '/a', status: 200, ms: 3 }, 'text')).toBe('POST /a 200 3ms');
  });
});

describe('accessLog', () => {
  const lines: string[] = [];
  const logger = createLogger({ format: 'json', stdout: (l) => lines.push(l), stderr: () => {}, now: at });
  const app = new Hono().use(accessLog(logger.request));
  app.post('/xelion/api/v1/:tenant/me/login', async (c) => c.json({ ok: (await c.req.text()).length > 0 }));

  it('logs method, path, status and time: never the query string, the body or a header', async () => {
    lines.length = 0;
    await app.request('/xelion/api/v1/master/me/login?password=hunter2', { method: 'POST', body: '{"password":"s3cret"}', headers: { authorization: 'Bearer t0ken' } });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] as string);
    expect(entry).toMatchObject({ level: 'info', event: 'request', method: 'POST', path: '/xelion/api/v1/master/me/login', status: 200 });
    expect(lines[0]).not.toMatch(/hunter2|s3cret|t0ken|\?|\x1b\[/);
  });

  it('logs a path as it came, percent-encoded: a decoded %0a cannot forge a line', async () => {
    lines.length = 0;
    const text: string[] = [];
    const plain = new Hono().use(accessLog(createLogger({ format: 'text', stdout: (l) => text.push(l), stderr: () => {} }).request));
    await plain.request('/docs/%0aGET%20/admin%20200');
    expect(text).toEqual([expect.stringMatching(/^GET \/docs\/%0aGET%20\/admin%20200 404 \d+ms$/)]);
    expect(ANSI.test(text.join(''))).toBe(false);
  });
});
