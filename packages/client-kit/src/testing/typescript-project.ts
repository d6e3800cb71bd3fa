import { execFile } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './reference-servers.js';

const run = promisify(execFile);
const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');

export type Resolution = 'nodenext' | 'bundler';

/**
 * What a consumer of the packages compiles with: --strict, the module
 * resolution asked for, and no @types/node (the clients need only what a
 * browser has too).
 */
export function consumerOptions(resolution: Resolution, emit?: { outDir: string }) {
  return {
    strict: true,
    target: 'es2022',
    lib: ['es2022', 'dom'],
    types: [],
    resolveJsonModule: true,
    ...(resolution === 'nodenext' ? { module: 'nodenext', moduleResolution: 'nodenext' } : { module: 'esnext', moduleResolution: 'bundler' }),
    ...(emit ? { outDir: emit.outDir, noEmit: false } : { noEmit: true }),
  };
}

/** A folder that is an ES module package, and can be given node_modules. */
export async function createProject(dir: string): Promise<void> {
  await mkdir(join(dir, 'node_modules/@loginspec'), { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
}

/** Makes the workspace's packages (built) importable from `dir` by their names, as an install would. */
export async function linkWorkspacePackages(dir: string, folders: string[]): Promise<void> {
  for (const folder of folders) await symlink(join(repoRoot, 'packages', folder), join(dir, 'node_modules/@loginspec', folder), 'dir');
}

/** Runs tsc on `files` in `dir` with `compilerOptions`; answers what it printed ('' when all is well). */
export async function compile(dir: string, name: string, files: string[], compilerOptions: object): Promise<string> {
  await writeFile(join(dir, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions, files }));
  const result = await run(process.execPath, [tsc, '-p', `tsconfig.${name}.json`], { cwd: dir }).catch((error: { stdout: string; stderr: string }) => error);
  return `${result.stdout}${result.stderr}`;
}

/** Runs a compiled module with node; rejects with what it printed when it fails. */
export async function runModule(file: string, args: string[] = [], timeout = 60_000): Promise<string> {
  try {
    return (await run(process.execPath, [file, ...args], { timeout })).stdout;
  } catch (error) {
    const { stdout = '', stderr = '', message } = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${file} failed: ${message}\n${stdout}${stderr}`);
  }
}
