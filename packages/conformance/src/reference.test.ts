import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@loginspec/docs-site';
import { killChildren, MAIN, run } from '@loginspec/gateway/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { coveredPercent } from './coverage.js';
import { negativeCampaign } from './negative/campaign-adapter.js';
import { renderApi } from './report.js';
import { runConformance } from './run.js';

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

describe('the conformance suite against pnpm start', () => {
  it('finds the test controls by the token file of the base URL, passes every case of all five APIs and sees every documented status and code', async () => {
    // The campaign at the CLI's default size: the thousand-case campaigns run in negative/campaign.test.ts.
    const negative = negativeCampaign({ cases: 200, seed: 20261127 });
    const report = await runConformance({ root: repoRoot, api: 'all', baseUrl: origin, minCoverage: 100, negative });
    const failed = report.apis.filter((a) => a.cases.some((c) => c.outcome !== 'passed') || coveredPercent(a.coverage) < 100);
    expect(failed.map((a) => renderApi(a, 100)).join('\n\n')).toBe('');
    expect(report.apis.map((a) => a.api)).toEqual(['enos', 'eos', 'aktion', 'edr', 'xelion']);
    expect(report.apis.every((a) => a.controls)).toBe(true);
    expect(report.passed).toBe(true);
    expect(report.apis.map((a) => a.cases.filter((c) => c.kind === 'negative').length)).toEqual([1, 1, 1, 1, 1]);
  });

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
