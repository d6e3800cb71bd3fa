import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CONTROLS_TOKEN_ENV } from '@loginspec/login-kit/controls';
import { renderApi, renderSummary } from './report.js';
import { runConformance } from './run.js';

export const USAGE = `Usage: pnpm conformance --api <name>|all --base-url <url> [options]

Runs the conformance suite of one API, or of all five, against a server:
the description's examples replayed, the contract scenarios, and
schema-derived negative cases. Every answer must be one the description
documents, with a body that validates. Prints, per API, each failure with
the request and the answer (credentials masked), and a coverage table of
operations, statuses and error codes.

  --api NAME        enos, eos, aktion, edr, xelion, or all
  --base-url URL    one API's base URL (https://xelion.example.com); with
                    --api all, the origin serving each API under /<name>
                    (pnpm start: http://127.0.0.1:4010)
  --safe            safe to repeat against a real server: skip what locks an
                    account or leaves state it keeps (scenarios that change
                    state; negative cases that carry the demo credentials or
                    that an operation with a documented 429 would count),
                    and log out the sessions a scenario opens
  --vendor          a vendor's own server: response members the description
                    does not list, and this project's own answers
                    (x-project-codes) given otherwise or unseen, are warnings
  --cases N         negative cases per API (default 200; 0 for none)
  --seed N          seed of the negative cases, to replay a failure
  --path P          with --seed, replays only the negative case a failure
                    names (its \`replay\` line: --seed N --path P), sent
                    with the --api, --base-url and --safe of that run
  --demo JSON       credentials that log in, for one --api, in place of the
                    description's seed example; or LOGINSPEC_<API>_DEMO
  --controls-token TOKEN
                    the token of the server's test controls; else
                    ${CONTROLS_TOKEN_ENV} (which, unlike a flag,
                    ps does not show), else the file of pnpm start (below)
  --min-coverage P  fail below P percent of documented answers seen (default 0)
  --json FILE       also write the whole report as JSON
  --quiet           no progress lines
  --help            show this text

pnpm start serves test controls at /_controls (the gateway's own command
only with --test-controls), locked by a token. It writes the token, for the
origin it serves, to a file only its user can read:
$XDG_RUNTIME_DIR/loginspec/test-controls-<port>.json, or without
XDG_RUNTIME_DIR, <tmpdir>/loginspec-<uid>/test-controls-<port>.json. The
suite reads it there when the base URL has that very origin (as pnpm start
prints it: http://127.0.0.1:4010), unless --controls-token or
${CONTROLS_TOKEN_ENV} gives one. With the controls every case runs:
clock moves, MFA codes read, faults injected, several client addresses,
state reset between cases. Without them (any other server, or no token),
cases that need them are skipped, each saying why and how to give the token.
However the run ends (passed, failed or stopped), it leaves a server whose
controls it used as it found it: the clock back on the system's time, each
API it ran emptied. Ctrl-C (or SIGTERM) stops the run once the case under
way has ended, and the server is left so; a second Ctrl-C stops it at once.
Exit status: 0 passed, 1 failed, 2 usage error, 130 stopped.`;

/** The command's options, as `parseArgs` reads them; `USAGE` documents each. */
export const OPTIONS = {
  api: { type: 'string' },
  'base-url': { type: 'string' },
  safe: { type: 'boolean' },
  vendor: { type: 'boolean' },
  cases: { type: 'string' },
  seed: { type: 'string' },
  path: { type: 'string' },
  demo: { type: 'string' },
  'controls-token': { type: 'string' },
  'min-coverage': { type: 'string' },
  json: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

/** Where the command writes, and the environment it reads. */
export interface CommandIo {
  out: (text: string) => void;
  /** Progress and errors. */
  err: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  /** Stops the run (Ctrl-C): the command then exits 130. */
  signal?: AbortSignal;
}

/** A command line that cannot run: its message, printed above the usage, and exit status 2. */
class UsageError extends Error {}

function usage(message: string): never {
  throw new UsageError(message);
}

/** `pnpm conformance` with its arguments: its exit status, 0 passed, 1 failed, 2 usage error, 130 stopped. */
export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  try {
    return await command(argv, io);
  } catch (err) {
    if (io.signal?.aborted) {
      io.err('conformance: stopped before the run was done');
      return 130;
    }
    // A run that cannot start (an API not named, suites not built) is a usage error too.
    io.err(`conformance: ${(err as Error).message}${err instanceof UsageError ? `\n\n${USAGE}` : ''}`);
    return 2;
  }
}

async function command(argv: readonly string[], { out, err, env, signal }: CommandIo): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: [...argv], options: OPTIONS }).values;
  } catch (error) {
    return usage((error as Error).message);
  }
  if (args.help) {
    out(USAGE);
    return 0;
  }
  const api = args.api ?? usage('--api is required');
  const baseUrl = args['base-url'] ?? usage('--base-url is required');
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) usage(`not an http(s) URL: ${baseUrl}`);
  const integer = (name: string, value: string | undefined, fallback: number, max: number) => {
    const n = Number(value ?? fallback);
    if (!Number.isInteger(n) || n < 0 || n > max) usage(`--${name} must be a whole number from 0 to ${max}`);
    return n;
  };
  const cases = integer('cases', args.cases, 200, 100_000);
  const seed = args.seed === undefined ? undefined : integer('seed', args.seed, 0, 2 ** 31 - 1);
  const minCoverage = integer('min-coverage', args['min-coverage'], 0, 100);
  if (args.demo !== undefined && api === 'all') usage("--demo names one API's credentials: use LOGINSPEC_<API>_DEMO with --api all");
  if (args.path !== undefined && (seed === undefined || !/^\d+(:\d+)*$/.test(args.path))) usage('--path replays one case of a seed: give the --seed N --path P of its replay line');

  /** Credentials by API, from --demo or LOGINSPEC_<API>_DEMO, as JSON objects. */
  const demos: Record<string, unknown> = {};
  const read = (name: string, text: string, from: string) => {
    try {
      demos[name] = JSON.parse(text);
    } catch {
      usage(`${from} is not JSON: give the login request's fields, e.g. '{"userName":"…","password":"…"}'`);
    }
  };
  for (const [key, value] of Object.entries(env)) {
    const match = /^LOGINSPEC_([A-Z0-9]+)_DEMO$/.exec(key);
    if (match?.[1] && value) read(match[1].toLowerCase(), value, key);
  }
  if (args.demo !== undefined) read(api, args.demo, '--demo');

  const { negativeCampaign } = await import('./negative/campaign-adapter.js');
  const report = await runConformance({
    root: fileURLToPath(new URL('../../..', import.meta.url)),
    api,
    baseUrl,
    safe: args.safe,
    vendor: args.vendor,
    demos,
    negative: cases > 0 || args.path !== undefined ? negativeCampaign({ cases, seed, path: args.path }) : undefined,
    controlsToken: args['controls-token'] || env[CONTROLS_TOKEN_ENV] || undefined,
    minCoverage,
    progress: args.quiet ? undefined : err,
    signal,
  });
  for (const apiReport of report.apis) out(`\n${renderApi(apiReport, minCoverage)}`);
  out(`\n${renderSummary(report)}`);
  if (args.json) await writeFile(args.json, `${JSON.stringify(report, null, 2)}\n`);
  return report.passed ? 0 : 1;
}
