/**
 * Section 3, Redis stores against in-memory ones: two gateways, one with
 * `--redis-url`, loaded at once on one shared CPU (redis-server on it too:
 * its work is part of that candidate's), on paths that touch the stores
 * without costly hashing: each API's seed login at the cheapest hash cost
 * (attempt counters, sessions or tokens written) and each token check (a
 * token read).
 */
import { spawnSync } from 'node:child_process';
import { type Candidate, atOnce } from './at-once.js';
import { type ApiRequest, describedRequests, tokenIn } from './descriptions.js';
import type { LoadRequest } from './load.js';
import type { Served } from './processes.js';
import { step } from './progress.js';
import { CHEAP_HASH, ROOMY_LIMITS, root, startGateway, startRedis } from './servers.js';
import { fmt, type Settings } from './settings.js';
import { percent } from './stats.js';
import { type Row, verdict } from './table.js';

const OF_MEMORY = 0.7;

const toLoad = (served: Served, api: string, request: ApiRequest, headers: Record<string, string> = {}): LoadRequest => ({
  url: `http://127.0.0.1:${served.port}/${api}${request.path}`,
  method: request.method,
  headers: { ...request.headers, ...headers },
  ...(request.body === undefined ? {} : { body: request.body }),
});

async function send(request: LoadRequest): Promise<{ status: number; body: string }> {
  const res = await fetch(request.url, { method: request.method, headers: request.headers, ...(request.body === undefined ? {} : { body: request.body }) });
  return { status: res.status, body: await res.text() };
}

export async function redis(settings: Settings): Promise<Row[]> {
  const missing = spawnSync('redis-server', ['--version'], { stdio: 'ignore', timeout: 5_000 }).status === 0 ? undefined : 'redis-server is not installed';
  if (missing) return [{ section: 'redis', subject: 'Redis stores against in-memory', figure: '-', against: '-', ratio: '-', target: `≥ ${percent(OF_MEMORY)} of in-memory`, result: `skipped: ${missing}` }];
  const apis = await describedRequests(root);
  const started: Served[] = [];
  const rows: Row[] = [];
  try {
    step('redis: starting redis-server and two gateways (cheapest hash cost; one with --redis-url)');
    const server = await startRedis(settings.pinned);
    started.push(server);
    const memory = await startGateway(settings.pinned, [...CHEAP_HASH, ...ROOMY_LIMITS]);
    started.push(memory);
    const kept = await startGateway(settings.pinned, [...CHEAP_HASH, ...ROOMY_LIMITS, '--redis-url', server.url]);
    started.push(kept);
    const gateways = [memory, kept];

    for (const api of apis) {
      const seed = api.seedLogin;
      if (!seed) continue;
      // A login that answers alike every time: a second one answering otherwise (xelion: one session per user space) is not a steady load.
      const answers = [await send(toLoad(memory, api.api, seed)), await send(toLoad(memory, api.api, seed)), await send(toLoad(kept, api.api, seed))];
      const cases: { what: string; request: (g: Served) => Promise<LoadRequest>; status: number }[] = [];
      if (answers.every((a) => a.status === answers[0]?.status)) cases.push({ what: `seed login, scrypt ${CHEAP_HASH[1]}`, request: async (g) => toLoad(g, api.api, seed), status: answers[0]?.status as number });
      else rows.push({ section: 'redis', subject: `${api.api}: seed login`, figure: '-', against: '-', ratio: '-', target: '-', result: `skipped: a repeated login answers ${answers.map((a) => a.status).join(', ')}, not a steady load` });
      const check = api.tokenCheck;
      if ('request' in check) {
        // A fresh token each round, from the gateway that checks it (aktion's live 20 s).
        const request = async (g: Served) => {
          const token = tokenIn(JSON.parse((await send(toLoad(g, api.api, seed))).body));
          if (token === undefined) throw new Error(`${api.api}: the seed login answered no token`);
          return toLoad(g, api.api, check.request, check.authorize(token));
        };
        const status = (await send(await request(kept))).status;
        cases.push({ what: `token check (${check.request.method} ${check.request.path})`, request, status });
      }
      for (const c of cases) {
        const candidates: Candidate[] = gateways.map((g, i) => ({ name: i === 0 ? 'in-memory' : 'Redis', request: () => c.request(g), expectStatus: c.status }));
        const measured = await atOnce(`${api.api} ${c.what}`, candidates, {
          ...settings,
          onRound: (round, results) => step(`redis: ${api.api} ${c.what}, round ${round + 1}/${settings.rounds}: in-memory ${fmt(results[0]?.requestsPerSecond ?? 0)}, Redis ${fmt(results[1]?.requestsPerSecond ?? 0)} req/s`),
        });
        const [mem, red] = measured.results as [{ rps: number; p99Ms: number }, { rps: number; p99Ms: number }];
        const ratio = measured.ratio(1, 0);
        rows.push({
          section: 'redis',
          subject: `${api.api}: ${c.what}, ${c.status}`,
          figure: `Redis ${fmt(red.rps)} req/s, p99 ${red.p99Ms} ms`,
          against: `in-memory ${fmt(mem.rps)} req/s, p99 ${mem.p99Ms} ms`,
          ratio: percent(ratio),
          target: `≥ ${percent(OF_MEMORY)} of in-memory`,
          result: verdict(ratio >= OF_MEMORY),
        });
      }
    }
  } finally {
    await Promise.all(started.map((s) => s.stop()));
  }
  return rows;
}
