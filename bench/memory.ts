/**
 * Section 5, the gateway's resident memory (VmRSS of the child, from
 * /proc): idle; after 100,000 logins at a hash cost so cheap that only
 * state counts; after all their tokens expired (the test controls' clock
 * moved past every lifetime, then a few logins, whose writes purge what
 * expired); and after idling. Each step is bounded in count and in time.
 */
import { readFile } from 'node:fs/promises';
import { describedRequests } from './descriptions.js';
import { load, type LoadRequest } from './load.js';
import type { Served } from './processes.js';
import { during, step } from './progress.js';
import { CHEAP_HASH, ROOMY_LIMITS, root, startGateway } from './servers.js';
import { fmt, type Settings } from './settings.js';
import { type Row, verdict } from './table.js';

const WITHIN_MIB = 64;
/** A day: past every token's lifetime and every attempt window in the descriptions. */
const PAST_EVERY_LIFETIME_MS = 86_400_000;
/** The token of the gateway's test controls, given to it (LOGINSPEC_TEST_CONTROLS_TOKEN) and sent with each control. */
const CONTROLS_TOKEN = 'bench-memory-test-controls-token-0123456789';

async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  if (kib === undefined) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kib) / 1024;
}

async function advanceClock(gateway: Served): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${gateway.port}/_controls/clock`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${CONTROLS_TOKEN}` }, body: JSON.stringify({ action: 'advance', ms: PAST_EVERY_LIFETIME_MS }) });
  if (res.status !== 200) throw new Error(`POST /_controls/clock answered ${res.status}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function memoryRun(settings: Settings, variant: { label: string; env: NodeJS.ProcessEnv }): Promise<Row[]> {
  const logins = settings.quick ? 10_000 : 100_000;
  const chunks = 4;
  const idleMs = settings.quick ? 3_000 : 10_000;
  const api = (await describedRequests(root)).find((a) => a.seedLogin !== undefined);
  if (!api?.seedLogin) throw new Error('no API has a seed login example');
  const gateway = await startGateway(settings.everyCpu, [...CHEAP_HASH, ...ROOMY_LIMITS, '--test-controls'], [], { ...variant.env, LOGINSPEC_TEST_CONTROLS_TOKEN: CONTROLS_TOKEN });
  const pid = gateway.child.pid as number;
  try {
    const request: LoadRequest = { url: `http://127.0.0.1:${gateway.port}/${api.api}${api.seedLogin.path}`, method: 'POST', headers: api.seedLogin.headers, body: api.seedLogin.body as string };
    const batch = async (amount: number) => {
      const result = await load(request, { connections: 20, expectStatus: 200, amount, maxSeconds: 120 });
      if (result.requests < amount || result.unexpected > 0) throw new Error(`memory: ${result.requests} of ${amount} logins answered (${result.unexpected} not 200) within 120 s`);
      return result;
    };
    await batch(2_000); // warm-up: JIT, pools, first allocations
    await sleep(idleMs);
    const idle = await rssMiB(pid);
    step(`memory${variant.label}: idle ${fmt(idle)} MiB`);
    // In chunks, the clock moved past every lifetime after each: every login is one more token that will expire, and no store fills to its capacity.
    let peak = idle;
    await during(`memory${variant.label}: ${fmt(logins)} ${api.api} logins at scrypt ${CHEAP_HASH[1]}`, async () => {
      for (let i = 0; i < chunks; i++) {
        await batch(logins / chunks);
        peak = Math.max(peak, await rssMiB(pid));
        await advanceClock(gateway);
      }
    });
    const afterLogins = await rssMiB(pid);
    await batch(1_000); // writes purge what expired
    const afterExpiry = await rssMiB(pid);
    await sleep(idleMs);
    const afterIdle = await rssMiB(pid);
    step(`memory${variant.label}: peak ${fmt(peak)}, after the tokens expired ${fmt(afterExpiry)}, after idling ${fmt(afterIdle)} MiB`);
    const subject = (what: string) => `${api.api}${variant.label}: ${what}`;
    const row = (what: string, value: number, target: boolean): Row => ({
      section: 'memory',
      subject: subject(what),
      figure: `${fmt(value)} MiB RSS`,
      against: `idle ${fmt(idle)} MiB`,
      ratio: `${value >= idle ? '+' : ''}${fmt(value - idle)} MiB`,
      target: target ? `≤ idle + ${WITHIN_MIB} MiB` : '-',
      result: target ? verdict(value - idle <= WITHIN_MIB) : '-',
    });
    return [
      row(`peak during ${fmt(logins)} logins`, peak, false),
      row(`after ${fmt(logins)} logins, every token expired`, afterLogins, false),
      row(`after ${fmt(logins)} expired tokens purged (1,000 logins since)`, afterExpiry, true),
      row(`after ${idleMs / 1000} s idle`, afterIdle, true),
    ];
  } finally {
    await gateway.stop();
  }
}

/**
 * The run, and when it misses its target, the same run again with glibc's
 * malloc held to two arenas: memory freed by JavaScript but kept by malloc's
 * per-thread arenas then shows as the difference.
 */
export async function memory(settings: Settings): Promise<Row[]> {
  const rows = await memoryRun(settings, { label: '', env: {} });
  if (rows.some((r) => r.result === 'MISSED')) rows.push(...(await memoryRun(settings, { label: ' (MALLOC_ARENA_MAX=2)', env: { MALLOC_ARENA_MAX: '2' } })));
  return rows;
}
