import { execFile } from 'node:child_process';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { generatedDir } from '@loginspec/codegen';
import { readApis, readGuides } from './catalog.js';
import { renderGuide, renderIndex } from './pages.js';

const redoclyCli = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin/cli.js');

export interface BuildOptions {
  root: string;
  out: string;
  progress?: (line: string) => void;
}

/** Builds the HTML reference of every API (redocly build-docs), the guides, and the index page. */
export async function buildSite({ root, out, progress = () => {} }: BuildOptions): Promise<string> {
  const apis = await readApis(root);
  for (const api of apis) {
    const started = performance.now();
    const dir = join(out, api.name);
    await mkdir(dir, { recursive: true });
    const source = join(root, 'specs', api.name, 'openapi.yaml');
    const target = join(dir, 'index.html');
    try {
      await promisify(execFile)(process.execPath, [redoclyCli, 'build-docs', source, '-o', target, '--config', join(root, 'redocly.yaml')], { cwd: root });
    } catch (err) {
      throw new Error(`redocly build-docs ${api.name} failed:\n${(err as { stderr?: string }).stderr ?? err}`);
    }
    await copyFile(source, join(dir, 'openapi.yaml'));
    await copyFile(join(root, generatedDir(api.name), 'openapi.json'), join(dir, 'openapi.json'));
    progress(`docs: ${api.name} -> ${relative(root, target)} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  const guides = await readGuides(root);
  await mkdir(join(out, 'guides'), { recursive: true });
  for (const guide of guides) await writeFile(join(out, 'guides', `${guide.name}.html`), renderGuide(guide));
  const index = join(out, 'index.html');
  await writeFile(index, renderIndex(apis, guides));
  progress(`docs: ${guides.length} guides, index -> ${relative(root, index)}`);
  return index;
}
