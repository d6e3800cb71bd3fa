import { readdir, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { readRegistry } from '@loginspec/codegen/registry';

/** Folders never read as inputs: installed packages, the built site itself, VCS data. */
const SKIPPED = new Set(['node_modules', 'site', '.git']);

/** Tests are not read by the build (the docs package's browser test and its screenshots change nothing on the site). */
const isTest = (name: string) => /\.test\.ts$/.test(name);

/** Every file under `dir` (skipping `SKIPPED` and tests), and the folders themselves: a folder's time changes when a file is added or removed. */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const found = [dir];
  for (const entry of entries) {
    if (SKIPPED.has(entry.name) || (entry.isFile() && isTest(entry.name))) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await tree(path)));
    else found.push(path);
  }
  return found;
}

/**
 * What the docs build reads, generously: the registry, each API's
 * description folder and bundled description, its client's manifest, the
 * guides (docs/ and every README), the docs package's own code and
 * manifest, and the lockfile (the versions of redocly and of the
 * renderers: swagger-ui-dist's files, copied into the site, change only with
 * its version, which the lockfile records). A file listed here that the build does not read only costs a
 * rebuild; a file it reads that is missing here would leave the docs stale,
 * so the list errs on the side of more.
 */
export async function docsInputs(root: string, docsPackage: string): Promise<string[]> {
  const apis = await readRegistry(root);
  const packages = await readdir(join(root, 'packages'), { withFileTypes: true }).catch(() => []);
  const apiFiles = await Promise.all(
    apis.map(async (api) => [...(await tree(join(root, dirname(api.description)))), join(root, api.bundle), join(root, dirname(dirname(dirname(api.types))), 'package.json')]),
  );
  return [
    join(root, 'redocly.yaml'),
    join(root, 'pnpm-lock.yaml'),
    join(root, 'README.md'),
    ...(await tree(join(root, 'docs'))),
    ...packages.filter((p) => p.isDirectory()).map((p) => join(root, 'packages', p.name, 'README.md')),
    ...apiFiles.flat(),
    ...(await tree(docsPackage)),
  ];
}

export interface DocsFreshness {
  fresh: boolean;
  /** Why, in a few words: `docs/xelion.md is newer than the built site`. */
  reason: string;
}

const shown = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
};

/**
 * Whether the built site is newer than everything the docs build reads
 * (`docsInputs`), judged by modification times against the site's
 * `index.html`, which the build writes last: a build that failed half-way
 * leaves the old one, older than its inputs. Optional inputs may be absent
 * (a README); a missing site is stale.
 */
export async function docsFreshness({ root, siteDir, docsPackage }: { root: string; siteDir: string; docsPackage: string }): Promise<DocsFreshness> {
  const stamp = join(siteDir, 'index.html');
  const built = await stat(stamp).catch(() => undefined);
  if (!built) return { fresh: false, reason: `no built site at ${shown(root, stamp)}` };
  for (const input of await docsInputs(root, docsPackage)) {
    const changed = await stat(input).catch(() => undefined);
    if (changed && changed.mtimeMs > built.mtimeMs) return { fresh: false, reason: `${shown(root, input)} is newer than the built site` };
  }
  return { fresh: true, reason: `nothing changed since ${shown(root, stamp)} was built` };
}
