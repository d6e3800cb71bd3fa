import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { GeneratedFile } from './generate.js';

export interface Drift {
  path: string;
  reason: 'missing' | 'differs' | 'stale';
}

export async function writeGenerated(root: string, files: GeneratedFile[]): Promise<void> {
  for (const file of files) {
    await mkdir(dirname(join(root, file.path)), { recursive: true });
    await writeFile(join(root, file.path), file.content);
  }
}

/**
 * How the committed tree differs from what generation produces: files absent
 * or different, and files in a generated folder that nothing generates any more.
 */
export async function findDrift(root: string, files: GeneratedFile[]): Promise<Drift[]> {
  const drift: Drift[] = [];
  for (const file of files) {
    const committed = await readFile(join(root, file.path), 'utf8').catch(() => undefined);
    if (committed === undefined) drift.push({ path: file.path, reason: 'missing' });
    else if (committed !== file.content) drift.push({ path: file.path, reason: 'differs' });
  }
  const expected = new Set(files.map((f) => f.path));
  for (const path of await generatedFolderFiles(root)) {
    if (!expected.has(path)) drift.push({ path, reason: 'stale' });
  }
  return drift;
}

async function generatedFolderFiles(root: string): Promise<string[]> {
  const packages = await readdir(join(root, 'packages')).catch(() => [] as string[]);
  const found: string[] = [];
  for (const name of packages.filter((p) => p.endsWith('-client'))) {
    const dir = `packages/${name}/src/generated`;
    const entries = await readdir(join(root, dir)).catch(() => [] as string[]);
    found.push(...entries.map((entry) => `${dir}/${entry}`));
  }
  return found;
}
