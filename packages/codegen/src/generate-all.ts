import { dirname } from 'node:path';
import { type GeneratedFile, type GenerateOptions, generateApi, generateFixture, listFixtures } from './generate.js';
import { readRegistry } from './registry.js';

export interface Generation {
  /** What was generated from what: an API's name or a fixture's path, and its files. */
  sources: { name: string; files: GeneratedFile[]; ms: number }[];
  /** The folders that hold only generated files, where a file nothing generates is stale. */
  folders: string[];
}

/**
 * Generates every API of the registry (or those named) and every test fixture;
 * with a cache, what is unchanged since it was generated is kept rather than made again.
 */
export async function generateAll(root: string, only: string[] = [], options: GenerateOptions = {}): Promise<Generation> {
  const apis = (await readRegistry(root)).filter((api) => only.length === 0 || only.includes(api.name));
  const fixtures = only.length === 0 ? await listFixtures(root) : [];
  const sources: Generation['sources'] = [];
  for (const [name, make] of [
    ...apis.map((api) => [api.name, () => generateApi(root, api, options)] as const),
    ...fixtures.map((path) => [path, () => generateFixture(root, path, options)] as const),
  ]) {
    const started = performance.now();
    sources.push({ name, files: await make(), ms: Math.round(performance.now() - started) });
  }
  const folders = [...new Set(sources.flatMap((s) => s.files.map((f) => dirname(f.path))))];
  return { sources, folders };
}
