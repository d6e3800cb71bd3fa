import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { cors, parseOrigins } from './cors.js';

const app = new Hono();
app.use(cors({ origins: ['http://localhost:5173'] }));
app.post('/login', (c) => c.json({ code: 429 }, 429, { 'retry-after': '60' }));

const preflight = (origin: string) =>
  app.request('/login', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' } });
const corsHeaders = (res: Response) => Object.fromEntries([...res.headers].filter(([name]) => name.startsWith('access-control-')));

describe('cors', () => {
  it('answers the preflight of an allowed origin with the methods and the headers it asks for', async () => {
    const res = await preflight('http://localhost:5173');
    expect(res.status).toBe(204);
    expect(corsHeaders(res)).toEqual({
      'access-control-allow-origin': 'http://localhost:5173',
      'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE',
      'access-control-allow-headers': 'content-type, authorization',
      'access-control-max-age': '600',
    });
  });

  it("lets an allowed origin's page read the answer, Retry-After included", async () => {
    const res = await app.request('/login', { method: 'POST', headers: { origin: 'http://localhost:5173' } });
    expect(res.status).toBe(429);
    expect(corsHeaders(res)).toEqual({ 'access-control-allow-origin': 'http://localhost:5173', 'access-control-expose-headers': 'Retry-After, WWW-Authenticate' });
    expect(res.headers.get('vary')).toBe('Origin');
  });

  it('gives any other origin, and a request without one, no CORS header at all', async () => {
    for (const headers of [{ origin: 'http://evil.test' }, { origin: 'http://localhost:5174' }, {}] as Record<string, string>[]) {
      expect(corsHeaders(await app.request('/login', { method: 'POST', headers }))).toEqual({});
    }
    const refused = await preflight('http://evil.test');
    expect(refused.status).toBe(404);
    expect(corsHeaders(refused)).toEqual({});
  });
});

describe('parseOrigins', () => {
  it('keeps exact origins and refuses anything else', () => {
    expect(parseOrigins(['http://localhost:5173', 'https://app.example.com'])).toEqual(['http://localhost:5173', 'https://app.example.com']);
    expect(() => parseOrigins(['https://*.example.com'])).toThrow('exact');
    expect(() => parseOrigins(['localhost:5173'])).toThrow('not an http or https origin');
    expect(() => parseOrigins(['app.example.com'])).toThrow('is not an origin');
    expect(() => parseOrigins(['https://app.example.com/login'])).toThrow('write it as https://app.example.com');
  });
});
