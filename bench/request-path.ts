/**
 * Section 1, the request path without hashing, per API: a login the
 * description refuses (validation fails before any hash) and, where the API
 * has one, a GET that checks a token, served by the gateway of `pnpm start`,
 * against (a) a bare Hono app answering the same bytes and (b) Prism mocking
 * the same bundled description. Each baseline is loaded at once with the
 * gateway, a pair on one shared CPU, and compared by requests per second
 * of each process's own CPU time (see at-once.ts): not all three
 * together, since Prism's large working set on the same CPU takes the
 * cache from the other two, and costs the larger of them (the gateway)
 * more than bare Hono, 3–4 points of the ratio when measured.
 */
import { type Candidate, atOnce } from './at-once.js';
import type { FixedRoute } from './bare-hono.js';
import { type ApiRequest, type ApiRequests, describedRequests, tokenIn } from './descriptions.js';
import type { LoadRequest } from './load.js';
import type { Served } from './processes.js';
import { step } from './progress.js';
import { root, startBareHono, startGateway, startPrism } from './servers.js';
import { fmt, type Settings } from './settings.js';
import { percent } from './stats.js';
import { type Row, verdict } from './table.js';

const OF_BARE = 0.8;
const TIMES_PRISM = 5;

const url = (served: Served, prefix: string, request: ApiRequest) => `http://127.0.0.1:${served.port}${prefix}${request.path}`;
const loadRequest = (served: Served, prefix: string, request: ApiRequest, headers: Record<string, string> = {}): LoadRequest => ({
  url: url(served, prefix, request),
  method: request.method,
  headers: { ...request.headers, ...headers },
  ...(request.body === undefined ? {} : { body: request.body }),
});

async function send(request: LoadRequest): Promise<{ status: number; contentType: string; body: string }> {
  const res = await fetch(request.url, { method: request.method, headers: request.headers, ...(request.body === undefined ? {} : { body: request.body }) });
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: await res.text() };
}

/** One case of an API: what the gateway is sent (a fresh token each round where one is needed), and how Prism is sent the same. */
interface Case {
  api: string;
  what: string;
  request: ApiRequest;
  /** Headers of a round: a fresh token's `Authorization`, or none. */
  headers: () => Promise<Record<string, string>>;
  /** Prism checks that a token is present, not that it is valid: any will do. */
  prismHeaders: Record<string, string>;
}

function casesOf(api: ApiRequests, gateway: Served): Case[] {
  const cases: Case[] = [{ api: api.api, what: 'login refused by validation', request: api.rejectedLogin, headers: async () => ({}), prismHeaders: {} }];
  const check = api.tokenCheck;
  if ('request' in check && api.seedLogin) {
    const seed = api.seedLogin;
    cases.push({
      api: api.api,
      what: `token check (${check.request.method} ${check.request.path})`,
      request: check.request,
      // A login per round: aktion's tokens live 20 s, longer than a round but not than a run.
      headers: async () => {
        const answer = await send(loadRequest(gateway, `/${api.api}`, seed));
        const token = tokenIn(JSON.parse(answer.body));
        if (answer.status !== 200 || token === undefined) throw new Error(`${api.api}: the seed login answered ${answer.status} without a token`);
        return check.authorize(token);
      },
      prismHeaders: check.authorize('bench'),
    });
  }
  return cases;
}

