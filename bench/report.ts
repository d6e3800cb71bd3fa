/**
 * Writes the latest table into docs/benchmarks.md between two markers,
 * keeping the prose around it (findings, causes, how to reproduce), which
 * is written by hand.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { machine } from './machine.js';
import { root } from './servers.js';

const START = '<!-- bench:table:start -->';
const END = '<!-- bench:table:end -->';

export async function writeReport({ table, host, command, minutes, cpuNote }: { table: string; host: ReturnType<typeof machine>; command: string; minutes: number; cpuNote: string }): Promise<string> {
  const file = join(root, 'docs/benchmarks.md');
  const text = await readFile(file, 'utf8').catch(() => `# Benchmarks\n\n${START}\n${END}\n`);
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${file}: the markers ${START} and ${END} are missing`);
  const block = [
    START,
    '',
    `Latest run: \`${command}\`, ${minutes.toFixed(1)} minutes, on ${host.cpu} (${host.cores} cores, ${host.memoryGiB} GiB), Node ${host.node}, ${host.date}; ${cpuNote}.`,
    '',
    table,
    '',
    END,
  ].join('\n');
  await writeFile(file, text.slice(0, from) + block + text.slice(to + END.length));
  return file;
}
