/**
 * Type-checks TypeScript samples: all of them in one program (one `tsc`
 * for the lot is seconds; one per block would be minutes), each block a
 * module of its own, under `--strict`, importing the workspace's packages
 * as their users do (their `exports`, their built `dist`).
 *
 * @module
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import type { CodeBlock } from './extract.js';
import type { SampleWorkspace } from './workspace.js';

/** Node's ES modules, `--strict`, the DOM's `fetch` and Node's types (samples may use `process`). */
export const SAMPLE_COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  // A block without import or export is a module too, so that its top-level `await` compiles.
  moduleDetection: ts.ModuleDetectionKind.Force,
  types: ['node'],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
};

/** Each block's errors, as `docs/enos.md:14:7: message` (the line in the Markdown file); a block without error has none. */
export async function typecheckSamples(workspace: SampleWorkspace, blocks: readonly CodeBlock[]): Promise<Map<CodeBlock, string[]>> {
  const dir = join(workspace.dir, 'check');
  await mkdir(dir, { recursive: true });
  const files = new Map<string, CodeBlock>();
  for (const [index, block] of blocks.entries()) {
    const file = join(dir, `${String(index).padStart(3, '0')}-${block.file.replace(/[^\w.-]+/g, '_')}-${block.line}.ts`);
    await writeFile(file, block.code);
    files.set(file, block);
  }
  const program = ts.createProgram({ rootNames: [...files.keys()], options: { ...SAMPLE_COMPILER_OPTIONS, typeRoots: [join(workspace.dir, 'node_modules', '@types')] } });
  const errors = new Map<CodeBlock, string[]>(blocks.map((b) => [b, []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    const block = d.file && files.get(d.file.fileName);
    if (!block || !d.file || d.start === undefined) {
      // An error of no sample's (the options, a package's types) is every sample's: none of them is checked.
      for (const list of errors.values()) list.push(`(program): ${message}`);
      continue;
    }
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    // The code starts on the line after the fence.
    errors.get(block)?.push(`${block.file}:${block.line + 1 + line}:${character + 1}: ${message}`);
  }
  return errors;
}
