import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, type RunResult } from './execute.js';
import type { CodeBlock } from './extract.js';
import { withOrigin } from './origin.js';
import { type Expectation, judgeAnswer, shellCommands } from './shell.js';

/**
 * `curl` wrapped so that the sample runs as written (its output to stdout,
 * into pipes and `$(…)`) while each call's status and body are kept apart,
 * numbered in a file because `$(…)` runs in a subshell. The sample's own
 * flags come after ours and win.
 */
const CURL_WRAPPER = `
curl() {
  local n=$(( $(cat "$SAMPLE_DIR/calls") + 1 ))
  echo "$n" > "$SAMPLE_DIR/calls"
  command curl --max-time "$SAMPLE_CURL_TIMEOUT" -D "$SAMPLE_DIR/headers.$n" "$@" | tee "$SAMPLE_DIR/body.$n"
}
`;

export interface CurlCall {
  status: number;
  body: string;
  /** What the block's comment says it answers, if it does. */
  expect?: Expectation;
}

/**
 * Runs a shell block in `bash` (`set -euo pipefail`: an unset variable or a
 * failing command fails it) against the server at `origin`, and judges each
 * curl call's answer (`shell.ts`): the block passes when it exits 0 and
 * every answer is what the doc says.
 */
export async function runShell(block: CodeBlock, origin: string, { timeoutMs = 15_000 } = {}): Promise<RunResult & { calls: CurlCall[] }> {
  const started = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'loginspec-sh-'));
  try {
    await writeFile(join(dir, 'calls'), '0');
    const script = `set -euo pipefail\n${CURL_WRAPPER}\n${withOrigin(block.code, origin)}\n`;
    const run = await execute('bash', ['-c', script], { cwd: dir, timeoutMs, env: { SAMPLE_DIR: dir, SAMPLE_CURL_TIMEOUT: String(Math.ceil(timeoutMs / 1000)) } });
    // The calls in the order the block's commands make them, each with its command's expectation.
    const commands = shellCommands(block.code);
    const planned = commands.flatMap((c) => Array.from({ length: c.curlCalls }, () => c));
    const count = Number((await readFile(join(dir, 'calls'), 'utf8')).trim());
    const calls: CurlCall[] = [];
    const failures: string[] = [];
    for (let n = 1; n <= count; n++) {
      const headers = await readFile(join(dir, `headers.${n}`), 'utf8').catch(() => '');
      const statuses = [...headers.matchAll(/^HTTP\/\S+ (\d{3})/gm)];
      const status = Number(statuses.at(-1)?.[1] ?? 0);
      const body = await readFile(join(dir, `body.${n}`), 'utf8').catch(() => '');
      const command = planned[n - 1];
      calls.push({ status, body, ...(command?.expect ? { expect: command.expect } : {}) });
      const wrong = judgeAnswer(status, body, command?.expect);
      if (wrong) failures.push(`${block.file}:${block.line + 1 + (command?.line ?? 0)}: ${wrong}\n${body}`);
    }
    if (run.code !== 0) failures.push(`${block.file}:${block.line}: the block ${run.signal ? `timed out after ${timeoutMs} ms` : `exited ${run.code}`}\n${run.stderr}`);
    else if (count < planned.length) failures.push(`${block.file}:${block.line}: ${count} curl calls made, the block has ${planned.length}`);
    const ms = performance.now() - started;
    return { ok: failures.length === 0, ...(failures.length ? { failure: failures.join('\n').trim() } : {}), stdout: run.stdout, ms, calls };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
