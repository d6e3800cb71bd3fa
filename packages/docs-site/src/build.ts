import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { readApis, readGuides } from './catalog.js';
import { renderGuide, renderIndex } from './pages.js';
import { buildReference } from './redocly.js';

export interface BuildOptions {
  /** The repository: specs/, docs/, redocly.yaml. */
  root: string;
  out: string;
  progress?: (line: string) => void;
}

/**
 * Builds the HTML reference of every API (redocly build-docs, one at a time),
 * the guides, and the index page. Answers the path of the index.
 */
export async function buildSite({ root, out, progress = () => {} }: BuildOptions): Promise<string> {
  const apis = await readApis(root);
  for (const api of apis) {
    const started = performance.now();
    const dir = join(out, api.name);
    await mkdir(dir, { recursive: true });
    const source = join(root, api.source);
    const target = join(dir, 'index.html');
    await buildReference({ source, target, config: join(root, 'redocly.yaml'), cwd: root });
    await copyFile(source, join(dir, 'openapi.yaml'));
    await copyFile(join(root, api.bundle), join(dir, 'openapi.json'));
    progress(`docs: ${api.name} -> ${shown(root, target)} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  const guides = await readGuides(root);
  await mkdir(join(out, 'guides'), { recursive: true });
  for (const guide of guides) await writeFile(join(out, 'guides', `${guide.name}.html`), renderGuide(guide));
  const index = join(out, 'index.html');
  await writeFile(index, renderIndex(apis, guides));
  progress(`docs: ${guides.length} guides, index -> ${shown(root, index)}`);
  return index;
}

/** Relative to the repository when inside it, else absolute. */
function shown(root: string, path: string): string {
  const rel = relative(root, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}