export async function requestPath(settings: Settings): Promise<Row[]> {
  const apis = await describedRequests(root);
  const rows: Row[] = [];
  const started: Served[] = [];
  try {
    step('request path: starting the gateway (OWASP hash cost) and the bare Hono app');
    const gateway = await startGateway(settings.pinned, []);
    started.push(gateway);
    const cases = apis.flatMap((api) => casesOf(api, gateway));
    // The baseline answers exactly what the gateway answers, read from the gateway itself.
    const fixed: FixedRoute[] = [];
    const statuses: number[] = [];
    for (const c of cases) {
      const answer = await send(loadRequest(gateway, `/${c.api}`, c.request, await c.headers()));
      statuses.push(answer.status);
      fixed.push({ method: c.request.method, path: `/${c.api}${c.request.path}`, ...(c.request.format ? { format: c.request.format } : {}), status: answer.status, contentType: answer.contentType, body: answer.body });
    }
    const bare = await startBareHono(settings.pinned, fixed);
    started.push(bare);

    for (const api of apis) {
      let prism: Served | undefined;
      let prismMissing: string | undefined;
      try {
        step(`request path: ${api.api}: starting Prism on its bundled description`);
        prism = await startPrism(settings.pinned, api.bundle);
      } catch (err) {
        prismMissing = `Prism did not start: ${(err as Error).message.split('\n').find((l) => /error/i.test(l))?.trim() ?? 'see its output'}`;
      }
      try {
        for (const [i, c] of cases.entries()) {
          if (c.api !== api.api) continue;
          const bareCandidate: Candidate = { name: 'bare Hono', request: () => loadRequest(bare, `/${c.api}`, c.request), expectStatus: statuses[i] as number, pid: bare.child.pid };
          const ours: Candidate = { name: 'gateway', request: async () => loadRequest(gateway, `/${c.api}`, c.request, await c.headers()), expectStatus: statuses[i] as number, pid: gateway.child.pid };
          let prismCandidate: Candidate | undefined;
          let prismNote = prismMissing;
          if (prism && !prismNote) {
            const prismRequest = loadRequest(prism, '', c.request, c.prismHeaders);
            const answer = await send(prismRequest).catch((err: Error) => ({ status: 0, body: err.message, contentType: '' }));
            // An answer Prism cannot make (5xx, or none) is not a mock of this API: said, not measured.
            if (answer.status === 0 || answer.status >= 500) prismNote = `Prism cannot mock it: ${answer.status || 'no answer'} ${answer.body.slice(0, 80).replace(/\s+/g, ' ')}`;
            else prismCandidate = { name: 'Prism', request: () => prismRequest, expectStatus: answer.status, pid: prism.child.pid };
          }
          const pair = (candidates: Candidate[]) =>
            atOnce(`${c.api} ${c.what}`, candidates, {
              ...settings,
              onRound: (round, results) =>
                step(`request path: ${c.api} ${c.what}, round ${round + 1}/${settings.rounds}: ${results.map((r, k) => `${(candidates[k] as Candidate).name} ${fmt(r.requestsPerSecond)}`).join(', ')} req/s`),
            });
          const withBare = await pair([bareCandidate, ours]);
          const withPrism = prismCandidate ? await pair([ours, prismCandidate]) : undefined;
          const [b, o] = withBare.results as [{ rps: number; p99Ms: number }, { rps: number; p99Ms: number }];
          const p = withPrism?.results[1];
          const ofBare = withBare.ratio(1, 0);
          const timesPrism = withPrism?.ratio(0, 1);
          rows.push({
            section: 'request path',
            subject: `${c.api}: ${c.what}, ${statuses[i]}`,
            figure: `${fmt(o.rps)} req/s, p99 ${o.p99Ms} ms`,
            against: `bare Hono ${fmt(b.rps)} req/s, p99 ${b.p99Ms} ms; ${p ? `Prism ${fmt(p.rps)} req/s, p99 ${p.p99Ms} ms` : `Prism: ${prismNote}`}`,
            // Said which measure each is: the figures beside them are throughputs.
            ratio: `${percent(ofBare)} of bare${withBare.byCpu(1, 0) ? ' by CPU time' : ''}; ${timesPrism === undefined ? 'Prism n/a' : `${fmt(timesPrism, 1)}× Prism${withPrism?.byCpu(0, 1) ? ' by CPU time' : ''}`}`,
            target: `≥ ${percent(OF_BARE)} of bare; ≥ ${TIMES_PRISM}× Prism`,
            result: `${verdict(ofBare >= OF_BARE)}; ${timesPrism === undefined ? 'skipped (no Prism figure)' : verdict(timesPrism >= TIMES_PRISM)}`,
          });
        }
        if ('none' in api.tokenCheck) rows.push({ section: 'request path', subject: `${api.api}: token check`, figure: '-', against: '-', ratio: '-', target: '-', result: `skipped: ${api.tokenCheck.none}` });
      } finally {
        await prism?.stop();
      }
    }
  } finally {
    await Promise.all(started.map((s) => s.stop()));
  }
  return rows;
}
