import { cpus, totalmem } from 'node:os';

/** The machine a run was made on, as the report states it. */
export function machine(): { cpu: string; cores: number; node: string; memoryGiB: number; date: string; line: string } {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const cores = cpus().length;
  const memoryGiB = Math.round(totalmem() / 2 ** 30);
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  return { cpu, cores, node: process.version, memoryGiB, date, line: `${cpu}, ${cores} cores, ${memoryGiB} GiB, Node ${process.version}, ${date}` };
}
