import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '@loginspec/docs-site';

/**
 * A command run as CI and staging run it, driven by what it prints: each
 * step waits for the line that says it happened, never for a time. Shared
 * by the tests that spawn `pnpm start`'s process.
 */

/** The built `pnpm start`. */
export const MAIN = join(repoRoot, 'packages/gateway/dist/main.js');

export interface Running {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  /** The first JSON line of stdout whose event is `event`, when it comes. */
  event(event: string): Promise<Record<string, unknown>>;
  /** The first line of stdout that is `line`, when it comes. */
  line(line: string): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children: ChildProcess[] = [];

/** Kills every process `run` started that still runs: for a test file's afterEach. */
export function killChildren(): void {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

export function run(command: string, args: string[], { env = {}, detached = false, cwd = repoRoot }: { env?: Record<string, string>; detached?: boolean; cwd?: string } = {}): Running {
  const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached });
  children.push(child);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const waiting: { matches: (line: string, record?: Record<string, unknown>) => boolean; resolve: (value: Record<string, unknown>) => void }[] = [];
  const recordOf = (line: string): Record<string, unknown> | undefined => {
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  };
  const lines = (into: string[], onLine?: (line: string) => void) => {
    let rest = '';
    return (chunk: Buffer) => {
      const parts = (rest + chunk.toString('utf8')).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) {
        into.push(line);
        onLine?.(line);
      }
    };
  };
  child.stdout?.on(
    'data',
    lines(stdout, (line) => {
      const record = recordOf(line);
      for (const w of waiting.filter((w) => w.matches(line, record))) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(record ?? {});
      }
    }),
  );
  child.stderr?.on('data', lines(stderr));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const until = (what: string, matches: (line: string, record?: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> => {
    const seen = stdout.find((line) => matches(line, recordOf(line)));
    if (seen !== undefined) return Promise.resolve(recordOf(seen) ?? {});
    return Promise.race([
      new Promise<Record<string, unknown>>((resolve) => waiting.push({ matches, resolve })),
      exited.then(({ code, signal }) => {
        throw new Error(`exited (${code ?? signal}) before ${what}\nstdout:\n${stdout.join('\n')}\nstderr:\n${stderr.join('\n')}`);
      }),
    ]);
  };
  return {
    child,
    stdout,
    stderr,
    exited,
    event: (event) => until(`"${event}"`, (_, record) => record?.event === event),
    line: (text) => until(`"${text}"`, (line) => line === text).then(() => undefined),
  };
}
