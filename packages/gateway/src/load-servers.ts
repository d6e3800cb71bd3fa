import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readRegistry } from '@loginspec/codegen/registry';
import type { ReferenceServer } from '@loginspec/login-kit';

function isReferenceServer(value: unknown): value is ReferenceServer {
  const server = value as Partial<ReferenceServer> | undefined;
  return typeof server?.name === 'string' && typeof server.create === 'function' && typeof server.demoLogins === 'function' && server.description !== undefined;
}

/**
 * The reference server of every API in the registry, as its package exports
 * it (`server`, from the built `dist/index.js` of the entry's
 * `x-loginspec-server`). Adding an API to the registry adds it here.
 */
export async function loadServers(root: string): Promise<ReferenceServer[]> {
  const apis = await readRegistry(root);
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
