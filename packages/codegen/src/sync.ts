import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { GeneratedFile } from './generate.js';

export interface Drift {
  path: string;
  reason: 'missing' | 'differs' | 'stale';
}

/** Writes each file whose content differs from what is there, and says how many; an unchanged file keeps its mtime, so `tsc -b` has nothing to redo for it. */
export async function writeGenerated(root: string, files: GeneratedFile[]): Promise<number> {
  let written = 0;
  for (const file of files) {
    if ((await readFile(join(root, file.path), 'utf8').catch(() => undefined)) === file.content) continue;
    await mkdir(dirname(join(root, file.path)), { recursive: true });
    await writeFile(join(root, file.path), file.content);
    written += 1;
  }
  return written;
}

/**
 * How the committed tree differs from what generation produces: files absent
 * or different, and generated files (`.json`, `.ts`) in the given folders that
 * nothing generates any more.
 */
export async function findDrift(root: string, files: GeneratedFile[], folders: string[]): Promise<Drift[]> {
  const drift: Drift[] = [];
  for (const file of files) {
    const committed = await readFile(join(root, file.path), 'utf8').catch(() => undefined);
    if (committed === undefined) drift.push({ path: file.path, reason: 'missing' });
    else if (committed !== file.content) drift.push({ path: file.path, reason: 'differs' });
  }
  const expected = new Set(files.map((f) => f.path));
  for (const dir of folders) {
    const entries = await readdir(join(root, dir)).catch(() => [] as string[]);
    for (const entry of entries.filter((e) => e.endsWith('.json') || e.endsWith('.ts'))) {
      if (!expected.has(`${dir}/${entry}`)) drift.push({ path: `${dir}/${entry}`, reason: 'stale' });
    }
  }
  return drift;
}
