import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generatedDir, listApis } from '@loginspec/codegen';

export interface ApiEntry {
  name: string;
  title: string;
  version: string;
  summary: string;
}

export interface GuideEntry {
  /** File name without `.md`. */
  name: string;
  /** The guide's first `# ` heading, else its name. */
  title: string;
  markdown: string;
}

/** Every API of specs/, described by its bundled description (`pnpm gen`). */
export async function readApis(root: string): Promise<ApiEntry[]> {
  const apis = await listApis(root);
  return Promise.all(
    apis.map(async (name) => {
      const doc = JSON.parse(await readFile(join(root, generatedDir(name), 'openapi.json'), 'utf8'));
      const info = doc.info as { title: string; version: string; summary?: string; description?: string };
      const summary = info.summary ?? info.description?.split('\n\n')[0] ?? '';
      return { name, title: info.title, version: info.version, summary };
    }),
  );
}

/** The Markdown guides of the top-level docs/ folder. */
export async function readGuides(root: string): Promise<GuideEntry[]> {
  const files = (await readdir(join(root, 'docs')).catch(() => [] as string[])).filter((f) => f.endsWith('.md')).sort();
  return Promise.all(
    files.map(async (file) => {
      const markdown = await readFile(join(root, 'docs', file), 'utf8');
      const name = file.slice(0, -'.md'.length);
      return { name, title: /^# (.+)$/m.exec(markdown)?.[1]?.trim() ?? name, markdown };
    }),
  );
}
