import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { docsFreshness, docsInputs } from './docs-freshness.js';

/** A repository with one API, its guides and a docs package, every file's time set by hand: nothing waits for a clock to tick. */
const root = await mkdtemp(join(tmpdir(), 'loginspec-docs-fresh-'));
afterAll(() => rm(root, { recursive: true, force: true }));
const siteDir = join(root, 'packages/docs-site/site');
const docsPackage = join(root, 'packages/docs-site');
const FILES = {
  'redocly.yaml': 'apis:\n  demo:\n    root: specs/demo/openapi.yaml\n    x-openapi-ts:\n      output: packages/demo-client/src/generated/openapi.ts\n    x-loginspec-server: packages/demo-server\n',
  'specs/demo/openapi.yaml': 'openapi: 3.1.0\n',
  'specs/demo/examples/error.xml': '<e/>',
  'packages/demo-client/src/generated/openapi.json': '{}',
  'packages/demo-client/package.json': '{}',
  'docs/demo.md': '# Demo\n',
  'packages/docs-site/package.json': '{}',
  'packages/docs-site/dist/cli.js': '',
  'packages/docs-site/src/pages.ts': '',
  'packages/docs-site/src/pages.test.ts': '',
  'packages/docs-site/node_modules/marked/index.js': '',
  'packages/docs-site/site/index.html': '<h1>docs</h1>',
};
const BUILT = new Date('2026-01-02T00:00:00Z');
const BEFORE = new Date('2026-01-01T00:00:00Z');
const AFTER = new Date('2026-01-03T00:00:00Z');

async function touch(path: string, time: Date) {
  await utimes(join(root, path), time, time);
}

beforeEach(async () => {
  for (const [path, content] of Object.entries(FILES)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  for (const path of [...Object.keys(FILES), 'specs/demo/examples', 'specs/demo', 'docs', 'packages/docs-site/dist', 'packages/docs-site/src', 'packages/docs-site']) await touch(path, BEFORE);
  await touch('packages/docs-site/site/index.html', BUILT);
});

describe('docsFreshness', () => {
  it('finds the site fresh when every input is older than its index.html', async () => {
    expect(await docsFreshness({ root, siteDir, docsPackage })).toEqual({ fresh: true, reason: 'nothing changed since packages/docs-site/site/index.html was built' });
  });

  it.each(['docs/demo.md', 'docs', 'specs/demo/examples/error.xml', 'packages/demo-client/src/generated/openapi.json', 'packages/demo-client/package.json', 'redocly.yaml', 'packages/docs-site/dist/cli.js', 'packages/docs-site/src/pages.ts'])(
    'finds it stale when %s changed after the build',
    async (input) => {
      await touch(input, AFTER);
      expect(await docsFreshness({ root, siteDir, docsPackage })).toEqual({ fresh: false, reason: `${input} is newer than the built site` });
    },
  );

  it("ignores the site's own files and the docs package's installed dependencies", async () => {
    await touch('packages/docs-site/node_modules/marked/index.js', AFTER);
    expect((await docsFreshness({ root, siteDir, docsPackage })).fresh).toBe(true);
    expect(await docsInputs(root, docsPackage)).not.toContain(join(siteDir, 'index.html'));
  });

  it("ignores the docs package's tests: the build never reads them", async () => {
    await touch('packages/docs-site/src/pages.test.ts', AFTER);
    expect((await docsFreshness({ root, siteDir, docsPackage })).fresh).toBe(true);
  });

  it('finds no site stale', async () => {
    await rm(join(siteDir, 'index.html'));
    expect(await docsFreshness({ root, siteDir, docsPackage })).toEqual({ fresh: false, reason: 'no built site at packages/docs-site/site/index.html' });
  });
});
