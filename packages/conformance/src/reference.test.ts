import { tmpdir } from 'node:os';
import { repoRoot } from '@loginspec/docs-site';
import { type RunningGateway, startGateway } from '@loginspec/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coveredPercent } from './coverage.js';
import { negativeCampaign } from './negative/campaign-adapter.js';
import { renderApi } from './report.js';
import { runConformance } from './run.js';

let gateway: RunningGateway;
beforeAll(async () => {
  // pnpm start as a test runs it: test controls on loopback, scrypt's cost lowered by configuration.
  gateway = await startGateway({ root: repoRoot, docsDir: tmpdir(), host: '127.0.0.1', port: 0, testControls: true, servers: { scrypt: { N: 2 ** 10, r: 8, p: 1 } } });
});
afterAll(() => new Promise<void>((resolve) => gateway.server.close(() => resolve())));

describe('the conformance suite against pnpm start', () => {
  it('passes every case of all five APIs and sees every documented status and code', async () => {
    // The campaign at the CLI's default size: the thousand-case campaigns run in negative/campaign.test.ts.
    const negative = negativeCampaign({ cases: 200, seed: 20261127 });
    const report = await runConformance({ root: repoRoot, api: 'all', baseUrl: `http://127.0.0.1:${gateway.port}`, minCoverage: 100, negative });
    const failed = report.apis.filter((a) => a.cases.some((c) => c.outcome !== 'passed') || coveredPercent(a.coverage) < 100);
    expect(failed.map((a) => renderApi(a, 100)).join('\n\n')).toBe('');
    expect(report.apis.map((a) => a.api)).toEqual(['enos', 'eos', 'aktion', 'edr', 'xelion']);
    expect(report.passed).toBe(true);
    expect(report.apis.map((a) => a.cases.filter((c) => c.kind === 'negative').length)).toEqual([1, 1, 1, 1, 1]);
  });
});
