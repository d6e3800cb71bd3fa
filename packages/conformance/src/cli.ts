#!/usr/bin/env node
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CONTROLS_TOKEN_ENV } from '@loginspec/login-kit/controls';
import { renderApi, renderSummary } from './report.js';
import { runConformance } from './run.js';

const USAGE = `Usage: pnpm conformance --api <name>|all --base-url <url> [options]

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
  --safe            skip what locks an account or leaves state a real server
                    keeps (logins that fail on purpose, sessions left open)
  --vendor          a vendor's own server: undocumented response members and
                    this project's own error codes, unseen, are warnings
  --cases N         negative cases per API (default 200; 0 for none)
  --seed N          seed of the negative cases, to replay a failure
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
Exit status: 0 passed, 1 failed, 2 usage error.`;

function usage(message: string): never {
  console.error(`conformance: ${message}\n\n${USAGE}`);
  process.exit(2);
}

const OPTIONS = {
  api: { type: 'string' },
  'base-url': { type: 'string' },
  safe: { type: 'boolean' },
  vendor: { type: 'boolean' },
  cases: { type: 'string' },
  seed: { type: 'string' },
  demo: { type: 'string' },
  'controls-token': { type: 'string' },
  'min-coverage': { type: 'string' },
  json: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

function parse() {
  try {
    return parseArgs({ options: OPTIONS }).values;
  } catch (err) {
    return usage((err as Error).message);
  }
}
const args = parse();
if (args.help) {
  console.log(USAGE);
  process.exit(0);
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
if (args.demo !== undefined && api === 'all') usage('--demo names one API\'s credentials: use LOGINSPEC_<API>_DEMO with --api all');

/** Credentials by API, from --demo or LOGINSPEC_<API>_DEMO, as JSON objects. */
function demos(): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  const read = (name: string, text: string, from: string) => {
    try {
      found[name] = JSON.parse(text);
    } catch {
      usage(`${from} is not JSON: give the login request's fields, e.g. '{"userName":"…","password":"…"}'`);
    }
  };
  for (const [key, value] of Object.entries(process.env)) {
    const match = /^LOGINSPEC_([A-Z0-9]+)_DEMO$/.exec(key);
    if (match?.[1] && value) read(match[1].toLowerCase(), value, key);
  }
  if (args.demo !== undefined) read(api, args.demo, '--demo');
  return found;
}

const progress = args.quiet ? undefined : (line: string) => console.error(line);
const { negativeCampaign } = await import('./negative/campaign-adapter.js');
let report;
try {
  report = await runConformance({
    root: fileURLToPath(new URL('../../..', import.meta.url)),
    api,
    baseUrl,
    safe: args.safe,
    vendor: args.vendor,
    demos: demos(),
    negative: cases > 0 ? negativeCampaign({ cases, seed }) : undefined,
    controlsToken: args['controls-token'] || process.env[CONTROLS_TOKEN_ENV] || undefined,
    minCoverage,
    progress,
  });
} catch (err) {
  console.error(`conformance: ${(err as Error).message}`);
  process.exit(2);
}
for (const apiReport of report.apis) console.log(`\n${renderApi(apiReport, minCoverage)}`);
console.log(`\n${renderSummary(report)}`);
if (args.json) await writeFile(args.json, `${JSON.stringify(report, null, 2)}\n`);
process.exit(report.passed ? 0 : 1);
