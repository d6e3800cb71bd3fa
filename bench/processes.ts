import { type ChildProcess, spawn } from 'node:child_process';

export interface Served {
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts a server in a child process and answers once its output names the
 * port it listens on; gives up after `timeoutMs`.
 */
export function startServer(command: string, args: string[], portPattern: RegExp, env: NodeJS.ProcessEnv = {}, timeoutMs = 60_000): Promise<Served> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${args.join(' ')} did not start in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = portPattern.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      // Keep draining its output so that the child never blocks on a full pipe.
      child.stdout?.resume();
      child.stderr?.resume();
      resolve({
        port: Number(match[1]),
        child,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited with ${code} before listening:\n${output}`));
    });
  });
}
