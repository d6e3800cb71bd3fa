import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand, USAGE } from './command.js';
import { repoRoot } from './paths.js';

const temp = await mkdtemp(join(tmpdir(), 'loginspec-docs-'));
afterAll(() => rm(temp, { recursive: true, force: true }));

function recorder(root?: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (l: string) => out.push(l), stderr: (l: string) => err.push(l), ...(root ? { root } : {}) } };
}

/** What a page would fetch from another host as it loads: scripts, module imports, stylesheets, preloads. */
function externalLoads(html: string): string[] {
  return [
    ...html.matchAll(/<script\b[^>]*\bsrc=["']?(?:https?:)?\/\/[^"'\s>]+/gi),
    ...html.matchAll(/<link\b[^>]*\bhref=["']?(?:https?:)?\/\/[^"'\s>]+/gi),
    ...html.matchAll(/\bimport\b[^;'"]*?\bfrom\s*["'](?:https?:)?\/\/[^"']+/g),
    ...html.matchAll(/\bimport\(\s*["'](?:https?:)?\/\/[^"']+/g),
  ].map((m) => m[0]);
}

describe('pnpm run docs', () => {
  it('prints its usage for --help', async () => {
    const r = recorder();
    expect(await runCommand(['--help'], r.io)).toBe(0);
    expect(r.out).toEqual([USAGE]);
  });

  it('rejects an unknown flag with one line and the usage, exit 2', async () => {
    const r = recorder();
    expect(await runCommand(['--outt', 'x'], r.io)).toBe(2);
    const [first, ...rest] = r.err.join('\n').split('\n');
    expect(first).toMatch(/^docs: .*'--outt'/);
    expect(rest.join('\n').trim()).toBe(USAGE);
    expect(r.out).toEqual([]);
  });

  it('builds a self-contained reference of every API, the guides and the index into --out', async () => {
    const out = join(temp, 'site');
    const r = recorder();
    expect(await runCommand(['--out', out], r.io)).toBe(0);
    expect(r.err).toEqual([]);

    const enos = await readFile(join(out, 'enos', 'index.html'), 'utf8');
    expect(enos).toContain('"operationId":"login"');
    expect(enos).toContain('/app-portal-service/v2.0/login');
    // Served offline in CI and staging: no script, module or stylesheet from another host.
    expect(externalLoads(enos)).toEqual([]);
    expect(enos).toMatch(/"disableTelemetry":true/);

    expect(await readFile(join(out, 'enos', 'openapi.yaml'), 'utf8')).toBe(await readFile(join(repoRoot, 'specs/enos/openapi.yaml'), 'utf8'));
    const index = await readFile(join(out, 'index.html'), 'utf8');
    expect(index).toContain('href="./enos/"');
    expect(index).toContain('href="./enos/openapi.yaml"');
    expect(await readFile(join(out, 'guides', 'adding-an-api.html'), 'utf8')).toContain('<h1>Adding an API</h1>');

    expect(r.out).toContainEqual(expect.stringMatching(/^docs: enos -> .+[/\\]enos[/\\]index\.html \(\d+\.\d s\)$/));
    expect(r.out.at(-1)).toMatch(/^docs: \d+ guides, index -> /);
    expect(r.out.at(-1)?.endsWith(` -> ${join(out, 'index.html')}`)).toBe(true);
  }, 120_000);

  it('prints what redocly printed and exits 1 when build-docs fails', async () => {
    const root = join(temp, 'broken');
    await mkdir(join(root, 'specs', 'broken'), { recursive: true });
    await writeFile(join(root, 'specs', 'broken', 'openapi.yaml'), 'openapi: 3.1.0\ninfo: [unclosed\n');
    await cp(join(repoRoot, 'packages/enos-client/src/generated/openapi.json'), join(root, 'packages/broken-client/src/generated/openapi.json'));
    const registry = 'apis:\n  broken:\n    root: specs/broken/openapi.yaml\n    x-openapi-ts:\n      output: packages/broken-client/src/generated/openapi.ts\n    x-loginspec-server: packages/broken-server\n';
    await writeFile(join(root, 'redocly.yaml'), registry);
    const r = recorder(root);
    expect(await runCommand(['--out', join(temp, 'broken-site')], r.io)).toBe(1);
    expect(r.err[0]).toMatch(/^docs: redocly build-docs .*openapi\.yaml failed$/);
    expect(r.err.join('\n')).toMatch(/openapi\.yaml.*\(\d+:\d+\)/);
  }, 60_000);
});
