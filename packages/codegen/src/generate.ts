import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { bundle, loadConfig } from '@redocly/openapi-core';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

export interface GeneratedFile {
  /** Relative to the repository root, `/`-separated. */
  path: string;
  content: string;
}

/** The APIs are the folders of specs/ that hold an openapi.yaml. */
export async function listApis(root: string): Promise<string[]> {
  const entries = await readdir(join(root, 'specs'), { withFileTypes: true });
  const apis: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const files = await readdir(join(root, 'specs', entry.name));
    if (files.includes('openapi.yaml')) apis.push(entry.name);
  }
  return apis.sort();
}

export function generatedDir(api: string): string {
  return `packages/${api}-client/src/generated`;
}

/**
 * What one description generates: the bundle (local `$ref`s kept, external
 * files such as XML examples inlined) and the types openapi-typescript makes
 * from that same bundle, so the two cannot disagree.
 */
export async function generateApi(root: string, api: string): Promise<GeneratedFile[]> {
  const config = await loadConfig({ configPath: join(root, 'redocly.yaml') });
  const source = `specs/${api}/openapi.yaml`;
  const { bundle: result, problems } = await bundle({ ref: join(root, source), config });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    throw new Error(`${source}: cannot bundle:\n${errors.map((p) => `  ${p.message} (${p.location[0]?.pointer ?? ''})`).join('\n')}`);
  }
  const document = result.parsed as OpenAPI3;
  const types = astToString(await openapiTS(document, { silent: true }));
  const header = `// Generated from ${source} by \`pnpm gen\`. Do not edit by hand: edit the description and regenerate.\n`;
  return [
    { path: `${generatedDir(api)}/openapi.json`, content: `${JSON.stringify(document, null, 2)}\n` },
    { path: `${generatedDir(api)}/openapi.ts`, content: header + types },
  ];
}
