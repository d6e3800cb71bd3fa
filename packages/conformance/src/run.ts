import { coveredPercent } from './coverage.js';
import type { ConformanceReport } from './report.js';
import { RemoteControls } from './remote-controls.js';
import { type ApiReport, type NegativeCampaign, runApi } from './run-api.js';
import { loadSuites } from './suites.js';

export interface ConformanceOptions {
  /** The repository whose registry names the APIs and their scenarios. */
  root: string;
  /** One API's name, or `all`. */
  api: string;
  /** For one API, its base URL; for `all`, the origin that serves each API under `/<name>` (`pnpm start`). */
  baseUrl: string;
  safe?: boolean;
  vendor?: boolean;
  /** Credentials that log in, by API, in place of the descriptions' `seed` examples. */
  demos?: Record<string, unknown>;
  negative?: NegativeCampaign;
  /** The token of the server's test controls; else the one its gateway wrote on this machine for the base URL's origin, if any. */
  controlsToken?: string;
  /** Coverage below this percentage fails the run (0 by default: a server without test controls cannot show its 500s). */
  minCoverage?: number;
  progress?: (line: string) => void;
  /** Stops the run before its next case (the CLI's Ctrl-C): it rejects with the signal's reason, once the server is left as found. */
  signal?: AbortSignal;
}

/**
 * Runs the suite of one API or of all against a server, and judges the
 * whole. Where it used the server's test controls, it leaves the server as
 * it found it however the run ends: the clock back on the system's time,
 * and each API it ran emptied.
 */
export async function runConformance({ root, api, baseUrl, safe, vendor, demos = {}, negative, controlsToken, minCoverage = 0, progress = () => {}, signal }: ConformanceOptions): Promise<ConformanceReport> {
  const suites = await loadSuites(root);
  const chosen = api === 'all' ? suites : suites.filter((s) => s.api === api);
  if (chosen.length === 0) throw new Error(`no API is named "${api}": ${suites.map((s) => s.api).join(', ')}, or all`);
  const base = baseUrl.replace(/\/+$/, '');
  const { controls, missing } = await RemoteControls.find(new URL(base).origin, controlsToken);
  progress(`test controls: ${controls ? `found at ${controls.origin}/_controls` : `none, cases that need them are skipped (${missing})`}`);
  const apis: ApiReport[] = [];
  /** The APIs run through the controls: their state, and the clock, are the run's to put back. */
  const used: string[] = [];
  try {
    for (const suite of chosen) {
      signal?.throwIfAborted();
      const apiBase = api === 'all' ? `${base}/${suite.api}` : base;
      progress(`${suite.api}: ${apiBase}`);
      if (controls?.serves(suite.api)) used.push(suite.api);
      apis.push(await runApi({ suite, baseUrl: apiBase, controls, missingControls: missing, safe, vendor, demo: demos[suite.api] ?? suite.demo, negative, progress, signal }));
    }
    signal?.throwIfAborted();
  } finally {
    // Passed, failed or interrupted: whoever uses the server next meets neither the run's clock nor its sessions.
    if (controls && used.length > 0) {
      await controls.restore(used);
      progress(`test controls: the server left as found: the clock on the system's time, ${used.join(', ')} emptied`);
    }
  }
  const passed = apis.every((a) => a.cases.every((c) => c.outcome !== 'failed') && coveredPercent(a.coverage) >= minCoverage);
  return { apis, passed, minCoverage };
}
