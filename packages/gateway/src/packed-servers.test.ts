import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@loginspec/docs-site';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The clients' helper for "pack, then install with plain npm outside the workspace", reused as it is.
import { installedPackages, npmInstall, pnpmPack, tarballFiles, tarballText, userShellEnv } from '../../client-kit/src/testing/npm-project.js';

/**
 * What `npx @loginspec/<api>-server` installs and runs: each server package
 * and every package of this repository it depends on, packed with pnpm,
 * installed with npm in a project outside the workspace, each bin started
 * and logged in to over HTTP.
 */

const packages = join(repoRoot, 'packages');
const SERVERS = (await readdir(packages)).filter((folder) => folder.endsWith('-server'));

/** The folders of this repository's packages a folder depends on at run time, itself included. */
async function closure(folders: readonly string[]): Promise<string[]> {
  const seen = new Set<string>();
  const visit = async (folder: string): Promise<void> => {
    if (seen.has(folder)) return;
    seen.add(folder);
    const { dependencies = {} } = JSON.parse(await readFile(join(packages, folder, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const name of Object.keys(dependencies)) if (name.startsWith('@loginspec/')) await visit(name.slice('@loginspec/'.length));
  };
  for (const folder of folders) await visit(folder);
  return [...seen];
}
const PACKED = await closure(SERVERS);
const NAMES = PACKED.map((folder) => `@loginspec/${folder}`);
/** What a server's install must not bring: a test runner, a compiler, the lint and docs tooling. */
const DEV_ONLY = /^(vitest|@vitest\/.*|typescript|tsx|@redocly\/.*|fast-check)$/;

const temp = await mkdtemp(join(tmpdir(), 'loginspec-packed-servers-'));
const project = join(temp, 'consumer');
const tarballs = new Map<string, string>();
const children: ChildProcess[] = [];

/** Bytes under a directory, as `du --apparent-size` counts them. */
async function sizeOf(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await sizeOf(path);
    else if (entry.isFile()) total += (await stat(path)).size;
  }
  return total;
}

beforeAll(async () => {
  const packs = join(temp, 'packs');
  await mkdir(project, { recursive: true });
  await mkdir(packs);
  // The prepack (a clean build) is left out: other test files import these packages' dist/ while this one
  // runs, and `pnpm test` has just built them. `pnpm pack` still rewrites the workspace: ranges.
  for (const folder of PACKED) tarballs.set(folder, await pnpmPack(join(packages, folder), packs, { ignoreScripts: true }));
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'server-consumer', private: true, type: 'module' }));
  await npmInstall(project, [...tarballs.values()]);
}, 300_000);

afterAll(async () => {
  // Each command leads its own process group: npm's shell and the server go with it.
  for (const child of children) {
    try {
      process.kill(-(child.pid as number), 'SIGKILL');
    } catch {
      // The group is gone already.
    }
  }
  await rm(temp, { recursive: true, force: true });
});

