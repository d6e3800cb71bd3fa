import { server as aktion } from '@loginspec/aktion-server';
import { type RunningServer, serveOnLoopback } from '@loginspec/contract-testkit';
import { server as edr } from '@loginspec/edr-server';
import { server as enos } from '@loginspec/enos-server';
import { server as eos } from '@loginspec/eos-server';
import { ManualClock, type ReferenceServer } from '@loginspec/login-kit';
import { clientAddress } from '@loginspec/openapi-runtime/node';
import { afterAll, describe, expect, it } from 'vitest';
import { formatCampaign, runCampaign } from './campaign.js';
import { demoCredentials } from './demo-credentials.js';
import { MUTATION_KINDS } from './requests.js';
import { server as xelion } from '@loginspec/xelion-server';

// A low scrypt cost keeps the campaign fast; the default is OWASP's (see login-kit).
const FAST = { N: 2 ** 10, r: 8, p: 1 };
const SEED = 20260101;
const CASES = 1000;

const running: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

/** The reference server on loopback, trusting the tester's X-Forwarded-For, as the contract runner starts it. */
async function start(reference: ReferenceServer): Promise<string> {
  const app = await reference.create({ clock: new ManualClock(), scrypt: FAST, clientAddress: clientAddress({ trustedProxies: ['127.0.0.1', '::1'] }), deliver: () => {} });
  const served = await serveOnLoopback(app);
  running.push(served);
  return served.baseUrl;
}

describe.each([enos, eos, aktion, edr, xelion])('negative campaign against the $name reference server', (reference) => {
  it(`answers ${CASES} schema-derived requests, valid and mutated, only as the description documents`, { timeout: 120_000 }, async () => {
    const baseUrl = await start(reference);
    const credentials = demoCredentials(reference.name, baseUrl, reference.description);
    const result = await runCampaign({ description: reference.description, api: reference.name, baseUrl, cases: CASES, seed: SEED, ...(credentials ? { credentials } : {}) });
    expect(result.failures, formatCampaign(result)).toEqual([]);
    expect(result.cases).toBe(CASES);
    // Every operation was reached, with positive cases among the rest.
    for (const op of reference.description.operations) expect(Object.keys(result.statuses).some((key) => key.startsWith(`${op.operationId} `)), op.operationId).toBe(true);
    expect(result.kinds.valid).toBeGreaterThan(0);
    expect(Object.keys(result.kinds).every((kind) => (MUTATION_KINDS as readonly string[]).includes(kind))).toBe(true);
  });
});
