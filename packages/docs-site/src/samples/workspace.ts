/**
 * The folder samples are written to and run from.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where samples are written and run: a folder whose `node_modules` holds every workspace package and their dependencies. */
export interface SampleWorkspace {
  dir: string;
  dispose(): Promise<void>;
}

/**
 * A temporary folder in which `import … from '@loginspec/enos-client'`
 * resolves as it would for a user of the package: `node_modules` links to
 * every package of the workspace (`packages/*`), and to the third-party
 * packages they and the root install, so that a sample may import those too.
 */
export async function createSampleWorkspace(root: string): Promise<SampleWorkspace> {
  const dir = await mkdtemp(join(tmpdir(), 'loginspec-samples-'));
  const modules = join(dir, 'node_modules');
  await mkdir(modules);
  const linked = new Set<string>();
  const link = async (name: string, target: string) => {
    if (linked.has(name)) return;
    linked.add(name);
    if (name.includes('/')) await mkdir(join(modules, name.split('/')[0] as string), { recursive: true });
    await symlink(target, join(modules, name), 'dir');
  };
  const packages = await readdir(join(root, 'packages')).catch(() => [] as string[]);
  for (const folder of packages) {
    const manifest = join(root, 'packages', folder, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name } = JSON.parse(await readFile(manifest, 'utf8')) as { name?: string };
    if (name) await link(name, join(root, 'packages', folder));
  }
  for (const from of [...packages.map((p) => join(root, 'packages', p, 'node_modules')), join(root, 'node_modules')]) {
    for (const entry of await readdir(from).catch(() => [] as string[])) {
      if (entry.startsWith('.')) continue;
      const names = entry.startsWith('@') ? (await readdir(join(from, entry)).catch(() => [] as string[])).map((n) => `${entry}/${n}`) : [entry];
      for (const name of names) await link(name, join(from, name));
    }
  }
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'loginspec-samples', private: true, type: 'module' }));
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}
