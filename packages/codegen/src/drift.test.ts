import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateAll } from './generate-all.js';
import { findDrift } from './sync.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('generated files', () => {
  it('are exactly what the registry and the fixtures generate (run `pnpm gen` if not)', async () => {
    const { sources, folders } = await generateAll(root);
    const files = sources.flatMap((s) => s.files);
    expect(files.length).toBeGreaterThan(0);
    expect(await findDrift(root, files, folders), 'out of date with the descriptions: run `pnpm gen` and commit').toEqual([]);
  });
});
