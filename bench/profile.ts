import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

interface CpuProfile {
  nodes: { id: number; callFrame: { url: string; functionName: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Which part of the stack a frame belongs to, by its script's URL. */
function partOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : 'native (V8, libuv, syscalls)';
  if (url.startsWith('node:')) return 'Node.js (http, net, streams)';
  const pkg = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
  if (pkg) return pkg;
  const own = /packages\/([^/]+)\//.exec(url)?.[1];
  return own ? `@loginspec/${own}` : url;
}

/**
 * Where a server's CPU time went, by part of the stack (self time), from the
 * newest `.cpuprofile` in `dir` (written by `node --cpu-prof`).
 */
export async function profileSummary(dir: string, top = 12): Promise<string> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile')).sort();
  const newest = files.at(-1);
  if (!newest) return `no .cpuprofile in ${dir}`;
  const profile = JSON.parse(await readFile(join(dir, newest), 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parts = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id)?.callFrame;
    const delta = profile.timeDeltas[i] ?? 0;
    if (!frame || frame.functionName === '(idle)') return;
    total += delta;
    const part = partOf(frame.url, frame.functionName);
    parts.set(part, (parts.get(part) ?? 0) + delta);
  });
  const rows = [...parts].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [`CPU time of the reference server by part of the stack (self time, idle left out; ${join(dir, newest)}):`, ...rows.map(([part, time]) => `  ${((time / total) * 100).toFixed(1).padStart(5)}%  ${part}`)].join('\n');
}
