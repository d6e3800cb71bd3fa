import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CodeBlock, extractBlocks } from './extract.js';

/** The Markdown files whose samples are checked: the guides, the README, and every package's README. */
export const DOC_FILES = ['README.md', 'docs/*.md', 'packages/*/README.md'] as const;

export interface DocFile {
  /** Relative to the repository. */
  file: string;
  blocks: CodeBlock[];
}

/** The code blocks of every file of `DOC_FILES` that exists, in a stable order. */
export async function collectDocBlocks(root: string): Promise<DocFile[]> {
  const files: string[] = [];
  if (existsSync(join(root, 'README.md'))) files.push('README.md');
  for (const file of (await readdir(join(root, 'docs')).catch(() => [] as string[])).filter((f) => f.endsWith('.md')).sort()) files.push(`docs/${file}`);
  for (const dir of (await readdir(join(root, 'packages')).catch(() => [] as string[])).sort()) {
    if (existsSync(join(root, 'packages', dir, 'README.md'))) files.push(`packages/${dir}/README.md`);
  }
  return Promise.all(files.map(async (file) => ({ file, blocks: extractBlocks(await readFile(join(root, file), 'utf8'), file) })));
}
