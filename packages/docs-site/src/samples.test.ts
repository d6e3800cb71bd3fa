/**
 * Every code sample of README.md, docs/*.md and packages/*\/README.md is
 * checked, so that the docs cannot rot (the convention: samples/extract.ts,
 * and docs/contract-testing.md). One test per block, named by its
 * file:line. TypeScript blocks are type-checked together once, then each
 * `ts` block and each shell block with curl in it runs against one gateway
 * in this process, on a loopback port, with cheap scrypt and the test
 * controls on, every API's state emptied before each sample. A README that
 * appears later is picked up by its path alone.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningGateway, startGateway } from '@loginspec/gateway';
import { CONTROLS_TOKEN_ENV, writeControlsToken } from '@loginspec/login-kit/controls';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { repoRoot, siteDir } from './paths.js';
import { type CodeBlock, collectDocBlocks, createSampleWorkspace, runShell, runTypeScript, type SampleWorkspace, typecheckSamples } from './samples/index.js';

const docs = await collectDocBlocks(repoRoot);
const blocks = docs.flatMap((d) => d.blocks);
const typescript = blocks.filter((b) => b.mode === 'run' || b.mode === 'typecheck');

/**
 * The test controls' token: the samples that use the controls find it as
 * under a reader's plain `pnpm start`, in the file it writes for its origin
 * (in a runtime directory of the test's own), the variable unset.
 */
const TOKEN = 'docs-samples-test-controls-token-0123456789';
const runtime = await mkdtemp(join(tmpdir(), 'loginspec-samples-runtime-'));
vi.stubEnv('XDG_RUNTIME_DIR', runtime);
vi.stubEnv(CONTROLS_TOKEN_ENV, undefined);

let gateway: RunningGateway | undefined;
let origin: string;
let workspace: SampleWorkspace | undefined;
let typeErrors: Map<CodeBlock, string[]>;

beforeAll(async () => {
  const started = Promise.all([
    startGateway({ root: repoRoot, docsDir: siteDir, host: '127.0.0.1', port: 0, testControls: { token: TOKEN }, servers: { scrypt: { N: 2 ** 10, r: 8, p: 1 } } }),
    createSampleWorkspace(repoRoot),
  ]);
  [gateway, workspace] = await started;
  origin = `http://127.0.0.1:${gateway.port}`;
  writeControlsToken(origin, TOKEN);
  typeErrors = await typecheckSamples(workspace, typescript);
}, 90_000);

afterAll(async () => {
  await gateway?.close();
  await workspace?.dispose();
  await rm(runtime, { recursive: true, force: true });
});

// Each sample meets the servers fresh: no session, token, lock or moved clock left by the one before.
beforeEach(async () => {
  for (const { name } of gateway?.servers ?? []) {
    const reset = await fetch(`${origin}/_controls/apis/${name}/reset`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, signal: AbortSignal.timeout(5000) });
    expect(reset.ok, `reset ${name}`).toBe(true);
  }
});

const where = (b: CodeBlock) => `${b.file}:${b.line}`;

describe('the code samples of README.md, docs/*.md and packages/*/README.md', () => {
  it('are found: the README, the guides, the packages\' READMEs, and samples of every kind in them', () => {
    expect(docs.map((d) => d.file)).toEqual(expect.arrayContaining(['README.md', 'docs/enos.md', 'docs/contract-testing.md', 'packages/enos-client/README.md']));
    expect(blocks.filter((b) => b.mode === 'run').length).toBeGreaterThan(20);
    expect(blocks.filter((b) => b.mode === 'shell').length).toBeGreaterThan(2);
  });

  for (const block of blocks) {
    switch (block.mode) {
      case 'invalid':
        it(`${where(block)} (${block.info || 'no info string'})`, () => {
          throw new Error(`${where(block)}: ${block.reason}`);
        });
        break;
      case 'skip':
        it.skip(`${where(block)} (${block.lang}, not run: ${block.reason})`, () => {});
        break;
      case 'typecheck':
        it(`${where(block)} (ts no-run: type-checked only)`, () => {
          expect(typeErrors.get(block)).toEqual([]);
        });
        break;
      case 'run':
        it(`${where(block)} (ts: type-checked and run)`, async () => {
          expect(typeErrors.get(block)).toEqual([]);
          const result = await runTypeScript(workspace as SampleWorkspace, block, origin);
          expect(result.failure ?? '').toBe('');
        }, 30_000);
        break;
      case 'shell':
        it(`${where(block)} (${block.lang}: run with curl)`, async () => {
          const result = await runShell(block, origin);
          expect(result.failure ?? '').toBe('');
        }, 30_000);
        break;
      case 'other':
        break;
    }
  }
});