describe('the packed server packages', () => {
  it('are every server and what they depend on', () => {
    expect(PACKED).toEqual(expect.arrayContaining([...SERVERS, 'login-kit', 'openapi-runtime', 'codec', 'client-kit']));
  });

  it.each(PACKED)('%s: dist, README and LICENSE, no test, no workspace: range, a prepack that builds', async (folder) => {
    const tarball = tarballs.get(folder) as string;
    const files = await tarballFiles(tarball);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts']));
    expect(files.filter((file) => /\.test\.|\.fixture\.|(^|\/)(testing|fixtures)\//.test(file))).toEqual([]);
    const manifest = await tarballText(tarball, 'package.json');
    expect(manifest).not.toContain('workspace:');
    const { devDependencies, bin } = JSON.parse(manifest) as { devDependencies?: object; bin?: Record<string, string> };
    expect(devDependencies ?? {}).toEqual({});
    if (folder.endsWith('-server')) {
      expect(bin).toEqual({ [folder]: './dist/bin.js' });
      expect(files).toContain('dist/bin.js');
    }
    // pnpm drops the prepack from the packed manifest: the workspace's is the one that runs.
    const { scripts } = JSON.parse(await readFile(join(packages, folder, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    expect(scripts?.prepack).toMatch(/'dist'.*rmSync.*&& tsc -b$/);
  });

  it('install with npm, without a test runner, a compiler or the docs tooling', async () => {
    const names = await installedPackages(join(project, 'node_modules'));
    expect(names).toEqual(expect.arrayContaining([...NAMES, 'hono', '@hono/node-server']));
    expect(names.filter((name) => DEV_ONLY.test(name))).toEqual([]);
    const bytes = await sizeOf(join(project, 'node_modules'));
    console.info(`packed servers: ${names.length} packages installed, ${(bytes / 2 ** 20).toFixed(1)} MiB (all five servers)`);
    expect(bytes).toBeLessThan(30 * 2 ** 20);
  });
});

interface Listening {
  url: string;
  apis: { operations: { operationId: string; method: string; url: string }[]; demoLogins: { operationId: string; fields: Record<string, string> }[] }[];
}

interface Started {
  child: ChildProcess;
  listening: Promise<Listening>;
  stdout: string[];
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A command in the consumer project, in its own process group (as a terminal's foreground job), until its JSON `listening` line. */
function start(command: string, args: string[]): Started {
  // Offline, so that a bin missing from the install is an error, not a download.
  const child = spawn(command, args, { cwd: project, stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: userShellEnv({ npm_config_offline: 'true' }) });
  children.push(child);
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const listening = new Promise<Listening>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout.push(chunk.toString('utf8'));
      for (const line of stdout.join('').split('\n')) if (line.includes('"event":"listening"')) resolve(JSON.parse(line) as Listening);
    });
    void exited.then(({ code, signal }) => reject(new Error(`${args[0] ?? command} exited (${code ?? signal}) before listening:\n${stderr.join('')}`)));
  });
  return { child, listening, stdout, stderr, exited };
}

/** Whether a process group is gone within the server's close deadline (2 s) and a margin. */
async function groupGone(pgid: number): Promise<boolean> {
  for (const until = Date.now() + 3_000; Date.now() < until; await new Promise((resolve) => setTimeout(resolve, 50))) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return true;
    }
  }
  return false;
}

/** Its stderr, but for the warning a low hash cost prints. */
const unexpected = (started: Started) =>
  started.stderr
    .join('')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.includes('"event":"weak-hash-cost"'));

/** The demo login of the listening line, sent as the description takes it: path parameters in the URL, eos's as a form. */
function demoLogin({ apis: [api] }: Listening): Promise<Response> {
  const demo = api?.demoLogins[0];
  const operation = api?.operations.find((o) => o.operationId === demo?.operationId);
  if (!demo || !operation) throw new Error('no demo login in the listening line');
  const body = { ...demo.fields };
  const url = operation.url.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = body[name] as string;
    delete body[name];
    return encodeURIComponent(value);
  });
  const form = url.endsWith('/client/login');
  return fetch(url, {
    method: operation.method,
    headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
    body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
  });
}

describe('npx <api>-server from the installed packages', () => {
  it.each(SERVERS)('%s: listens where told, its demo login succeeds, and Ctrl-C stops it with no error line', async (bin) => {
    const started = performance.now();
    const server = start('npx', [bin, '--port', '0', '--hash-cost', 'test', '--quiet']);
    const listening = await server.listening;
    const ms = Math.round(performance.now() - started);
    expect(listening.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${listening.url}/healthz`)).json()).toEqual({ status: 'ok', apis: [bin.replace(/-server$/, '')] });
    const login = await demoLogin(listening);
    expect(login.status, await login.clone().text()).toBe(200);
    process.kill(-(server.child.pid as number), 'SIGINT');
    const exit = await server.exited;
    expect(server.stdout.join('')).toContain('"event":"stopping","message":"SIGINT: closing…"');
    // The server closes and exits 0 (next test); npm runs it through `sh -c`, whose shell dies of the Ctrl-C
    // itself, and npm then ends by the same signal (a shell reports 130). Nothing of it is left running.
    expect(exit.code === 0 || exit.signal === 'SIGINT').toBe(true);
    expect(await groupGone(server.child.pid as number)).toBe(true);
    expect(unexpected(server)).toEqual([]);
    console.info(`npx ${bin}: listening ${ms} ms after the spawn`);
  }, 30_000);

  it('the installed bin, run as a service manager runs it, ends on SIGTERM with exit 0', async () => {
    const server = start(join(project, 'node_modules/.bin/xelion-server'), ['--port', '0', '--hash-cost', 'test']);
    await server.listening;
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(unexpected(server)).toEqual([]);
  });

  it('refuses a flag it does not know with exit 2, saying where the options are told', async () => {
    const server = start('npx', ['xelion-server', '--verbose']);
    server.listening.catch(() => {});
    expect((await server.exited).code).toBe(2);
    const stderr = server.stderr.join('');
    expect(stderr).toContain("xelion-server: Unknown option '--verbose'\nRun with --help for the options.\n");
    expect(stderr).not.toContain('Usage:');
  });
});
