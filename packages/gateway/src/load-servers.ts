import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readRegistry } from '@loginspec/codegen/registry';
import type { ReferenceServer } from '@loginspec/login-kit';

function isReferenceServer(value: unknown): value is ReferenceServer {
  const server = value as Partial<ReferenceServer> | undefined;
  return typeof server?.name === 'string' && typeof server.create === 'function' && typeof server.demoLogins === 'function' && server.description !== undefined;
}

/** `--api` named an API the registry does not list. */
export class UnknownApiError extends Error {
  override readonly name = 'UnknownApiError';

  constructor(
    readonly unknown: readonly string[],
    readonly known: readonly string[],
  ) {
    super(`${unknown.map((n) => `"${n}"`).join(', ')} ${unknown.length === 1 ? 'is not an API' : 'are not APIs'} of the registry (${known.join(', ')})`);
  }
}

/** The names of the registry's APIs that `only` selects, in the registry's order (all of them without `only`); throws `UnknownApiError`. */
export async function selectApis(root: string, only?: readonly string[]): Promise<string[]> {
  const known = (await readRegistry(root)).map((api) => api.name);
  if (only === undefined) return known;
  const unknown = [...new Set(only)].filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new UnknownApiError(unknown, known);
  return known.filter((name) => only.includes(name));
}

/**
 * The reference server of every API in the registry (or of those `only`
 * names, in the registry's order), as its package exports it (`server`,
 * from the built `dist/index.js` of the entry's `x-loginspec-server`).
 * Adding an API to the registry adds it here. A server not selected is not
 * even imported.
 */
export async function loadServers(root: string, only?: readonly string[]): Promise<ReferenceServer[]> {
  const selected = await selectApis(root, only);
  const apis = (await readRegistry(root)).filter((api) => selected.includes(api.name));
  return Promise.all(
    apis.map(async (api) => {
      const entry = pathToFileURL(join(root, api.server, 'dist', 'index.js')).href;
      const module = (await import(entry).catch((err: Error) => {
        throw new Error(`${api.name}: cannot load its reference server from ${api.server} (has \`pnpm build\` run?): ${err.message}`);
      })) as { server?: unknown };
      if (!isReferenceServer(module.server)) throw new Error(`${api.name}: ${api.server} exports no \`server\` (a ReferenceServer)`);
      if (module.server.name !== api.name) throw new Error(`${api.name}: ${api.server} serves "${module.server.name}", not "${api.name}"`);
      return module.server;
    }),
  );
}
