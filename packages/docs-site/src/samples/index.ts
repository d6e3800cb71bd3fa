/**
 * The code samples of the project's Markdown (README.md, docs/*.md,
 * packages/*\/README.md), extracted, type-checked and run against a
 * reference server, so that the docs cannot rot. `extract.ts` states the
 * convention; `samples.test.ts` (beside this folder) is the test.
 *
 * @module
 */
export { type CodeBlock, extractBlocks, type SampleMode } from './extract.js';
export { collectDocBlocks, DOC_FILES, type DocFile } from './files.js';
export { withOrigin } from './origin.js';
export type { RunResult } from './execute.js';
export { type CurlCall, runShell } from './run-shell.js';
export { runTypeScript } from './run-typescript.js';
export { type Expectation, judgeAnswer, type ShellCommand, shellCommands } from './shell.js';
export { SAMPLE_COMPILER_OPTIONS, typecheckSamples } from './typecheck.js';
export { createSampleWorkspace, type SampleWorkspace } from './workspace.js';
