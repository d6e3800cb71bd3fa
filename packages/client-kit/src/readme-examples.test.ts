import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typeScriptExamples } from './testing/code-blocks.js';
import { repoRoot, startReferenceServers } from './testing/reference-servers.js';
import { compile, consumerOptions, createProject, linkWorkspacePackages, runModule } from './testing/typescript-project.js';

/**
 * The README of every published package is run: each ```ts block, compiled
 * under --strict against the built packages as a consumer would import
 * them, then run with node against the reference servers in this process
 * (`http://localhost:4010` becomes their address). ```ts no-run blocks are
 * compiled only.
 */
const PUBLISHED = ['codec', 'client-kit', 'enos-client', 'eos-client', 'aktion-client', 'edr-client', 'xelion-client'];

const examples = await Promise.all(
  PUBLISHED.map(async (folder) => ({
    folder,
    blocks: typeScriptExamples(await readFile(join(repoRoot, 'packages', folder, 'README.md'), 'utf8')).map((block, n) => ({ ...block, file: `${folder}-${n + 1}` })),
  })),
);

const project = await mkdtemp(join(tmpdir(), 'loginspec-readmes-'));
let servers: Awaited<ReturnType<typeof startReferenceServers>> | undefined;
let diagnostics = '';

beforeAll(async () => {
  servers = await startReferenceServers();
  await createProject(project);
  await linkWorkspacePackages(project, PUBLISHED);
  await mkdir(join(project, 'src'));
  const files: string[] = [];
  for (const { blocks } of examples) {
    for (const block of blocks) {
      // `export {}` makes a block without imports a module too, so that its top-level await compiles.
      await writeFile(join(project, 'src', `${block.file}.ts`), `${block.code.replaceAll('http://localhost:4010', servers.baseUrl)}\nexport {};\n`);
      files.push(`src/${block.file}.ts`);
    }
  }
  diagnostics = await compile(project, 'readmes', files, { ...consumerOptions('nodenext', { outDir: 'out' }), skipLibCheck: true });
}, 120_000);

afterAll(async () => {
  await servers?.close();
  await rm(project, { recursive: true, force: true });
});

describe('the README examples', () => {
  it('compile under --strict against the built packages', () => {
    expect(diagnostics).toBe('');
  });

  // One README's blocks run in order (they share its demo account); READMEs run side by side.
  describe.concurrent.each(examples)('$folder', ({ folder, blocks }) => {
    it(`run against the reference servers (${blocks.filter((b) => b.run).length} of ${blocks.length} blocks)`, async () => {
      expect(diagnostics).toBe('');
      for (const block of blocks.filter((b) => b.run)) {
        await runModule(join(project, 'out', `${block.file}.js`)).catch((error: Error) => {
          throw new Error(`${folder}/README.md, the block at line ${block.line}: ${error.message}`);
        });
      }
    }, 120_000);
  });
});
