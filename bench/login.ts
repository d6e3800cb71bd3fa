/**
 * Section 2, logins with real hashing (OWASP cost, `pnpm start`'s default):
 * throughput against the hash-bound limit, (hashes the pool runs at once) ÷
 * (time of one hash at that concurrency), both measured in this run; p99
 * against one hash; and /healthz p99 during the load, which a blocked event
 * loop would push to a hash's time.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { HashingPool, OWASP_SCRYPT } from '@loginspec/login-kit';
import { describedRequests } from './descriptions.js';
import { load } from './load.js';
import { during, step } from './progress.js';
import { root, startGateway } from './servers.js';
import { fmt, type Settings } from './settings.js';
import { median, percent } from './stats.js';
import { type Row, verdict } from './table.js';

const OF_LIMIT = 0.9;
const P99_HASHES = 2;
/** A loop blocked by a hash would answer /healthz after a whole hash; a free one within a small part of it. */
const HEALTHZ_OF_HASH = 0.25;
/** /healthz polled often enough for a p99 over the run, seldom enough to leave the CPUs to the hashes. */
const HEALTHZ_RATE = 50;

async function timeOneHash(settings: Settings, concurrency: number, repeats: number): Promise<number[]> {
  const { N, r, p } = OWASP_SCRYPT;
  const [command, args] = settings.everyCpu(process.execPath, ['--import', 'tsx', join(root, 'bench/hash-timer.ts'), ...[N, r, p, concurrency, repeats].map(String)]);
  const { stdout } = await promisify(execFile)(command, args, { timeout: 120_000 });
  return JSON.parse(stdout) as number[];
}

export async function login(settings: Settings): Promise<Row[]> {
  // The gateway's one pool is login-kit's default (gateway/src/start.ts): its size is read from there.
  const poolSize = new HashingPool().concurrency;
  const api = (await describedRequests(root)).find((a) => a.seedLogin !== undefined);
  if (!api?.seedLogin) throw new Error('no API has a seed login example');
  const seconds = settings.quick ? 5 : 15;
  const repeats = settings.quick ? 3 : 6;
  const hashes: number[] = [];
  hashes.push(...(await during(`login: timing one OWASP hash, ${poolSize} at once`, timeOneHash(settings, poolSize, repeats))));
  const gateway = await during('login: starting the gateway (OWASP cost, every CPU)', startGateway(settings.everyCpu, []));
  try {
    const url = `http://127.0.0.1:${gateway.port}/${api.api}${api.seedLogin.path}`;
    const request = { url, method: 'POST' as const, headers: api.seedLogin.headers, body: api.seedLogin.body as string };
    const healthz = { url: `http://127.0.0.1:${gateway.port}/healthz`, method: 'GET' as const, headers: {} };
    await load(request, { connections: poolSize, expectStatus: 200, seconds: 2 }); // warm-up
    const [logins, health] = await during(`login: ${api.api} seed login, ${poolSize} connections (the pool's size), ${seconds} s, with /healthz polled meanwhile`, () =>
      Promise.all([load(request, { connections: poolSize, expectStatus: 200, seconds }), load(healthz, { connections: 1, expectStatus: 200, seconds, rate: HEALTHZ_RATE })]),
    );
    if (logins.unexpected > 0 || health.unexpected > 0) throw new Error(`login: ${logins.unexpected} logins and ${health.unexpected} /healthz answers were not 200`);
    // Timed again after the load, so that drift during it counts on both sides.
    hashes.push(...(await timeOneHash(settings, poolSize, repeats)));
    const oneHash = median(hashes);
    const limit = poolSize / (oneHash / 1000);
    const ofLimit = logins.requestsPerSecond / limit;
    step(`login: ${fmt(logins.requestsPerSecond, 2)} logins/s, limit ${fmt(limit, 2)}/s; one hash ${fmt(oneHash)} ms`);
    const subject = `${api.api}: seed login, OWASP scrypt N=2^${Math.log2(OWASP_SCRYPT.N)} r=${OWASP_SCRYPT.r}, ${poolSize} connections`;
    return [
      {
        section: 'login',
        subject,
        figure: `${fmt(logins.requestsPerSecond, 2)} logins/s`,
        against: `hash-bound limit ${fmt(limit, 2)}/s (${poolSize} at once ÷ ${fmt(oneHash)} ms a hash)`,
        ratio: percent(ofLimit),
        target: `≥ ${percent(OF_LIMIT)} of the limit`,
        result: verdict(ofLimit >= OF_LIMIT),
      },
      {
        section: 'login',
        subject: `${subject}: p99`,
        figure: `p99 ${fmt(logins.p99Ms)} ms`,
        against: `one hash ${fmt(oneHash)} ms (median of ${hashes.length}, ${poolSize} at once)`,
        ratio: `${fmt(logins.p99Ms / oneHash, 2)}×`,
        target: `≤ ${P99_HASHES}× one hash`,
        result: verdict(logins.p99Ms <= P99_HASHES * oneHash),
      },
      {
        section: 'login',
        subject: `event loop during the login load: /healthz, ${HEALTHZ_RATE} req/s`,
        figure: `p99 ${fmt(health.p99Ms)} ms (${fmt(health.requestsPerSecond)} req/s)`,
        against: `one hash ${fmt(oneHash)} ms`,
        ratio: `${fmt(health.p99Ms / oneHash, 3)}×`,
        target: `< ${HEALTHZ_OF_HASH}× one hash`,
        result: verdict(health.p99Ms < HEALTHZ_OF_HASH * oneHash),
      },
    ];
  } finally {
    await gateway.stop();
  }
}
