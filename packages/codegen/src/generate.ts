import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { bundle, loadConfig } from '@redocly/openapi-core';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import type { RegisteredApi } from './registry.js';

export interface GeneratedFile {
  /** Relative to the repository root, `/`-separated. */
  path: string;
  content: string;
}

/**
 * A description bundled the way this project bundles it: local `$ref`s kept,
 * external files (XML examples, other files' schemas) inlined, under the
 * configuration of `<configRoot>/redocly.yaml`. `source` is relative to `root`
 * (or absolute). Throws on any error, naming the description.
 */
export async function bundleDescription(root: string, source: string, configRoot: string = root): Promise<Record<string, unknown>> {
  const config = await loadConfig({ configPath: join(configRoot, 'redocly.yaml') });
  const { bundle: result, problems } = await bundle({ ref: resolve(root, source), config });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    throw new Error(`${source}: cannot bundle:\n${errors.map((p) => `  ${p.message} (${p.location[0]?.pointer ?? ''})`).join('\n')}`);
  }
  return result.parsed as Record<string, unknown>;
}

/** The text of a bundled description as committed: two-space JSON and a final newline. */
export function bundleText(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * What one description generates: the bundle (local `$ref`s kept, external
 * files such as XML examples inlined) and the types openapi-typescript makes
 * from that same bundle, so the two cannot disagree.
 */
async function generate(root: string, source: string, bundlePath: string, typesPath: string): Promise<GeneratedFile[]> {
  const document = (await bundleDescription(root, source)) as unknown as OpenAPI3;
  const types = astToString(await openapiTS(document, { silent: true }));
  const header = `// Generated from ${source} by \`pnpm gen\`. Do not edit by hand: edit the description and regenerate.\n`;
  return [
    { path: bundlePath, content: bundleText(document) },
    { path: typesPath, content: header + types },
  ];
}

/** An API of the registry: its bundled description and types, where the registry says. */
export function generateApi(root: string, api: RegisteredApi): Promise<GeneratedFile[]> {
  return generate(root, api.description, api.bundle, api.types);
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

export function generateFixture(root: string, source: string): Promise<GeneratedFile[]> {
  const base = source.slice(0, -'.yaml'.length);
  return generate(root, source, `${base}.json`, `${base}.ts`);
}
