import { describe, expect, it } from 'vitest';
import { parseAttemptLimits } from './attempt-limits.js';
import { HELP_OPTION, readOptions, SERVE_OPTIONS, serveSettings, UsageError, usage } from './settings.js';

const specs = [...SERVE_OPTIONS, HELP_OPTION];
const settings = (args: string[], env: Record<string, string> = {}, isTty = false) => serveSettings(readOptions(specs, args, env), { isTty });
const refusal = (args: string[], env: Record<string, string> = {}) => {
  try {
    settings(args, env);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('not refused');
};

describe('the settings of a reference-server command', () => {
  it('has safe defaults: loopback, 4010, OWASP cost, no proxies, 100 connections per address, no CORS, JSON logs off a terminal and text on one', () => {
    expect(settings([])).toEqual({ port: 4010, host: '127.0.0.1', hashCost: { N: 2 ** 17, r: 8, p: 1 }, attemptLimits: {}, trustedProxies: [], maxConnectionsPerAddress: 100, corsOrigins: [], logFormat: 'json', quiet: false });
    expect(settings([], {}, true).logFormat).toBe('text');
  });

  it('reads each setting from its flag or, without it, its environment variable; the flag wins', () => {
    const env = {
      PORT: '4011',
      HOST: '0.0.0.0',
      LOGINSPEC_HASH_COST: 'test',
      LOGINSPEC_ACCOUNTS: 'ci/accounts.json',
      LOGINSPEC_ATTEMPT_LIMIT: 'perAddress=1000,windowSeconds=60',
      LOGINSPEC_TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.1',
      LOGINSPEC_MAX_CONNECTIONS_PER_ADDRESS: '1000',
      LOGINSPEC_CORS_ORIGINS: 'http://localhost:5173,https://app.example.com',
      LOGINSPEC_LOG_FORMAT: 'text',
      LOGINSPEC_QUIET: 'true',
      REDIS_URL: 'redis://:hunter2@127.0.0.1:6379/2',
    };
    expect(settings([], env)).toEqual({
      port: 4011,
      host: '0.0.0.0',
      hashCost: { N: 1024, r: 8, p: 1 },
      accounts: 'ci/accounts.json',
      attemptLimits: { perAddress: 1000, windowSeconds: 60 },
      trustedProxies: ['10.0.0.0/8', '192.0.2.1'],
      maxConnectionsPerAddress: 1000,
      corsOrigins: ['http://localhost:5173', 'https://app.example.com'],
      redisUrl: 'redis://:hunter2@127.0.0.1:6379/2',
      logFormat: 'text',
      quiet: true,
    });
    const flags = ['--port', '0', '--hash-cost', 'N=4096', '--trusted-proxy', '::1', '--cors-origin', 'http://a.test', '--cors-origin', 'http://b.test', '--log-format', 'json', '--attempt-limit', 'perAccount=50', '--max-connections-per-address', '20'];
    expect(settings(flags, env)).toMatchObject({ port: 0, hashCost: { N: 4096 }, trustedProxies: ['::1'], maxConnectionsPerAddress: 20, corsOrigins: ['http://a.test', 'http://b.test'], logFormat: 'json', attemptLimits: { perAccount: 50 } });
  });

  it('names the flag or the variable a bad value came from', () => {
    expect(refusal(['--port', '70000'])).toBe('--port: not a port: 70000');
    expect(refusal([], { PORT: 'http' })).toBe('PORT: not a port: http');
    expect(refusal(['--hash-cost', 'N=1000'])).toContain('--hash-cost: "N=1000": N must be a power of two');
    expect(refusal(['--trusted-proxy', 'proxy.internal'])).toBe('--trusted-proxy: trusted proxy "proxy.internal" is not an IP address or CIDR range');
    expect(refusal([], { LOGINSPEC_CORS_ORIGINS: '*' })).toContain('LOGINSPEC_CORS_ORIGINS: "*": CORS origins are exact');
    expect(refusal(['--cors-origin', 'https://app.example.com/'])).toContain('write it as https://app.example.com');
    expect(refusal(['--log-format', 'pretty'])).toBe('--log-format: "pretty" is not a log format (json or text)');
    expect(refusal([], { LOGINSPEC_QUIET: 'maybe' })).toContain('LOGINSPEC_QUIET=maybe: say 1/true/yes/on or 0/false/no/off');
    expect(refusal(['--attempt-limit', 'perAccount=500'])).toContain('perAccount must be at most 100');
    expect(refusal(['--max-connections-per-address', '0'])).toBe('--max-connections-per-address: not a whole number of at least 1: 0');
    expect(refusal([], { LOGINSPEC_MAX_CONNECTIONS_PER_ADDRESS: '1e3' })).toBe('LOGINSPEC_MAX_CONNECTIONS_PER_ADDRESS: not a whole number of at least 1: 1e3');
    expect(refusal(['--max-connections-per-address=-5'])).toBe('--max-connections-per-address: not a whole number of at least 1: -5');
    expect(refusal(['--bogus'])).toContain("Unknown option '--bogus'");
    expect(refusal(['stray'])).toContain("Unexpected argument 'stray'");
    expect(refusal(['--port'])).toContain("Option '--port <value>' argument missing");
  });

  it('refuses a Redis URL it cannot use without quoting it: it may hold a password', () => {
    expect(refusal(['--redis-url', 'http://:hunter2@cache:6379'])).toBe('--redis-url: is a http URL; a Redis URL starts with redis:// or rediss://');
    expect(refusal([], { REDIS_URL: 'hunter2@cache:6379' })).toBe('REDIS_URL: is not a URL (redis://[:password@]host[:port][/db])');
    expect(refusal([], { REDIS_URL: 'redis://' })).toBe('REDIS_URL: names no host (redis://[:password@]host[:port][/db])');
    expect(settings(['--redis-url', 'rediss://cache.internal:6380'], { REDIS_URL: 'redis://other' }).redisUrl).toBe('rediss://cache.internal:6380');
  });

  it('lists every flag with its environment variable in the usage', () => {
    const text = usage('demo [options]', 'A demo.', specs);
    for (const spec of SERVE_OPTIONS) {
      expect(text).toContain(`--${spec.name}`);
      expect(text).toContain(`env: ${spec.env}`);
    }
    expect(text).not.toMatch(/\x1b\[/);
    // Behind a proxy every client has the proxy's address: the cap per address must say so where it is set.
    expect(text).toMatch(/--max-connections-per-address N\n[^]*reverse\s+proxy[^]*raise it/);
  });
});

describe('parseAttemptLimits', () => {
  it("reads x-attempt-limit's own fields, the later text winning", () => {
    expect(parseAttemptLimits(['perAccountAndAddress=3, perAddress=50', 'perAddress=60'])).toEqual({ perAccountAndAddress: 3, perAddress: 60 });
  });

  it.each([
    ['perMinute=3', '"perMinute" is not a field of x-attempt-limit'],
    ['perAddress=0', 'perAddress must be a whole number of at least 1'],
    ['perAddress=1.5', 'perAddress must be a whole number of at least 1'],
    ['perAddress', 'is not FIELD=NUMBER'],
  ])('refuses %s', (text, message) => {
    expect(() => parseAttemptLimits([text])).toThrow(message);
  });
});
