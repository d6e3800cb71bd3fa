import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findDrift, writeGenerated } from './sync.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function fakeRepo(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'loginspec-gen-'));
  dirs.push(root);
  return root;
}

const files = [
  { path: 'packages/a-client/src/generated/openapi.json', content: '{}\n' },
  { path: 'packages/a-client/src/generated/openapi.ts', content: 'export {};\n' },
];

describe('findDrift', () => {
  it('reports nothing when the tree holds what generation produces', async () => {
    const root = await fakeRepo();
    await writeGenerated(root, files);
    expect(await readFile(join(root, files[0]!.path), 'utf8')).toBe('{}\n');
    expect(await findDrift(root, files, ['packages/a-client/src/generated'])).toEqual([]);
  });

  it('reports missing, edited and stale files', async () => {
    const root = await fakeRepo();
    await writeGenerated(root, files.slice(1));
    await writeFile(join(root, files[1]!.path), 'export {}; // edited by hand\n');
    await mkdir(join(root, 'packages/old-client/src/generated'), { recursive: true });
    await writeFile(join(root, 'packages/old-client/src/generated/openapi.ts'), '');
    expect(await findDrift(root, files, ['packages/a-client/src/generated', 'packages/old-client/src/generated'])).toEqual([
      { path: files[0]!.path, reason: 'missing' },
      { path: files[1]!.path, reason: 'differs' },
      { path: 'packages/old-client/src/generated/openapi.ts', reason: 'stale' },
    ]);
  });
});
