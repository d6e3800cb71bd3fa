import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readRegistry } from '@loginspec/codegen/registry';
import type { ScenarioSuite } from '@loginspec/contract-testkit';

const isSuite = (value: unknown): value is ScenarioSuite<unknown> =>
  typeof (value as ScenarioSuite<unknown>)?.api === 'string' && Array.isArray((value as ScenarioSuite<unknown>).scenarios);

/**
 * Every API's contract scenarios, as its server package exports them (the
 * `./scenarios` subpath of the registry's `x-loginspec-server`), in the
 * registry's order: adding an API to the registry adds it here.
 */
export async function loadSuites(root: string): Promise<ScenarioSuite<unknown>[]> {
  return Promise.all(
    (await readRegistry(root)).map(async (api) => {
      const entry = pathToFileURL(join(root, api.server, 'dist', 'scenarios.js')).href;
      const module = (await import(entry).catch((err: Error) => {
        throw new Error(`${api.name}: cannot load its scenarios from ${api.server} (has \`pnpm build\` run?): ${err.message}`);
      })) as Record<string, unknown>;
      const suite = Object.values(module).find(isSuite);
      if (!suite || suite.api !== api.name) throw new Error(`${api.name}: ${api.server}/scenarios exports no suite for "${api.name}"`);
      return suite;
    }),
  );
}
