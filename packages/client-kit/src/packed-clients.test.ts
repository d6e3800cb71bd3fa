import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { readRegistry } from '@loginspec/codegen/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../..', import.meta.url));
const temp = await mkdtemp(join(tmpdir(), 'loginspec-packed-'));
afterAll(() => rm(temp, { recursive: true, force: true }));

/** Each registered API's client package, from where the registry generates its types (`packages/<api>-client/src/generated`). */
const clients = (await readRegistry(root)).map((api) => dirname(dirname(dirname(api.types))));
/** What a client may depend on from this repository: the packages published beside it. */
const shared = ['packages/codec', 'packages/client-kit'];

/** Every package name installed under `node_modules`, nested ones included. */
async function installed(dir: string): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(dir).catch(() => [] as string[])) {
    if (entry.startsWith('.')) continue;
    const scoped = entry.startsWith('@') ? (await readdir(join(dir, entry))).map((name) => `${entry}/${name}`) : [entry];
    for (const name of scoped) names.push(name, ...(await installed(join(dir, name, 'node_modules'))));
  }
  return names;
}

const CONSUMER = `import { ApiError, createEnosClient, type EnosApiError } from '@loginspec/enos-client';
import { createEosClient, type LoginResponse } from '@loginspec/eos-client';
import { type AktionToken, createAktionClient, createTokenSource } from '@loginspec/aktion-client';

const enos = createEnosClient({ baseUrl: 'http://127.0.0.1:4010/enos' });
const eos = createEosClient({ baseUrl: 'http://127.0.0.1:4010/eos' });
const aktion = createAktionClient({ baseUrl: 'http://127.0.0.1:4010/aktion', format: 'xml' });

export async function logins(): Promise<[string, LoginResponse, AktionToken, string]> {
  try {
    const { accessToken } = await enos.login({ account: 'portal_demo', password: 'yourPassword' });
    const session = await eos.signIn({ loginName: 'foobat', password: 'anypwd' });
    const token = await aktion.login('John.Doo', 'hDn/LFXIPESM036W+s7VKg==');
    const fresh = await createTokenSource(aktion, { userLogin: 'John.Doo', apiKey: 'hDn/LFXIPESM036W+s7VKg==' }).getToken();
    return [accessToken, session, token, fresh];
  } catch (error) {
    if (error instanceof ApiError) {
      const refusal = error as EnosApiError;
      const code: 31400 | 31401 | 31404 | 31413 | 31415 | 31429 | 31503 = refusal.code;
      throw new Error(\`refused: \${code} \${refusal.retryAfterSeconds ?? ''}\`);
    }
    throw error;
  }
}
`;

describe('the packed clients, installed with npm outside the workspace', () => {
  const project = join(temp, 'consumer');

  beforeAll(async () => {
    const packs = join(temp, 'packs');
    // `pnpm pack` rewrites workspace: ranges. Its prepack (a clean build) is left out here: other test
    // files import these packages' dist/ while this one runs, and `pnpm test` has just built them.
    const env = { ...process.env, npm_config_ignore_scripts: 'true' };
    for (const dir of [...shared, ...clients]) await run('pnpm', ['pack', '--pack-destination', packs], { cwd: join(root, dir), env });
    await mkdir(project, { recursive: true });
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    const tarballs = (await readdir(packs)).map((file) => join(packs, file));
    await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], { cwd: project });
  }, 180_000);

  it('ship their built code and no test, with no workspace: range left', async () => {
    for (const name of ['enos-client', 'eos-client', 'aktion-client', 'client-kit', 'codec']) {
      const dir = join(project, 'node_modules/@loginspec', name);
      const manifest = await readFile(join(dir, 'package.json'), 'utf8');
      expect(manifest, name).not.toContain('workspace:');
      const files = await readdir(join(dir, 'dist'), { recursive: true });
      expect(files, name).toContain('index.js');
      expect(files.filter((f) => /\.test\.|fixture/.test(f)), name).toEqual([]);
    }
  });

  it('pull no server library: neither hono nor ajv', async () => {
    const names = await installed(join(project, 'node_modules'));
    expect(names).toEqual(expect.arrayContaining(['openapi-fetch', '@loginspec/client-kit', '@loginspec/codec', 'saxes']));
    expect(names.filter((name) => /^(hono|@hono\/.*|ajv|ajv-formats|@loginspec\/(openapi-runtime|login-kit|.*-server))$/.test(name))).toEqual([]);
  });

  it.each([
    ['nodenext', { module: 'nodenext', moduleResolution: 'nodenext' }],
    ['bundler', { module: 'esnext', moduleResolution: 'bundler' }],
  ])('type-check a consumer under --strict with %s resolution, their declarations included', async (name, resolution) => {
    await writeFile(join(project, 'consumer.ts'), CONSUMER);
    // No @types/node: the clients need only what a browser has too.
    const compilerOptions = { strict: true, noEmit: true, target: 'es2022', lib: ['es2022', 'dom'], types: [], skipLibCheck: false, ...resolution };
    await writeFile(join(project, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }));
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const result = await run(process.execPath, [tsc, '-p', `tsconfig.${name}.json`], { cwd: project }).catch((err: { stdout: string; stderr: string }) => err);
    expect(`${result.stdout}${result.stderr}`).toBe('');
  }, 60_000);
});
