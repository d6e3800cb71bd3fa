import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedPackages, npmInstall, pnpmPack, tarballFiles, tarballText } from './testing/npm-project.js';
import { repoRoot, startReferenceServers } from './testing/reference-servers.js';
import { compile, consumerOptions, createProject, runModule } from './testing/typescript-project.js';

/** What this repository publishes: every client, and the two packages they depend on. */
const clients = (await readdir(join(repoRoot, 'packages'))).filter((folder) => folder.endsWith('-client'));
const PUBLISHED = ['codec', 'client-kit', ...clients];
const NAMES = PUBLISHED.map((folder) => `@loginspec/${folder}`);
/** What a client must never bring along: a server library, or a package of this repository that is not published. */
const SERVER_SIDE = /^(hono|@hono\/.*|ajv|ajv-formats|@redocly\/.*)$/;

const temp = await mkdtemp(join(tmpdir(), 'loginspec-packed-'));
const project = join(temp, 'consumer');
const tarballs = new Map<string, string>();
const timings: Record<string, number> = {};
let servers: Awaited<ReturnType<typeof startReferenceServers>> | undefined;

/** The nodenext type-check, which also writes the JavaScript the run test runs: one compile for both, whichever asks first. */
let emitting: Promise<string> | undefined;
const emitted = () => (emitting ??= compile(project, 'nodenext', ['main.ts'], { ...consumerOptions('nodenext', { outDir: 'out' }), skipLibCheck: false }));

async function timed<T>(step: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    timings[step] = Math.round(performance.now() - start);
  }
}

beforeAll(async () => {
  const packs = join(temp, 'packs');
  await mkdir(packs, { recursive: true });
  // The prepack (a clean build) is left out: other test files import these packages' dist/ while this one
  // runs, and `pnpm test` has just built them. `pnpm pack` still rewrites the workspace: ranges, and the
  // first test checks that no output without a source (a stale build) gets in.
  await timed('pack', () => Promise.all(PUBLISHED.map(async (folder) => tarballs.set(folder, await pnpmPack(join(repoRoot, 'packages', folder), packs, { ignoreScripts: true })))));
  await createProject(project);
  timings.installMode = (await timed('install', () => npmInstall(project, [...tarballs.values()]))) === 'offline' ? 1 : 0;
  await copyFile(join(repoRoot, 'packages/client-kit/packed-consumer/main.ts'), join(project, 'main.ts'));
  servers = await startReferenceServers();
}, 300_000);

afterAll(async () => {
  await servers?.close();
  await rm(temp, { recursive: true, force: true });
  console.info(`packed clients: ${JSON.stringify(timings)} (ms; installMode 1 = npm --offline)`);
});

describe('the packed clients', () => {
  it.each(PUBLISHED)('%s: dist (JS and declarations), README and LICENSE, no test, no workspace: range, only published dependencies of this repository', async (folder) => {
    const tarball = tarballs.get(folder) as string;
    const files = await tarballFiles(tarball);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts']));
    expect(files.filter((file) => /\.test\.|\.fixture\.|(^|\/)testing\//.test(file))).toEqual([]);
    // Packed without its prepack (see beforeAll): a build left over from a deleted source would ship unseen.
    expect(files.filter((file) => file.startsWith('dist/') && file.endsWith('.js') && !files.includes(file.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts')))).toEqual([]);
    const manifest = await tarballText(tarball, 'package.json');
    expect(manifest).not.toContain('workspace:');
    const { dependencies = {}, peerDependencies = {}, optionalDependencies = {}, devDependencies } = JSON.parse(manifest) as Record<string, Record<string, string> | undefined>;
    const own = Object.keys({ ...dependencies, ...peerDependencies, ...optionalDependencies }).filter((name) => name.startsWith('@loginspec/'));
    expect(own.filter((name) => !NAMES.includes(name))).toEqual([]);
    expect(devDependencies ?? {}).toEqual({});
    // What `pnpm pack` and `pnpm publish` run first: a clean build, so that what ships is what the sources make.
    const { scripts } = JSON.parse(await readFile(join(repoRoot, 'packages', folder, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.prepack).toMatch(/'dist'.*rmSync\b.*&& tsc -b$/);
  });

  it('install with npm outside the workspace, pulling no server library', async () => {
    const names = await installedPackages(join(project, 'node_modules'));
    expect(names).toEqual(expect.arrayContaining([...NAMES, 'openapi-fetch', 'jose', 'saxes']));
    expect(names.filter((name) => SERVER_SIDE.test(name) || (name.startsWith('@loginspec/') && !NAMES.includes(name)))).toEqual([]);
  });

  it.each(['nodenext', 'bundler'] as const)('type-check a consumer under --strict with %s resolution, their declarations included', async (resolution) => {
    const diagnostics = await timed(`typecheck ${resolution}`, () => (resolution === 'nodenext' ? emitted() : compile(project, resolution, ['main.ts'], { ...consumerOptions(resolution), skipLibCheck: false })));
    expect(diagnostics).toBe('');
  }, 60_000);

  it('run: a consumer logs in to each API and uses its token operation, against the reference servers', async () => {
    expect(await emitted()).toBe('');
    const output = await timed('run', () => runModule(join(project, 'out/main.js'), [servers?.baseUrl as string]));
    expect(JSON.parse(output)).toEqual({
      enos: { user: 'portal_demo', organization: 'Portal Demo', refused: [400, 31400] },
      eos: { sameSession: true, user: expect.any(String), refused: [403, '3-2'] },
      aktion: { user: 'John.Doo', expireInSec: expect.any(Number), tokenSource: true },
      edr: { sameUser: true, refused: [401, 401] },
      xelion: { rotated: true, loggedOut: true, refused: [401, 10004] },
      failures: { wrongBaseUrl: 404, noServer: 'GET' },
    });
    expect(output).not.toMatch(/yourPassword|anypwd|hDn\/LFXIPESM036W|rrath-demo-password|arnons secret|edr-demo-app-secret/);
  }, 60_000);
});
