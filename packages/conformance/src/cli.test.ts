import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, serveOnLoopback } from '@loginspec/contract-testkit';
import { repoRoot } from '@loginspec/docs-site';
import { enos } from '@loginspec/enos-server';
import { type RunningGateway, startGateway } from '@loginspec/gateway';
import { killChildren, run } from '@loginspec/gateway/testing';
import { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main, OPTIONS } from './command.js';
import type { ConformanceReport } from './report.js';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const CLI = join(repoRoot, 'packages/conformance/dist/cli.js');
const API_NAMES = ['enos', 'eos', 'aktion', 'edr', 'xelion'];

let dir: string;
/** pnpm start's servers in process, without the test controls: what a real server offers. */
let gateway: RunningGateway;
let origin: string;
/** A server that answers every request with the enos login's 200 example: every negative case fails. */
let yesMan: RunningServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loginspec-conformance-cli-'));
  gateway = await startGateway({ root: repoRoot, docsDir: dir, host: '127.0.0.1', port: 0, servers: { scrypt: FAST } });
  origin = `http://127.0.0.1:${gateway.port}`;
  yesMan = await serveOnLoopback(new Hono().all('*', (c) => c.json(enos.responseExample('login', 200))));
}, 30_000);
// A wrong demo password counts as failed logins: each test starts with none counted, as after the gateway's SIGHUP.
afterEach(async () => {
  await gateway.resetAttempts();
});
afterAll(async () => {
  killChildren();
  await Promise.all([gateway?.close(), yesMan?.close()]);
  await rm(dir, { recursive: true, force: true });
});

/** The command run in process: its exit status, and what it printed to stdout and to stderr. */
async function conformance(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, { out: (text) => out.push(text), err: (text) => err.push(text), env });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

describe('pnpm conformance', () => {
  it('documents every option in --help, and exits 0', async () => {
    const { status, out } = await conformance(['--help']);
    expect(status).toBe(0);
    const names = Object.keys(OPTIONS);
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(out, `--${name}`).toMatch(new RegExp(`^  --${name}\\b`, 'm'));
  });

  it.each([
    ['an unknown flag', ['--api', 'enos', '--base-url', 'http://127.0.0.1:9', '--no-such-flag'], "Unknown option '--no-such-flag'"],
    ['a flag without its value', ['--api', 'enos', '--base-url'], "Option '--base-url <value>' argument missing"],
    ['a number that is none', ['--api', 'enos', '--base-url', 'http://127.0.0.1:9', '--cases', 'many'], '--cases must be a whole number'],
    ['--path without --seed', ['--api', 'enos', '--base-url', 'http://127.0.0.1:9', '--path', '3'], '--path replays one case of a seed'],
  ])('exits 2 on %s, printing the usage', async (_, args, message) => {
    const { status, err } = await conformance(args);
    expect(status).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain('Usage: pnpm conformance');
  });

  it('exits 2 on a bad flag as the built command, the one pnpm conformance runs', async () => {
    const cli = run(process.execPath, [CLI, '--no-such-flag']);
    expect(await cli.exited).toEqual({ code: 2, signal: null });
    expect(cli.stderr.join('\n')).toContain("Unknown option '--no-such-flag'");
  });

  it('passes twice in a row under --safe against servers without test controls, exits 0, and writes a --json report naming each API', async () => {
    for (const attempt of [1, 2]) {
      const file = join(dir, `report-${attempt}.json`);
      const { status, out } = await conformance(['--api', 'all', '--base-url', origin, '--safe', '--cases', '30', '--seed', '7', '--json', file, '--quiet']);
      expect(status, `run ${attempt}:\n${out}`).toBe(0);
      const report = JSON.parse(await readFile(file, 'utf8')) as ConformanceReport;
      expect(report.passed).toBe(true);
      expect(report.apis.map((a) => a.api)).toEqual(API_NAMES);
      // What --safe left out is reported, each case saying why.
      for (const api of report.apis) {
        expect(api.cases.filter((c) => c.outcome === 'skipped').every((c) => c.reason)).toBe(true);
        expect(api.cases.find((c) => c.kind === 'negative' && c.outcome === 'skipped')?.reason).toContain('(--safe)');
      }
    }
  });

  it('exits 1 when the demo credentials of LOGINSPEC_<API>_DEMO do not log in, and prints the failure with the password masked', async () => {
    const password = 'not-the-demo-password-4711';
    const { status, out } = await conformance(['--api', 'enos', '--base-url', `${origin}/enos`, '--safe', '--cases', '0'], { LOGINSPEC_ENOS_DEMO: JSON.stringify({ account: 'portal_demo', password }) });
    expect(status).toBe(1);
    expect(out).toContain("✗ scenario: logs the seed's demo account in with a fresh token and its organizations");
    expect(out).toContain('"password":"***"');
    expect(out).not.toContain(password);
    expect(out).toMatch(/^FAILED: /m);
  });

  it('replays the one negative case a failure names with --seed and --path', async () => {
    const args = ['--api', 'enos', '--base-url', yesMan.baseUrl, '--cases', '30', '--seed', '99', '--quiet'];
    const first = await conformance(args);
    expect(first.status).toBe(1);
    const [, path] = /replay: {2}--seed 99 --path (\S+)/.exec(first.out) ?? [];
    expect(path).toBeDefined();
    const request = (text: string, at: string) => new RegExp(`request: (.*)\\n.*\\n {6}\\s*replay: {2}--seed 99 --path ${at} `).exec(text)?.[1];
    const replay = await conformance([...args, '--path', path as string]);
    expect(replay.status).toBe(1);
    expect(replay.out).toContain(`the schema-derived request of seed 99 at path ${path}, replayed`);
    expect(replay.out).toMatch(/enos: 1 cases \(seed 99\) in \d+ ms, 1 failures/);
    expect(request(replay.out, path as string)).toBe(request(first.out, path as string));
  });
});
