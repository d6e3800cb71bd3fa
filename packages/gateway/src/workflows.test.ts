import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { promisify } from 'node:util';
import { type RegisteredApi, readRegistry } from '@loginspec/codegen/registry';
import { repoRoot } from '@loginspec/docs-site';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGateway, startGateway } from './start.js';

/**
 * Each API's documented flow, `specs/<api>/workflows.arazzo.yaml`, run by
 * `redocly respect` against `pnpm start` as a test starts it (in process, on
 * a loopback port, test controls on), and linted by `redocly lint`. Respect
 * also checks every response's status, media type and body against the
 * API's description.
 */

const redocly = join(dirname(createRequire(join(repoRoot, 'package.json')).resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
// No telemetry, no update check: the run needs no network beyond loopback.
const env = { ...process.env, CI: 'true', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true', NO_COLOR: '1' };
/** The sourceDescription of the test controls, in every workflow file. */
const CONTROLS = 'controls';
const CONTROLS_DESCRIPTION = 'packages/gateway/test-controls.openapi.yaml';
/** The controls' token, which every workflow takes as its input `controlsToken`. */
const TOKEN = 'workflows-test-controls-token-0123456789';

interface ArazzoFile {
  api: string;
  /** Whether the file is there at all. */
  found: boolean;
  /** Relative to the repository: `specs/<api>/workflows.arazzo.yaml`. */
  path: string;
  sourceDescriptions: { name: string; url: string; type?: string }[];
  workflowIds: string[];
}

/** The workflow file beside each API's description. */
async function workflowFile(api: RegisteredApi): Promise<ArazzoFile> {
  const path = posix.join(posix.dirname(api.description), 'workflows.arazzo.yaml');
  const text = await readFile(join(repoRoot, path), 'utf8').catch(() => undefined);
  const doc = (text === undefined ? {} : load(text)) as { sourceDescriptions?: ArazzoFile['sourceDescriptions']; workflows?: { workflowId: string }[] };
  return { api: api.name, found: text !== undefined, path, sourceDescriptions: doc.sourceDescriptions ?? [], workflowIds: (doc.workflows ?? []).map((w) => w.workflowId) };
}

// ---------------------------------------------------------------- respect's JSON report

interface Check {
  name: string;
  passed: boolean;
  message: string;
  severity: string;
  condition?: string;
}
interface ExecutedStep {
  type: 'step';
  stepId: string;
  status: string;
  checks: Check[];
  request?: { method?: string; url?: string };
  response?: { statusCode?: number; body?: unknown };
}
interface ExecutedWorkflow {
  type: 'workflow';
  workflowId: string;
  status: string;
  invocationContext?: string;
  executedSteps: (ExecutedStep | ExecutedWorkflow)[];
}
interface RespectReport {
  status: string;
  files: Record<string, { executedWorkflows: ExecutedWorkflow[] }>;
}
/** One file's run: respect's JSON report (none when it could not run the file) and what it printed. */
interface RespectRun {
  report: RespectReport | undefined;
  said: string;
}

/** Every step a workflow ran, those of a workflow it went to (`goto`) or called included. */
function stepsOf(workflow: ExecutedWorkflow): ExecutedStep[] {
  return workflow.executedSteps.flatMap((s) => (s.type === 'workflow' ? stepsOf(s) : [s]));
}

/** What failed in `workflows`, step by step, with the failed checks and the answer that failed them. */
function failures(workflows: ExecutedWorkflow[]): string[] {
  return workflows.flatMap((workflow) => {
    const failed = stepsOf(workflow).filter((step) => step.status !== 'success');
    const lines = failed.flatMap((step) => [
      `  step ${step.stepId}: ${step.request?.method?.toUpperCase() ?? ''} ${step.request?.url ?? ''} answered ${step.response?.statusCode ?? 'nothing'}`,
      ...step.checks.filter((c) => !c.passed).map((c) => `    ✗ ${c.name}${c.condition ? ` (${c.condition})` : ''}: ${c.message.replace(/\s+/g, ' ').trim()}`),
      ...(step.response?.body === undefined ? [] : [`    body: ${JSON.stringify(step.response.body).slice(0, 500)}`]),
    ]);
    return workflow.status === 'success' && failed.length === 0 ? [] : [`workflow ${workflow.workflowId}: ${workflow.status}`, ...lines];
  });
}

/** Respect's own words, without colours and the Node.js deprecation box. */
const plain = (text: string) =>
  text
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '' && !/[║╔╚]/.test(line))
    .join('\n');

// ---------------------------------------------------------------- the run

const files = await Promise.all((await readRegistry(repoRoot)).map(workflowFile));
let workDir: string;

/**
 * `redocly respect` of one file against a gateway of its own (`pnpm start`
 * as a test starts it: loopback, test controls on, scrypt's cost lowered),
 * so that no file's run depends on another's (the clock, attempt counts).
 */
async function respect(file: ArazzoFile): Promise<RespectRun> {
  const docsDir = await mkdtemp(join(workDir, `${file.api}-docs-`));
  const gateway: RunningGateway = await startGateway({ root: repoRoot, docsDir, host: '127.0.0.1', port: 0, testControls: { token: TOKEN }, servers: { scrypt: { N: 2 ** 10, r: 8, p: 1 } } });
  try {
    const origin = `http://127.0.0.1:${gateway.port}`;
    const reportPath = join(workDir, `${file.api}.json`);
    // The API under its prefix, the controls at the root: no request goes to
    // a server the descriptions list (the vendors', localhost:4010).
    const servers = [`${file.api}=${origin}/${file.api}`, `${CONTROLS}=${origin}`];
    const args = [redocly, 'respect', file.path, ...servers.flatMap((s) => ['--server', s]), '--input', `controlsToken=${TOKEN}`, '--json-output', reportPath, '--max-fetch-timeout', '10000', '--execution-timeout', '30000'];
    // Respect exits 1 when a workflow fails (its report says which), and writes no report when it cannot run the file.
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd: repoRoot, env, timeout: 40_000, maxBuffer: 64 * 1024 * 1024 }).catch(
      (err: { stdout?: string; stderr?: string; message: string }) => ({ stdout: err.stdout ?? '', stderr: `${err.stderr ?? ''}\n${err.message.split('\n')[0]}` }),
    );
    const report = await readFile(reportPath, 'utf8').then((text) => JSON.parse(text) as RespectReport, () => undefined);
    return { report, said: plain(`${stdout}\n${stderr}`) };
  } finally {
    await new Promise((resolve) => gateway.server.close(resolve));
  }
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'loginspec-workflows-'));
});

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('the Arazzo workflows beside the descriptions, run by redocly respect against pnpm start', () => {
  it('exist for every API of the registry, and name their API and the test controls as their sources', () => {
    expect(files.filter((f) => !f.found).map((f) => f.path)).toEqual([]);
    for (const file of files) {
      expect(file.workflowIds.length, `${file.path} has no workflow`).toBeGreaterThan(0);
      // The names that `--server` points at the gateway: any other source would be called at its own servers.
      const sources = file.sourceDescriptions.map((s) => [s.name, posix.normalize(posix.join(posix.dirname(file.path), s.url))]);
      expect(sources, file.path).toEqual([
        [file.api, posix.join(posix.dirname(file.path), 'openapi.yaml')],
        [CONTROLS, CONTROLS_DESCRIPTION],
      ]);
    }
  });

  it.each(files.filter((f) => f.found).map((file) => [file.path, file] as const))('%s: every workflow and every step passes', async (_path, file) => {
    const { report, said } = await respect(file);
    expect(report, `respect ran nothing of ${file.path}:\n${said}`).toBeDefined();
    const workflows = report?.files[file.path]?.executedWorkflows ?? [];
    const problems = failures(workflows);
    expect(problems, `${file.path}:\n${problems.join('\n')}\n\nrespect said:\n${said}`).toEqual([]);
    // Every workflow of the file ran, each once at the top level (a `goto` runs a nested one).
    expect(workflows.map((w) => w.workflowId), `${file.path}: the workflows respect ran`).toEqual(file.workflowIds);
  }, 45_000);

  it("pass redocly lint under the project's rules, with no error and no warning", async () => {
    const args = [redocly, 'lint', ...files.filter((f) => f.found).map((f) => f.path), '--config', join(repoRoot, 'redocly.yaml'), '--format', 'json'];
    // Lint exits 1 on an error; its JSON report (one document per file, one after the other) says which.
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd: repoRoot, env, timeout: 30_000, maxBuffer: 16 * 1024 * 1024 }).catch(
      (err: { stdout?: string; stderr?: string; message: string }) => ({ stdout: err.stdout ?? '', stderr: `${err.stderr ?? ''}\n${err.message.split('\n')[0]}` }),
    );
    type LintReport = { totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string; location?: { source?: { ref?: string }; pointer?: string }[] }[] };
    let reports: LintReport[];
    try {
      reports = stdout.split(/(?<=\n\})\s*(?=\{)/).map((part) => JSON.parse(part) as LintReport);
    } catch {
      throw new Error(`redocly lint wrote no JSON report:\n${plain(`${stdout}\n${stderr}`)}`);
    }
    const problems = reports.flatMap((r) => r.problems.map((p) => `${p.location?.[0]?.source?.ref ?? '?'} ${p.location?.[0]?.pointer ?? ''}: ${p.ruleId}: ${p.message}`));
    expect(problems).toEqual([]);
    expect(reports.map((r) => [r.totals.errors, r.totals.warnings])).toEqual(files.filter((f) => f.found).map(() => [0, 0]));
  }, 30_000);
});
