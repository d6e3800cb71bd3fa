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
    expect(index).toContain('href="./enos/try.html"');
    expect(await readFile(join(out, 'guides', 'adding-an-api.html'), 'utf8')).toContain('<h1 id="adding-an-api">Adding an API</h1>');
    // Code samples derived from the examples, injected into the docs' copy only.
    expect(enos).toContain('"x-codeSamples":[{"lang":"curl"');
    expect(await readFile(join(repoRoot, 'specs/enos/openapi.yaml'), 'utf8')).not.toContain('x-codeSamples');
    // What aktion's description refers to is served beside it, and its XML examples are pretty-printed.
    expect(await readFile(join(out, 'aktion', 'examples', 'request.seed.xml'), 'utf8')).toBe(await readFile(join(repoRoot, 'specs/aktion/examples/request.seed.xml'), 'utf8'));
    expect(await readFile(join(out, 'aktion', 'index.html'), 'utf8')).toMatch(/\\u003cRequest>\\n {2}\\u003cUserLogin>/);
    // The console's script and stylesheet are on the site.
    expect((await readFile(join(out, 'assets', 'swagger-ui', 'swagger-ui-bundle.js'), 'utf8')).length).toBeGreaterThan(100_000);

    expect(r.out).toContainEqual(expect.stringMatching(/^docs: enos -> .+[/\\]enos[/\\]index\.html \(\d+\.\d s\)$/));
    expect(r.out.at(-1)).toMatch(/^docs: \d+ guides, index -> /);
    expect(r.out.at(-1)?.endsWith(` -> ${join(out, 'index.html')}`)).toBe(true);
  }, 120_000);

  it('prints what redocly printed and exits 1 when build-docs fails', async () => {
    const root = join(temp, 'broken');
    await mkdir(join(root, 'specs', 'broken'), { recursive: true });
    await cp(join(repoRoot, 'specs/enos/openapi.yaml'), join(root, 'specs', 'broken', 'openapi.yaml'));
    // The reference is built from the bundled description: one redocly cannot read (no `openapi` version).
    await mkdir(join(root, 'packages/broken-client/src/generated'), { recursive: true });
    await writeFile(join(root, 'packages/broken-client/src/generated/openapi.json'), JSON.stringify({ info: { title: 'Broken', version: '1' }, paths: {} }));
    const registry = 'apis:\n  broken:\n    root: specs/broken/openapi.yaml\n    x-openapi-ts:\n      output: packages/broken-client/src/generated/openapi.ts\n    x-loginspec-server: packages/broken-server\n';
    await writeFile(join(root, 'redocly.yaml'), registry);
    const r = recorder(root);
    expect(await runCommand(['--out', join(temp, 'broken-site')], r.io)).toBe(1);
    expect(r.err[0]).toMatch(/^docs: redocly build-docs of broken failed$/);
    expect(r.err.join('\n')).toMatch(/Unsupported specification/);
  }, 60_000);
});
