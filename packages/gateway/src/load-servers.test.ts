import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRegistry } from '@loginspec/codegen/registry';
import { repoRoot } from '@loginspec/docs-site';
import { afterAll, describe, expect, it } from 'vitest';
import { loadServers } from './load-servers.js';

const temp = await mkdtemp(join(tmpdir(), 'loginspec-servers-'));
afterAll(() => rm(temp, { recursive: true, force: true }));

describe('loadServers', () => {
  it('loads the reference server of every API in the registry, in its order', async () => {
    const servers = await loadServers(repoRoot);
    expect(servers.map((s) => s.name)).toEqual((await readRegistry(repoRoot)).map((api) => api.name));
    for (const server of servers) expect(server.demoLogins().length).toBeGreaterThan(0);
  });

  it('names the API whose server package cannot be loaded', async () => {
    await writeFile(join(temp, 'redocly.yaml'), 'apis:\n  ghost:\n    root: specs/ghost/openapi.yaml\n    x-openapi-ts:\n      output: packages/ghost-client/src/generated/openapi.ts\n    x-loginspec-server: packages/ghost-server\n');
    await expect(loadServers(temp)).rejects.toThrow(/^ghost: cannot load its reference server from packages\/ghost-server \(has `pnpm build` run\?\)/);
  });

  it.each([
    ['renamed', "export const server = { name: 'someone-else', description: {}, create() {}, demoLogins() { return []; } };", 'renamed: packages/renamed serves "someone-else", not "renamed"'],
    ['serverless', 'export const app = {};', 'serverless: packages/serverless exports no `server` (a ReferenceServer)'],
  ])('refuses a package that does not present the API it is registered for (%s)', async (name, source, message) => {
    await mkdir(join(temp, `packages/${name}/dist`), { recursive: true });
    await writeFile(join(temp, `packages/${name}/dist/index.js`), source);
    await writeFile(join(temp, 'redocly.yaml'), `apis:\n  ${name}:\n    root: x.yaml\n    x-openapi-ts:\n      output: x.ts\n    x-loginspec-server: packages/${name}\n`);
    await expect(loadServers(temp)).rejects.toThrow(message);
  });
});
