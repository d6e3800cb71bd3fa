import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readRegistry } from '@loginspec/codegen/registry';

export interface ApiEntry {
  name: string;
  /** The description, relative to the repository. */
  source: string;
  /** The bundled description, relative to the repository. */
  bundle: string;
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

/**
 * Every API of the registry (redocly.yaml `apis:`), described by its bundled
 * description, the JSON `pnpm gen` writes beside its types.
 */
export async function readApis(root: string): Promise<ApiEntry[]> {
  return Promise.all(
    (await readRegistry(root)).map(async ({ name, description, bundle }) => {
      const text = await readFile(join(root, bundle), 'utf8').catch(() => {
        throw new Error(`${description} has no bundled description ${bundle}: run \`pnpm gen\``);
      });
      const info = (JSON.parse(text) as { info: { title: string; version: string; summary?: string; description?: string } }).info;
      const summary = info.summary ?? info.description?.trim().split(/\n\s*\n/)[0] ?? '';
      return { name, source: description, bundle, title: info.title, version: info.version, summary };
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
