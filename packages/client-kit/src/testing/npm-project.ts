import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The environment of a user's shell: this process's without the `npm_*`
 * variables that pnpm sets for the script running the tests, which npm
 * would warn about ("Unknown env config") in a child.
 */
export function userShellEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  return { ...env, ...extra };
}

/** `pnpm pack` of a workspace package into `destination`; answers the tarball's path. pnpm rewrites `workspace:` ranges as it packs. */
export async function pnpmPack(packageDir: string, destination: string, { ignoreScripts = false } = {}): Promise<string> {
  const env = ignoreScripts ? { ...process.env, npm_config_ignore_scripts: 'true' } : process.env;
  const { stdout } = await run('pnpm', ['pack', '--pack-destination', destination, '--json'], { cwd: packageDir, env });
  return (JSON.parse(stdout) as { filename: string }).filename;
}

/** The files of a tarball, without npm's `package/` prefix. */
export async function tarballFiles(tarball: string): Promise<string[]> {
  const { stdout } = await run('tar', ['-tzf', tarball]);
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => line.replace(/^package\//, ''));
}

/** One file of a tarball, as text. */
export async function tarballText(tarball: string, file: string): Promise<string> {
  return (await run('tar', ['-xzOf', tarball, `package/${file}`])).stdout;
}

/**
 * Installs tarballs with plain npm: from its cache alone when it can
 * (`--offline`), else letting it fetch what the cache lacks (third-party
 * packages only: the project's own come from the tarballs).
 */
export async function npmInstall(dir: string, tarballs: string[]): Promise<'offline' | 'prefer-offline'> {
  const args = ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs];
  try {
    await run('npm', [...args, '--offline'], { cwd: dir });
    return 'offline';
  } catch {
    await run('npm', [...args, '--prefer-offline'], { cwd: dir });
    return 'prefer-offline';
  }
}

/** Every package name installed under `node_modules`, nested ones included. */
export async function installedPackages(dir: string): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(dir).catch(() => [] as string[])) {
    if (entry.startsWith('.')) continue;
    const scoped = entry.startsWith('@') ? (await readdir(join(dir, entry))).map((name) => `${entry}/${name}`) : [entry];
    for (const name of scoped) names.push(name, ...(await installedPackages(join(dir, name, 'node_modules'))));
  }
  return names;
}
