/**
 * The request path without hashing, per API: a login the description
 * refuses (a body that fails validation), served by `pnpm start`'s gateway,
 * against a bare Hono app answering the same bytes, on loopback. Prints
 * each figure, the ratio and the target.
 *
 * Both servers share one CPU and are loaded at the same time, each by its
 * own load generator with the same connections: the machine's speed (which
 * drifts by a third from one second to the next on a shared VM) then
 * changes both alike, and the ratio of their throughputs is the ratio of
 * the work each does per request. A round is repeated and the median kept.
 *
 *     pnpm bench [--seconds N] [--connections N] [--rounds N] [--profile DIR]
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type BodyFormat, bodyFormat } from '@loginspec/codec';
import { readRegistry } from '@loginspec/codegen/registry';
import type { FixedRoute } from './bare-hono.js';
import { cpuPinning } from './cpus.js';
import { load, type LoadRequest, type LoadResult } from './load.js';
import { type Served, startServer } from './processes.js';
import { profileSummary } from './profile.js';

const USAGE = `Usage: pnpm bench [--seconds N] [--connections N] [--rounds N] [--profile DIR]

Measures the request path of each reference server (a login refused by
validation, no hashing) against a bare Hono app answering the same bytes,
on loopback, and prints throughput, p99 and their ratio. Both servers share
one CPU and are loaded at the same time, so that drift in the machine's
speed changes both alike.

  --seconds N      measured seconds per round (default 3; a 0.5 s warm-up precedes each)
  --connections N  connections per server (default 20)
  --rounds N       rounds per API; medians are printed (default 5)
  --profile DIR    run the reference server under \`node --cpu-prof\`, write its
                   profile to DIR and print where its CPU time went
  --help           show this text`;

interface Rejected {
  api: string;
  path: string;
  format: FixedRoute['format'];
  contentType: string;
  body: string;
}

/** An empty body of each format: whatever a login requires, it is missing, so validation refuses it before any hash. */
const EMPTY: Partial<Record<BodyFormat, string>> = { json: '{}', form: 'unrequested=1' };

/**
 * Each registered API's validation-rejected login, read from its bundled
 * description: its `login` operation's first JSON or form body, sent empty.
 */
async function rejectedLogins(): Promise<Rejected[]> {
  return Promise.all(
    (await readRegistry(root)).map(async (api) => {
      const doc = JSON.parse(await readFile(join(root, api.bundle), 'utf8')) as { paths: Record<string, { post?: { operationId?: string; requestBody?: { content?: Record<string, unknown> } } }> };
      const [path, item] = Object.entries(doc.paths).find(([, entry]) => entry.post?.operationId === 'login') ?? [];
      const contentType = Object.keys(item?.post?.requestBody?.content ?? {}).find((type) => EMPTY[bodyFormat(type) as BodyFormat] !== undefined);
      if (!path || !contentType) throw new Error(`${api.name}: no POST login operation with a JSON or form body to refuse`);
      const format = bodyFormat(contentType) as 'json' | 'form';
      return { api: api.name, path: `/${api.name}${path}`, format, contentType, body: EMPTY[format] as string };
    }),
  );
}
const TARGET = 0.8;

const root = fileURLToPath(new URL('..', import.meta.url));

