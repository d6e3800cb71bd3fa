/**
 * The negative campaign as the conformance CLI runs it (`--cases`, `--seed`,
 * `--path`), against whichever API and base URL it is pointed at.
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
  /** Replays only the case of a failure (its `path`), of the run that drew `seed`. */
  path?: string;
}

export function negativeCampaign({ cases, seed = Math.floor(Math.random() * 2 ** 31), path }: NegativeCampaignOptions): NegativeCampaign {
  return async ({ suite, baseUrl, recorder, safe, controlsToken, signal }) => {
    const result = await runCampaign({
      description: suite.description,
      api: suite.api,
      baseUrl,
      cases,
      seed,
      safe,
      // The caller's recorder judges each answer (tolerantly against a vendor's server) and counts it in the coverage.
      recorder,
      ...(path === undefined ? {} : { path }),
      ...(controlsToken ? { controlsToken } : {}),
      ...(signal ? { signal } : {}),
    });
    const name = path === undefined ? `${result.cases} schema-derived requests, valid and mutated (seed ${seed})` : `the schema-derived request of seed ${seed} at path ${path}, replayed`;
    const withheld = result.withheld === 0 ? [] : [{ name: `${result.withheld} more schema-derived requests (seed ${seed})`, outcome: 'skipped' as const, reason: 'they reach an operation that counts requests (it documents a 429) (--safe)' }];
    return [result.failures.length === 0 ? { name, outcome: 'passed' } : { name, outcome: 'failed', error: formatCampaign(result) }, ...withheld];
  };
}
