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

/**
 * Every API of specs/ (a folder with an openapi.yaml), described by its
 * bundled description, the JSON `pnpm gen` writes beside the API's client.
 */
export async function readApis(root: string): Promise<ApiEntry[]> {
  const apis = await listApis(root);
  return Promise.all(
    apis.map(async (name) => {
      const bundled = `${generatedDir(name)}/openapi.json`;
      const text = await readFile(join(root, bundled), 'utf8').catch(() => {
        throw new Error(`specs/${name}/openapi.yaml has no bundled description ${bundled}: run \`pnpm gen\``);
      });
      const info = (JSON.parse(text) as { info: { title: string; version: string; summary?: string; description?: string } }).info;
      const summary = info.summary ?? info.description?.trim().split(/\n\s*\n/)[0] ?? '';
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
