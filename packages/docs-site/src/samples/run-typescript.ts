import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { execute, type RunResult } from './execute.js';
import type { CodeBlock } from './extract.js';
import { withOrigin } from './origin.js';
import type { SampleWorkspace } from './workspace.js';

let runs = 0;

/**
 * Runs a TypeScript block as an ES module in a child `node`, against the
 * server at `origin`: exit 0 passes, a throw or a rejected `await` fails.
 * Types were checked apart (`typecheck.ts`), so the block is only stripped
 * of them here, which is fast.
 */
export async function runTypeScript(workspace: SampleWorkspace, block: CodeBlock, origin: string, { timeoutMs = 15_000 } = {}): Promise<RunResult> {
  const started = performance.now();
  const js = ts.transpileModule(withOrigin(block.code, origin), { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
  const dir = join(workspace.dir, 'run');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${++runs}-${block.file.replace(/[^\w.-]+/g, '_')}-${block.line}.mjs`);
  await writeFile(file, js);
  const { code, signal, stdout, stderr } = await execute(process.execPath, [file], { cwd: workspace.dir, timeoutMs });
  const ms = performance.now() - started;
  if (code === 0) return { ok: true, stdout, ms };
  const why = signal ? `timed out after ${timeoutMs} ms` : `exited ${code}`;
  return { ok: false, failure: `${block.file}:${block.line}: the sample ${why}\n${stderr || stdout}`.trim(), stdout, ms };
}
