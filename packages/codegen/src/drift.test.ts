import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateApi, listApis } from './generate.js';
import { findDrift } from './sync.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('generated files', () => {
  it('are exactly what the specs generate (run `pnpm gen` if not)', async () => {
    const files = (await Promise.all((await listApis(root)).map((api) => generateApi(root, api)))).flat();
    expect(files.length).toBeGreaterThan(0);
    expect(await findDrift(root, files), 'out of date with specs/: run `pnpm gen` and commit').toEqual([]);
  });
});
