import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRegistry } from './registry.js';

const temp = await mkdtemp(join(tmpdir(), 'loginspec-registry-'));
afterAll(() => rm(temp, { recursive: true, force: true }));

async function registry(yaml: string) {
  await writeFile(join(temp, 'redocly.yaml'), yaml);
  return readRegistry(temp);
}

describe('readRegistry', () => {
  it("reads each API's description, types, bundle and server from redocly.yaml", async () => {
    const yaml = 'apis:\n  demo:\n    root: specs/demo/openapi.yaml\n    x-openapi-ts:\n      output: packages/demo-client/src/generated/openapi.ts\n    x-loginspec-server: packages/demo-server\n';
    expect(await registry(yaml)).toEqual([
      {
        name: 'demo',
        description: 'specs/demo/openapi.yaml',
        types: 'packages/demo-client/src/generated/openapi.ts',
        bundle: 'packages/demo-client/src/generated/openapi.json',
        server: 'packages/demo-server',
      },
    ]);
  });

  it('names the entry and the field that is missing', async () => {
    await expect(registry('apis:\n  demo:\n    root: specs/demo/openapi.yaml\n')).rejects.toThrow('redocly.yaml: apis.demo.x-openapi-ts.output must name a file or folder');
  });

  it('is empty without apis', async () => {
    expect(await registry('rules: {}\n')).toEqual([]);
  });
});
