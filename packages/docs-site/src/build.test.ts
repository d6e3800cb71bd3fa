import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from './build.js';
import { repoRoot } from './paths.js';

const out = await mkdtemp(join(tmpdir(), 'loginspec-docs-'));
afterAll(() => rm(out, { recursive: true, force: true }));

describe('buildSite', () => {
  it('builds a self-contained reference for every API, the guides and the index', async () => {
    const lines: string[] = [];
    await buildSite({ root: repoRoot, out, progress: (line) => lines.push(line) });
    const enos = await readFile(join(out, 'enos', 'index.html'), 'utf8');
    expect(enos).toContain('/app-portal-service/v2.0/login');
    expect(enos).toContain('31429');
    // Served offline in CI and staging: nothing may load from another host.
    expect(enos).not.toMatch(/<script[^>]+src="https?:/);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('href="./enos/"');
    expect(await readFile(join(out, 'guides', 'adding-an-api.html'), 'utf8')).toContain('<h1>Adding an API</h1>');
    expect(lines.at(-1)).toMatch(/^docs: \d+ guides, index -> /);
  }, 60_000);
});
