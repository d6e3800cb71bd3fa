/**
 * The negative campaign as the conformance CLI runs it (`--cases`, `--seed`),
 * against whichever API and base URL it is pointed at.
 *
 * @module
 */
import type { NegativeCampaign } from '../run-api.js';
import { formatCampaign, runCampaign } from './campaign.js';

export interface NegativeCampaignOptions {
  /** Requests per API. */
  cases: number;
  /** A fixed seed replays a run; a fresh one is drawn otherwise, and reported. */
  seed?: number;
}

export function negativeCampaign({ cases, seed = Math.floor(Math.random() * 2 ** 31) }: NegativeCampaignOptions): NegativeCampaign {
  return async ({ suite, baseUrl, fetch, controlsToken }) => {
    const result = await runCampaign({
      description: suite.description,
      api: suite.api,
      baseUrl,
      cases,
      seed,
      ...(controlsToken ? { controlsToken } : {}),
      // The caller's fetch takes a Request (and checks, and logs, each answer).
      fetch: (input, init) => fetch(new Request(input, init)),
    });
    const name = `${result.cases} schema-derived requests, valid and mutated (seed ${seed})`;
    return result.failures.length === 0 ? { name, outcome: 'passed' } : { name, outcome: 'failed', error: formatCampaign(result) };
  };
}
