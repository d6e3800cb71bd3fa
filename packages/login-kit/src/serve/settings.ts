import { parseArgs } from 'node:util';
import type { AttemptLimitSettings } from '../login-limits.js';
import type { ScryptParams } from '../password.js';
import { parseAttemptLimits } from './attempt-limits.js';
import { parseOrigins } from './cors.js';
import { HASH_COST_PRESETS, parseHashCost } from './hash-cost.js';
import { DEFAULT_MAX_CONNECTIONS_PER_ADDRESS } from './listen.js';
import { defaultLogFormat, LOG_FORMATS, type LogFormat } from './log.js';
import { parseRedisUrl } from './shared-stores.js';
import { clientAddress } from '@loginspec/openapi-runtime/node';

/** A flag, and the environment variable that sets it when the flag is not given. */
export interface OptionSpec {
  /** The flag without its dashes: `hash-cost`. */
  name: string;
  /** Read when the flag is absent. A list's variable holds its values separated by commas. */
  env?: string;
  /** What its value is, in the usage (`N`, `FILE`); none for a switch. */
  value?: string;
  /** Given any number of times, each time one value or several separated by commas. */
  multiple?: boolean;
  /** A switch that `--no-<name>` turns off. */
  negatable?: boolean;
  /** Its line(s) in the usage. */
  help: string;
}

/** A flag or its variable that cannot be read: the command prints it (`usageErrorText`) and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** What a command prints for a usage error: the error, and where to find the options (the whole usage would bury the one line that matters). */
export function usageErrorText(bin: string, message: string): string {
  return `${bin}: ${message}\nRun with --help for the options.`;
}

/** The settings every reference-server command takes (`pnpm start`, and each server package's own command). */
export const SERVE_OPTIONS: readonly OptionSpec[] = [
  { name: 'port', env: 'PORT', value: 'N', help: 'port to listen on (default 4010; 0 takes any free port)' },
  { name: 'host', env: 'HOST', value: 'ADDR', help: 'address to bind (default 127.0.0.1; 0.0.0.0 for every interface)' },
  {
    name: 'hash-cost',
    env: 'LOGINSPEC_HASH_COST',
    value: 'COST',
    help: `scrypt cost of the password hashes: ${Object.keys(HASH_COST_PRESETS).join(' or ')} (presets), or N=…,r=…,p=…\n(default owasp: N=2^17 r=8 p=1; test: N=2^10 r=8 p=1). A cost below OWASP's\nminimum prints a warning on stderr`,
  },
  {
    name: 'accounts',
    env: 'LOGINSPEC_ACCOUNTS',
    value: 'FILE',
    help: 'JSON file of accounts to seed, per API, beside or instead of the demo ones:\n{ "<api>": { "keepDemo"?: true|false, "users": [ … ] } } (see each server\'s README);\nchecked at start, passwords hashed then, never printed',
  },
  {
    name: 'attempt-limit',
    env: 'LOGINSPEC_ATTEMPT_LIMIT',
    value: 'FIELD=N',
    multiple: true,
    help: "numbers replacing those of the descriptions' x-attempt-limit, for every API:\nperAccountAndAddress, perAccount (at most 100), perAddress, windowSeconds,\nknownAddressSeconds; e.g. perAddress=1000,windowSeconds=60. SIGHUP empties every\nattempt count",
  },
  {
    name: 'trusted-proxy',
    env: 'LOGINSPEC_TRUSTED_PROXIES',
    value: 'CIDR',
    multiple: true,
    help: 'proxies whose X-Forwarded-For names the client (addresses or CIDR ranges,\ne.g. 10.0.0.0/8); none by default: the client is the socket peer',
  },
  {
    name: 'max-connections-per-address',
    env: 'LOGINSPEC_MAX_CONNECTIONS_PER_ADDRESS',
    value: 'N',
    help: `connections one client address may hold open at once, past which they are closed\nas they arrive (default ${DEFAULT_MAX_CONNECTIONS_PER_ADDRESS}; an IPv6 address counts by its /64). Behind a reverse\nproxy every client has the proxy's address: raise it there, up to 1,000, the cap\non all connections`,
  },
  {
    name: 'cors-origin',
    env: 'LOGINSPEC_CORS_ORIGINS',
    value: 'ORIGIN',
    multiple: true,
    help: 'exact origins a browser page may call the APIs from (e.g. http://localhost:5173);\nnone by default: no CORS headers',
  },
  {
    name: 'redis-url',
    env: 'REDIS_URL',
    value: 'URL',
    help: "keep the servers' state (sessions, tokens, codes, attempt counts) in Redis,\nredis://[:password@]host[:port][/db], shared by every instance given the same URL\n(see docs/scaling.md); in memory by default. Its password is never printed",
  },
  { name: 'log-format', env: 'LOGINSPEC_LOG_FORMAT', value: 'FORMAT', help: 'json or text (default: json when stdout is not a terminal, else text)' },
  { name: 'quiet', env: 'LOGINSPEC_QUIET', help: 'no request lines' },
];

export const HELP_OPTION: OptionSpec = { name: 'help', help: 'show this text' };

export type OptionValues = Record<string, string | string[] | boolean | undefined>;

export interface ReadOptions {
  values: OptionValues;
  /** Where each value came from, for messages: `--port` or `PORT`. */
  source: Record<string, string>;
}

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];
const split = (text: string) =>
  text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** Reads the flags (a flag wins over its variable); throws `UsageError`. */
