/**
 * `pnpm bench`: every section in turn, in one process tree on loopback,
 * then one table of figures, ratios and targets, printed and written to
 * docs/benchmarks.md. A missed target is a finding, printed MISSED; the
 * exit status is non-zero only when something could not be measured.
 */
import { parseArgs } from 'node:util';
import { cpuPinning } from './cpus.js';
import { login } from './login.js';
import { machine } from './machine.js';
import { memory } from './memory.js';
import { pipeline } from './pipeline.js';
import { step } from './progress.js';
import { redis } from './redis.js';
import { writeReport } from './report.js';
import { requestPath } from './request-path.js';
import type { Settings } from './settings.js';
import { type Row, renderTable } from './table.js';

const SECTIONS = { 'request-path': requestPath, login, redis, pipeline, memory } as const;
type Section = keyof typeof SECTIONS;

const USAGE = `Usage: pnpm bench [--only SECTION,…] [--quick] [--seconds N] [--rounds N] [--connections N] [--no-write]

Benchmarks the reference servers and the pipeline, each figure beside a
baseline measured in the same run, on 127.0.0.1, and prints one table
(also written to docs/benchmarks.md):

  request-path  per API, a login refused by validation and a token check,
                against a bare Hono app answering the same bytes and Prism
                mocking the same description, each loaded at once with the
                gateway on one CPU
  login         logins at OWASP hash cost against the hash-bound limit
                (hashes at once ÷ time of one hash, timed in the same run),
                and /healthz p99 meanwhile (the event loop never waits on a hash)
  redis         the gateway with --redis-url against in-memory stores,
                on paths that touch the stores without costly hashing
  pipeline      pnpm gen and tsc -b from clean outputs in a temporary copy,
                and pnpm gen again after one description changes
  memory        gateway RSS: idle, after 100,000 logins, after 100,000 tokens
                expired (the test controls' clock), and after idling

  --only LIST      sections to run, comma-separated (default: all)
  --quick          a short run: 1 round of 1 s, 10,000 logins, no cold build
  --seconds N      measured seconds per round (default 3)
  --rounds N       rounds of each comparison; medians are printed (default 3)
  --connections N  connections per server (default 20)
  --no-write       print only; leave docs/benchmarks.md as it is
  --help           show this text

Exit status: 0 when every figure was measured, met or MISSED (a missed
target is a finding, not a failure); 1 when a figure could not be measured;
2 for an option it cannot use.`;

function options() {
  try {
    const { values } = parseArgs({
      options: {
        only: { type: 'string' },
        quick: { type: 'boolean' },
        seconds: { type: 'string' },
        rounds: { type: 'string' },
        connections: { type: 'string' },
        'no-write': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    const number = (value: string | undefined, fallback: number, max: number) => {
      const n = value === undefined ? fallback : Number(value);
      if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`not a whole number from 1 to ${max}: ${value}`);
      return n;
    };
    const only = (values.only ?? Object.keys(SECTIONS).join(',')).split(',').map((s) => s.trim());
    const unknown = only.find((s) => !(s in SECTIONS));
    if (unknown !== undefined) throw new Error(`no section "${unknown}" (sections: ${Object.keys(SECTIONS).join(', ')})`);
    const quick = values.quick === true;
    return {
      only: only as Section[],
      write: values['no-write'] !== true,
      quick,
      seconds: number(values.seconds, quick ? 1 : 3, 60),
      rounds: number(values.rounds, quick ? 1 : 3, 21),
      connections: number(values.connections, 20, 500),
    };
  } catch (err) {
    console.error(`bench: ${(err as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const opts = options();
  const started = Date.now();
  const cpus = cpuPinning();
  const settings: Settings = { quick: opts.quick, seconds: opts.seconds, rounds: opts.rounds, connections: opts.connections, pinned: cpus.server, everyCpu: cpus.everyCpu, cpuNote: cpus.note };
  // The load generators run on the CPU the servers do not share (cpus.ts); sections that need every CPU start their children with settings.everyCpu.
  cpus.pinSelf();
  const rows: Row[] = [];
  const failures: string[] = [];
  for (const section of opts.only) {
    try {
      rows.push(...(await SECTIONS[section](settings)));
    } catch (err) {
      failures.push(`${section}: ${(err as Error).message}`);
      rows.push({ section, subject: '-', figure: '-', against: '-', ratio: '-', target: '-', result: `FAILED to measure: ${(err as Error).message.split('\n')[0]}` });
    }
  }
  const minutes = (Date.now() - started) / 60_000;
  const table = renderTable(rows);
  const command = `pnpm bench${process.argv.slice(2).length > 0 ? ` ${process.argv.slice(2).join(' ')}` : ''}`;
  const host = machine();
  console.log(`\n${host.line}; ${cpus.note}; ${command}; ${minutes.toFixed(1)} min\n\n${table}`);
  if (opts.write) {
    const file = await writeReport({ table, host, command, minutes, cpuNote: cpus.note });
    step(`wrote the table to ${file}`);
  }
  for (const failure of failures) console.error(`bench: could not measure ${failure}`);
  if (failures.length > 0) process.exitCode = 1;
}

await main();