function options() {
  try {
    const { values } = parseArgs({
      options: { seconds: { type: 'string' }, connections: { type: 'string' }, rounds: { type: 'string' }, profile: { type: 'string' }, help: { type: 'boolean' } },
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    const number = (value: string | undefined, fallback: number, max: number) => {
      const n = value === undefined ? fallback : Number(value);
      if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`not a whole number from 1 to ${max}: ${value}`);
      return n;
    };
    if (values.profile === '') throw new Error('--profile needs a folder');
    const profile = values.profile === undefined ? undefined : resolve(values.profile);
    return { seconds: number(values.seconds, 3, 120), connections: number(values.connections, 20, 500), rounds: number(values.rounds, 5, 41), profile };
  } catch (err) {
    console.error(`bench: ${(err as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** Loads the two servers at once, with the same request, and answers each one's result. */
async function measurePair(ports: [number, number], route: Rejected, expectStatus: number, seconds: number, connections: number): Promise<[LoadResult, LoadResult]> {
  const request = (port: number): LoadRequest => ({ url: `http://127.0.0.1:${port}${route.path}`, method: 'POST', headers: { 'content-type': route.contentType }, body: route.body });
  const both = (duration: number) => Promise.all(ports.map((port) => load(request(port), { seconds: duration, connections, expectStatus })));
  await both(0.5);
  const results = await both(seconds);
  for (const result of results) {
    if (result.unexpected > 0) throw new Error(`${route.api}: ${result.unexpected} answers were not ${expectStatus} or failed: not a measurement`);
  }
  return results as [LoadResult, LoadResult];
}

async function main(): Promise<void> {
  const { seconds, connections, rounds, profile } = options();
  const rejected = await rejectedLogins();
  const servers: Served[] = [];
  const cpus = cpuPinning();
  cpus.pinSelf();
  try {
    console.log(`bench: starting the reference servers (pnpm start, quiet); ${cpus.note} …`);
    const profiling = profile === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profile}`];
    const reference = await startServer(...cpus.server(process.execPath, [...profiling, `${root}packages/gateway/dist/main.js`, '--port', '0', '--quiet']), /reference servers on http:\/\/127\.0\.0\.1:(\d+)/);
    servers.push(reference);
    // The baseline answers exactly what the reference server answers.
    const fixed: FixedRoute[] = [];
    for (const route of rejected) {
      const res = await fetch(`http://127.0.0.1:${reference.port}${route.path}`, { method: 'POST', headers: { 'content-type': route.contentType }, body: route.body });
      fixed.push({ path: route.path, format: route.format, status: res.status, contentType: res.headers.get('content-type') ?? '', body: await res.text() });
    }
    const bare = await startServer(...cpus.server(process.execPath, ['--import', 'tsx', `${root}bench/bare-hono.ts`]), /listening (\d+)/, { BARE_ROUTES: JSON.stringify(fixed) });
    servers.push(bare);

    const rows: string[][] = [];
    for (const [i, route] of rejected.entries()) {
      const status = (fixed[i] as FixedRoute).status;
      const ours: LoadResult[] = [];
      const baseline: LoadResult[] = [];
      for (let round = 0; round < rounds; round++) {
        process.stdout.write(`bench: ${route.api} round ${round + 1}/${rounds} (${seconds} s) … `);
        const [b, o] = await measurePair([bare.port, reference.port], route, status, seconds, connections);
        baseline.push(b);
        ours.push(o);
        console.log(`bare ${b.requestsPerSecond.toFixed(0)}, reference ${o.requestsPerSecond.toFixed(0)} req/s: ${((o.requestsPerSecond / b.requestsPerSecond) * 100).toFixed(0)}%`);
      }
      const ratio = median(ours.map((o, r) => o.requestsPerSecond / (baseline[r] as LoadResult).requestsPerSecond));
      const rps = (results: LoadResult[]) => median(results.map((r) => r.requestsPerSecond)).toFixed(0);
      const p99 = (results: LoadResult[]) => `${median(results.map((r) => r.p99Ms))}`;
      rows.push([route.api, `${status}`, rps(baseline), rps(ours), `${(ratio * 100).toFixed(0)}%`, p99(baseline), p99(ours), ratio >= TARGET ? 'met' : 'MISSED']);
    }
    const header = ['api', 'status', 'bare Hono req/s', 'reference req/s', 'ratio', 'bare p99 ms', 'reference p99 ms', `target ≥ ${TARGET * 100}%`];
    const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] as string).length)));
    const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c] as number)).join(' | ')} |`;
    console.log(
      `\nRequest path, a login refused by validation (no hashing): both servers loaded at once on one shared CPU, ${connections} connections each, ${seconds} s per round, medians of ${rounds} rounds (ratio: median of the rounds' ratios); loopback, ${cpus.note}\n`,
    );
    console.log([line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
    if (rows.some((r) => r[7] === 'MISSED')) process.exitCode = 1;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
  if (profile !== undefined) console.log(`\n${await profileSummary(profile)}`);
}

await main();