export function readOptions(specs: readonly OptionSpec[], args: readonly string[], env: Readonly<Record<string, string | undefined>>): ReadOptions {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {};
  for (const spec of specs) {
    options[spec.name] = { type: spec.value ? 'string' : 'boolean', ...(spec.multiple ? { multiple: true } : {}) };
    if (spec.negatable) options[`no-${spec.name}`] = { type: 'boolean' };
  }
  let parsed: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const values: OptionValues = {};
  const source: Record<string, string> = {};
  for (const spec of specs) {
    const flag = parsed[spec.name];
    const off = spec.negatable ? parsed[`no-${spec.name}`] : undefined;
    if (flag !== undefined && off !== undefined) throw new UsageError(`--${spec.name} and --no-${spec.name} contradict each other`);
    if (off !== undefined) {
      values[spec.name] = false;
      source[spec.name] = `--no-${spec.name}`;
      continue;
    }
    if (flag !== undefined) {
      values[spec.name] = spec.multiple ? (flag as string[]).flatMap(split) : (flag as string | boolean);
      if (typeof values[spec.name] === 'string' && values[spec.name] === '') throw new UsageError(`--${spec.name} needs a value`);
      source[spec.name] = `--${spec.name}`;
      continue;
    }
    const fromEnv = spec.env ? env[spec.env] : undefined;
    if (fromEnv === undefined || fromEnv === '') continue;
    source[spec.name] = spec.env as string;
    if (!spec.value) {
      const word = fromEnv.trim().toLowerCase();
      if (!TRUE.includes(word) && !FALSE.includes(word)) throw new UsageError(`${spec.env}=${fromEnv}: say ${TRUE.join('/')} or ${FALSE.join('/')}`);
      values[spec.name] = TRUE.includes(word);
    } else values[spec.name] = spec.multiple ? split(fromEnv) : fromEnv;
  }
  return { values, source };
}

/** The settings of a reference-server command, read and checked. */
export interface ServeSettings {
  port: number;
  host: string;
  hashCost: ScryptParams;
  /** The accounts file, as given. */
  accounts?: string;
  attemptLimits: Partial<AttemptLimitSettings>;
  trustedProxies: string[];
  /** Connections one client address may hold open at once. */
  maxConnectionsPerAddress: number;
  corsOrigins: string[];
  /** Where the state is kept when several instances share it; in memory when absent. */
  redisUrl?: string;
  logFormat: LogFormat;
  quiet: boolean;
}

/** Reads the settings of `SERVE_OPTIONS` from what `readOptions` read; throws `UsageError` naming the flag or variable. */
export function serveSettings({ values, source }: ReadOptions, { isTty }: { isTty: boolean }): ServeSettings {
  const guard = <T>(name: string, read: () => T): T => {
    try {
      return read();
    } catch (err) {
      throw new UsageError(`${source[name] ?? `--${name}`}: ${(err as Error).message}`);
    }
  };
  const text = (name: string) => values[name] as string | undefined;
  const list = (name: string) => (values[name] as string[] | undefined) ?? [];
  const port = guard('port', () => {
    const raw = text('port') ?? '4010';
    const port = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(port >= 0 && port <= 65535)) throw new Error(`not a port: ${raw}`);
    return port;
  });
  const trustedProxies = guard('trusted-proxy', () => {
    const proxies = list('trusted-proxy');
    clientAddress({ trustedProxies: proxies });
    return proxies;
  });
  const maxConnectionsPerAddress = guard('max-connections-per-address', () => {
    const raw = text('max-connections-per-address');
    if (raw === undefined) return DEFAULT_MAX_CONNECTIONS_PER_ADDRESS;
    const max = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(max >= 1 && Number.isSafeInteger(max))) throw new Error(`not a whole number of at least 1: ${raw}`);
    return max;
  });
  const logFormat = guard('log-format', () => {
    const raw = text('log-format');
    if (raw === undefined) return defaultLogFormat(isTty);
    if (!LOG_FORMATS.includes(raw as LogFormat)) throw new Error(`"${raw}" is not a log format (${LOG_FORMATS.join(' or ')})`);
    return raw as LogFormat;
  });
  return {
    port,
    host: text('host') ?? '127.0.0.1',
    hashCost: guard('hash-cost', () => parseHashCost(text('hash-cost') ?? 'owasp')),
    ...(text('accounts') === undefined ? {} : { accounts: text('accounts') }),
    attemptLimits: guard('attempt-limit', () => parseAttemptLimits(list('attempt-limit'))),
    trustedProxies,
    maxConnectionsPerAddress,
    corsOrigins: guard('cors-origin', () => parseOrigins(list('cors-origin'))),
    ...(text('redis-url') === undefined ? {} : { redisUrl: guard('redis-url', () => parseRedisUrl(text('redis-url') as string)) }),
    logFormat,
    quiet: values.quiet === true,
  };
}

/** The usage: a synopsis, what the command does, and each option with its variable. */
export function usage(synopsis: string, about: string, specs: readonly OptionSpec[]): string {
  const lines = [`Usage: ${synopsis}`, '', about, '', 'Options (each also read from the environment variable shown; a flag wins):'];
  for (const spec of specs) {
    const flag = `--${spec.name}${spec.value ? ` ${spec.value}` : ''}${spec.negatable ? `, --no-${spec.name}` : ''}`;
    const help = spec.help.split('\n');
    if (spec.multiple) help[help.length - 1] += ' (repeatable, or comma-separated)';
    if (spec.env) help.push(`env: ${spec.env}${spec.multiple ? ' (comma-separated)' : ''}`);
    lines.push(`  ${flag}`, ...help.map((line) => `      ${line}`));
  }
  return lines.join('\n');
}
