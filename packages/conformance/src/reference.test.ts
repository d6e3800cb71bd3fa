import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleExchanges } from '@loginspec/contract-testkit';
import { repoRoot } from '@loginspec/docs-site';
import { killChildren, MAIN, run } from '@loginspec/gateway/testing';
import { xelion } from '@loginspec/xelion-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { coveredPercent } from './coverage.js';
import { negativeCampaign } from './negative/campaign-adapter.js';
import { RemoteControls } from './remote-controls.js';
import { renderApi } from './report.js';
import { runConformance } from './run.js';

const CLI = join(repoRoot, 'packages/conformance/dist/cli.js');

// The user's runtime directory, of the test's own: where the gateway writes its token file and the suite finds it.
const runtime = await mkdtemp(join(tmpdir(), 'loginspec-conformance-'));
let origin: string;
beforeAll(async () => {
  vi.stubEnv('XDG_RUNTIME_DIR', runtime);
  // pnpm start as a test runs it: the built gateway, its test controls on (their token drawn at start), on loopback, scrypt's cost lowered by configuration.
  const gateway = run(process.execPath, [MAIN, '--test-controls', '--port', '0', '--hash-cost', 'test', '--quiet']);
  origin = (await gateway.event('listening')).url as string;
}, 30_000);
afterAll(async () => {
  killChildren();
  vi.unstubAllEnvs();
  await rm(runtime, { recursive: true, force: true });
});

/**
 * The gateway as the next user meets it after a run: the clock on the
 * system's time and running, and the xelion description's seed login
 * answered 200 on its first send (10005 while a session a run opened in its
 * user space stays open). Then xelion is emptied of that login's session.
 */
async function expectLeftAsFound(): Promise<void> {
  const { controls, missing } = await RemoteControls.find(origin);
  if (!controls) throw new Error(missing);
  expect(controls.state.clock.frozen).toBe(false);
  expect(Math.abs(controls.state.clock.now - Date.now())).toBeLessThan(5_000);
  const seed = exampleExchanges(xelion, 'login').find((example) => example.name === 'seed');
  const login = await fetch(`${origin}/xelion${xelion.examplePath('login')}`, { method: 'POST', body: seed?.body ?? null, headers: { 'content-type': seed?.mediaType ?? '' } });
  expect(login.status, await login.text()).toBe(200);
  await controls.reset('xelion');
}

describe('the conformance suite against pnpm start', () => {
  it('finds the test controls by the token file of the base URL, passes every case of all five APIs, sees every documented status and code, and leaves the server as found', async () => {
    // The campaign at the CLI's default size: the thousand-case campaigns run in negative/campaign.test.ts.
    const negative = negativeCampaign({ cases: 200, seed: 20261127 });
    const report = await runConformance({ root: repoRoot, api: 'all', baseUrl: origin, minCoverage: 100, negative });
    const failed = report.apis.filter((a) => a.cases.some((c) => c.outcome !== 'passed') || coveredPercent(a.coverage) < 100);
    expect(failed.map((a) => renderApi(a, 100)).join('\n\n')).toBe('');
    expect(report.apis.map((a) => a.api)).toEqual(['enos', 'eos', 'aktion', 'edr', 'xelion']);
    expect(report.apis.every((a) => a.controls)).toBe(true);
    expect(report.passed).toBe(true);
    expect(report.apis.map((a) => a.cases.filter((c) => c.kind === 'negative').length)).toEqual([1, 1, 1, 1, 1]);
    // eos's scenarios move the clock ten years ahead, xelion's open sessions: the run puts both back.
    await expectLeftAsFound();
  });

  it('stopped by Ctrl-C, ends the case under way, leaves the server as found and exits 130', async () => {
    // eos's scenario that moves the clock ten years ahead, then stopped as it ends.
    const moved = "✓ keeps the page's sample session alive whatever the time";
    const cli = run(process.execPath, [CLI, '--api', 'eos', '--base-url', `${origin}/eos`, '--cases', '0']);
    await vi.waitFor(() => expect(cli.stderr.join('\n')).toContain(moved), { timeout: 20_000, interval: 50 });
    cli.child.kill('SIGINT');
    expect(await cli.exited).toEqual({ code: 130, signal: null });
    const stderr = cli.stderr.join('\n');
    expect(stderr).toContain("test controls: the server left as found: the clock on the system's time, eos emptied");
    expect(stderr).toContain('conformance: stopped before the run was done');
    // No report: the run was not done.
    expect(cli.stdout).toEqual([]);
    await expectLeftAsFound();
  }, 30_000);

  it.each([
    ['no token, and no file for the origin', {}, 'need their token: give --controls-token or LOGINSPEC_TEST_CONTROLS_TOKEN (pnpm start writes it to '],
    ['another token', { controlsToken: 'not-the-token-of-this-gateway-0123456789' }, 'refused the token given: give --controls-token'],
  ])('runs as against any server with %s, skipping what needs the controls and saying how to give the token', async (_, given, reason) => {
    // A runtime directory without the gateway's file: the token is not found.
    vi.stubEnv('XDG_RUNTIME_DIR', join(runtime, 'elsewhere'));
    const report = await runConformance({ root: repoRoot, api: 'aktion', baseUrl: `${origin}/aktion`, ...given });
    const [aktion] = report.apis;
    expect(aktion?.controls).toBe(false);
    const skipped = aktion?.cases.filter((c) => c.outcome === 'skipped' && c.kind === 'scenario') ?? [];
    expect(skipped.length).toBeGreaterThan(0);
    for (const c of skipped) expect(c.reason).toContain(`the test controls at ${origin}/_controls ${reason}`);
  });
});
