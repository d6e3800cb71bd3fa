import { execFile } from 'node:child_process';

export interface Executed {
  /** The exit code; 1 when the process could not start or was killed. */
  code: number;
  /** Set when the timeout killed it. */
  signal?: string;
  stdout: string;
  stderr: string;
}

/** Runs a program to its end, never rejecting: a sample's failure is a result to report, with what it printed. */
export function execute(file: string, args: string[], options: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv }): Promise<Executed> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd: options.cwd, timeout: options.timeoutMs, killSignal: 'SIGKILL', maxBuffer: 8 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', ...options.env } }, (error, stdout, stderr) => {
      const { code, signal } = (error ?? {}) as { code?: number | string; signal?: string };
      resolve({ code: error ? (typeof code === 'number' ? code : 1) : 0, ...(signal ? { signal } : {}), stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

export interface RunResult {
  ok: boolean;
  /** What failed, with the sample's output. */
  failure?: string;
  stdout: string;
  ms: number;
}
