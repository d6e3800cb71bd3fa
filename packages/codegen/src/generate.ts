import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { OpenAPI3 } from 'openapi-typescript';
import type { GenCache } from './gen-cache.js';
import type { RegisteredApi } from './registry.js';

export interface GeneratedFile {
  /** Relative to the repository root, `/`-separated. */
  path: string;
  content: string;
}

/** A bundle and the files it was read from (the description and what it references). */
async function bundleFrom(root: string, source: string, configRoot: string): Promise<{ document: Record<string, unknown>; read: Set<string> }> {
  // Imported on use, not at the top: a `pnpm gen` whose inputs are all unchanged never needs redocly (about 0.5 s to load).
  const { bundle, loadConfig } = await import('@redocly/openapi-core');
  const config = await loadConfig({ configPath: join(configRoot, 'redocly.yaml') });
  const { bundle: result, problems, fileDependencies } = await bundle({ ref: resolve(root, source), config });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    throw new Error(`${source}: cannot bundle:\n${errors.map((p) => `  ${p.message} (${p.location[0]?.pointer ?? ''})`).join('\n')}`);
  }
  return { document: result.parsed as Record<string, unknown>, read: fileDependencies };
}

/**
 * A description bundled the way this project bundles it: local `$ref`s kept,
 * external files (XML examples, other files' schemas) inlined, under the
 * configuration of `<configRoot>/redocly.yaml`. `source` is relative to `root`
 * (or absolute). Throws on any error, naming the description.
 */
export async function bundleDescription(root: string, source: string, configRoot: string = root): Promise<Record<string, unknown>> {
  return (await bundleFrom(root, source, configRoot)).document;
}

/** The text of a bundled description as committed: two-space JSON and a final newline. */
export function bundleText(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * The types openapi-typescript makes from a bundle. Loaded on use, not at the
 * top: it loads TypeScript and a second redocly, which a run whose bundles are
 * all unchanged does not need. And loaded through its CommonJS build (the same
 * code): imported as ESM, it imports TypeScript's 9 MB as ESM, and Node then
 * scans all of it for named exports and for module syntax, which is about half
 * of the 1.5 s the import takes; required, it does neither.
 */
async function makeTypes(document: OpenAPI3): Promise<string> {
  const { default: openapiTS, astToString } = createRequire(import.meta.url)('openapi-typescript') as typeof import('openapi-typescript');
  return astToString(await openapiTS(document, { silent: true }));
}

/** How one generation runs: with a cache, what is unchanged since it was generated is kept, not made again. */
export interface GenerateOptions {
  cache?: GenCache;
}

/**
 * What one description generates: the bundle (local `$ref`s kept, external
 * files such as XML examples inlined) and the types openapi-typescript makes
 * from that same bundle, so the two cannot disagree.
 */
async function generate(root: string, source: string, bundlePath: string, typesPath: string, { cache }: GenerateOptions): Promise<GeneratedFile[]> {
  const files = (bundle: string, types: string): GeneratedFile[] => [
    { path: bundlePath, content: bundle },
    { path: typesPath, content: types },
  ];
  const kept = await cache?.unchanged(source, bundlePath, typesPath);
  if (kept) return files(kept.bundle, kept.types);
  const { document, read } = await bundleFrom(root, source, root);
  const bundle = bundleText(document);
  const header = `// Generated from ${source} by \`pnpm gen\`. Do not edit by hand: edit the description and regenerate.\n`;
  const types = (await cache?.typesOf(source, typesPath, bundle)) ?? header + (await makeTypes(document as unknown as OpenAPI3));
  await cache?.record(source, read, bundle, types);
  return files(bundle, types);
}

/** An API of the registry: its bundled description and types, where the registry says. */
export function generateApi(root: string, api: RegisteredApi, options: GenerateOptions = {}): Promise<GeneratedFile[]> {
  return generate(root, api.description, api.bundle, api.types, options);
}

/**
 * Test fixtures: tiny descriptions, one per feature, in `packages/<pkg>/src/fixtures/<feature>.yaml`,
 * each with its bundle (`<feature>.json`) and types (`<feature>.ts`) generated beside it.
 */
export async function listFixtures(root: string): Promise<string[]> {
  const found: string[] = [];
  for (const pkg of (await readdir(join(root, 'packages'))).sort()) {
    const dir = `packages/${pkg}/src/fixtures`;
    const files = await readdir(join(root, dir)).catch(() => [] as string[]);
    found.push(...files.filter((f) => f.endsWith('.yaml')).sort().map((f) => `${dir}/${f}`));
  }
  return found;
}

export function generateFixture(root: string, source: string, options: GenerateOptions = {}): Promise<GeneratedFile[]> {
  const base = source.slice(0, -'.yaml'.length);
  return generate(root, source, `${base}.json`, `${base}.ts`, options);
}
