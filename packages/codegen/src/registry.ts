/**
 * The registry of APIs: `redocly.yaml`'s `apis:`, the one list that lint,
 * generation, the docs and the gateway read. Each entry names its
 * description (`root`), where its types are generated
 * (`x-openapi-ts.output`, openapi-typescript's convention; the bundled
 * description is written beside them as `openapi.json`) and its reference
 * server package (`x-loginspec-server`).
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { load } from 'js-yaml';

export interface RegisteredApi {
  /** Short name: URL prefix, package names, `specs/<name>/`. */
  name: string;
  /** The description, relative to the repository: `specs/<name>/openapi.yaml`. */
  description: string;
  /** The generated types: `packages/<name>-client/src/generated/openapi.ts`. */
  types: string;
  /** The bundled description, beside the types. */
  bundle: string;
  /** The reference server package: `packages/<name>-server`. */
  server: string;
}

interface ApiEntry {
  root?: unknown;
  'x-openapi-ts'?: { output?: unknown };
  'x-loginspec-server'?: unknown;
}

/** Every API of the registry, in its order; throws naming the entry and the field that is missing. */
export async function readRegistry(root: string): Promise<RegisteredApi[]> {
  const config = load(await readFile(join(root, 'redocly.yaml'), 'utf8')) as { apis?: Record<string, ApiEntry> } | undefined;
  return Object.entries(config?.apis ?? {}).map(([name, entry]) => {
    const field = (value: unknown, path: string): string => {
      if (typeof value !== 'string' || value === '') throw new Error(`redocly.yaml: apis.${name}.${path} must name a file or folder`);
      return value;
    };
    const types = field(entry['x-openapi-ts']?.output, 'x-openapi-ts.output');
    return {
      name,
      description: field(entry.root, 'root'),
      types,
      bundle: join(dirname(types), 'openapi.json').split('\\').join('/'),
      server: field(entry['x-loginspec-server'], 'x-loginspec-server'),
    };
  });
}
