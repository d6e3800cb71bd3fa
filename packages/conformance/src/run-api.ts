import { ContractRecorder, exampleExchanges, type ScenarioSuite } from '@loginspec/contract-testkit';
import { type CoverageRow, coverageOf } from './coverage.js';
import { type Exchange, ExchangeLog } from './exchange-log.js';
import { NO_CONTROLS, type RemoteControls } from './remote-controls.js';
import { remoteContext } from './scenario-context.js';
import { OpenSessions } from './sessions.js';
import { projectAnswers, projectExpectation } from './vendor.js';

export type Outcome = 'passed' | 'failed' | 'skipped';

/** One case of the suite: an example replayed, a scenario, a negative campaign. */
export interface CaseResult {
  kind: 'example' | 'scenario' | 'negative';
  name: string;
  outcome: Outcome;
  /** Why it was skipped. */
  reason?: string;
  /** Why it failed. */
  error?: string;
  /** The last requests and answers before a failure, secrets masked. */
  exchanges?: readonly Exchange[];
  ms: number;
}

export interface ApiReport {
  api: string;
  baseUrl: string;
  /** Whether the server offered test controls (a reference server). */
  controls: boolean;
  cases: CaseResult[];
  coverage: CoverageRow[];
  /** What a vendor-tolerant run let pass: undocumented members, this project's answers not given, project codes not seen. */
  warnings: string[];
}

/** A campaign of generated requests, run by the caller's generator against one API: its outcome, and what it withheld (skipped, saying why). */
export type NegativeCampaign = (target: {
  suite: ScenarioSuite<unknown>;
  baseUrl: string;
  /** Judges every answer, as it judges every other case's (tolerantly under --vendor), and records the coverage. */
  recorder: ContractRecorder;
  /** Send nothing a real server would keep (--safe). */
  safe: boolean;
  /** The test controls' token, sent with X-Forwarded-For, where the server has them. */
  controlsToken?: string;
  /** Send no more requests once it is aborted (the run is interrupted). */
  signal?: AbortSignal;
}) => Promise<Omit<CaseResult, 'kind' | 'ms'>[]>;

export interface ApiRunOptions {
  suite: ScenarioSuite<unknown>;
  baseUrl: string;
  controls?: RemoteControls;
  /** Why there are no controls to use, for the cases skipped without them. */
  missingControls?: string;
  /** Skip what locks an account or leaves state a real server keeps. */
  safe?: boolean;
  /** A vendor's server: undocumented members and unseen project codes are warnings. */
  vendor?: boolean;
  /** Credentials that log in, in place of the description's `seed` examples. */
  demo?: unknown;
  negative?: NegativeCampaign;
  progress?: (line: string) => void;
  /** Stops before the next case once aborted, rejecting with its reason; the case under way ends first (its sessions logged out, its clock thawed). */
  signal?: AbortSignal;
}

const NEED_WORDS = { clock: "move the server's clock", inbox: 'read what the server delivers', faults: 'make the server fail', addresses: 'speak from several client addresses' } as const;
const MARKS = { passed: '✓', failed: '✗', skipped: '-' } as const;

/**
 * Runs one API's suite against a server: the description's examples
 * replayed (on a reference server, whose demo data they hold), the contract
 * scenarios, and a negative campaign; every answer is checked against the
 * description by one recorder, whose coverage the report carries. Under
 * `safe`, a scenario's sessions are logged out once it has run (where the
 * API has a logout operation); under `vendor`, a scenario that stops at one
 * of this project's own answers, which the server gives otherwise, is a
 * warning.
 */
export async function runApi({ suite, baseUrl, controls, missingControls = NO_CONTROLS, safe = false, vendor = false, demo = suite.demo, negative, progress = () => {}, signal }: ApiRunOptions): Promise<ApiReport> {
  const log = new ExchangeLog();
  const basePath = new URL(baseUrl).pathname.replace(/\/$/, '');
  const recorder = new ContractRecorder(suite.description, { basePath, tolerateExtraMembers: vendor, fetch: log.wrap((request) => globalThis.fetch(request)) });
  const cases: CaseResult[] = [];
  const warnings: string[] = [];
  const reference = controls?.serves(suite.api) ? controls : undefined;
  const own = projectAnswers(coverageOf(suite.description, recorder));

  const record = (result: CaseResult) => {
    cases.push(result);
    progress(`  ${MARKS[result.outcome]} ${result.name}${result.reason ? ` (skipped: ${result.reason})` : ''}`);
  };
  const run = async (kind: CaseResult['kind'], name: string, skip: string | undefined, body: () => Promise<void>) => {
    signal?.throwIfAborted();
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    if (skip) return record({ kind, name, outcome: 'skipped', reason: skip, ms: 0 });
    log.clear();
    try {
      if (reference) await reference.reset(suite.api);
      await body();
      record({ kind, name, outcome: 'passed', ms: ms() });
    } catch (error) {
      const tolerated = vendor ? projectExpectation(error, own, log.exchanges) : undefined;
      if (tolerated) {
        warnings.push(`${name}: ${tolerated}`);
        record({ kind, name, outcome: 'skipped', reason: "stopped at an answer of this project's own, which the server gives otherwise (--vendor: see the warnings)", ms: ms() });
      } else record({ kind, name, outcome: 'failed', error: (error as Error).message ?? String(error), exchanges: [...log.exchanges], ms: ms() });
    }
  };

  for (const op of suite.description.operations) {
    for (const example of exampleExchanges(suite.description, op.operationId)) {
      const name = `replays the ${example.name} example of ${op.operationId} (${example.mediaType}) with status ${example.status}`;
      const skip = reference ? undefined : "the description's examples hold the reference server's demo data";
      await run('example', name, skip, async () => {
        const res = await recorder.fetch(`${baseUrl}${suite.description.examplePath(op.operationId)}`, { method: op.method.toUpperCase(), body: example.body, headers: { 'content-type': example.mediaType } });
        if (res.status !== example.status) throw new Error(`answered ${res.status}, the example documents ${example.status}`);
      });
    }
  }

  for (const scenario of suite.scenarios) {
    const needs = scenario.needs ?? [];
    const unmet = reference ? undefined : needs[0];
    const skip = unmet
      ? `needs to ${NEED_WORDS[unmet]}: ${missingControls}`
      : safe && scenario.changesState
        ? 'changes state a real server keeps (--safe)'
        : undefined;
    await run('scenario', scenario.name, skip, async () => {
      const sessions = safe ? OpenSessions.of(suite.api, suite.description, baseUrl) : undefined;
      const { context, done } = await remoteContext({ api: suite.api, baseUrl, demo, recorder, needs, controls: reference, sessions });
      try {
        await scenario.run(context);
      } finally {
        await done();
      }
    });
  }

  if (negative) {
    const started = performance.now();
    if (reference) await reference.reset(suite.api);
    const results = await negative({ suite, baseUrl, recorder, safe, ...(reference?.token ? { controlsToken: reference.token } : {}), ...(signal ? { signal } : {}) });
    const ms = Math.round(performance.now() - started);
    for (const result of results) record({ kind: 'negative', ...result, ms: result.outcome === 'skipped' ? 0 : ms });
  }

  const coverage = coverageOf(suite.description, recorder);
  warnings.unshift(...recorder.warnings);
  if (vendor) {
    for (const row of coverage.filter((r) => !r.seen && r.origin === 'project')) warnings.push(`${row.operation} ${row.status} ${row.code}: this project's code, not seen`);
  }
  return { api: suite.api, baseUrl, controls: reference !== undefined, cases, coverage, warnings };
}
