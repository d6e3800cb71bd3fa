/**
 * Accounts a team seeds into a reference server (from an accounts file, or
 * a library caller's own list), beside or instead of its demo accounts.
 * Each server says what one of its entries holds (its `AccountFormat`);
 * entries are checked before any is hashed, and a problem never quotes a
 * value: a password is not a message.
 *
 * @module
 */
import { type AnyDescription, type BodyReading, DEFAULT_MAX_BODY_BYTES } from '@loginspec/openapi-runtime';

export type AccountParse<T> = { ok: true; account: T } | { ok: false; problems: string[] };

/** What one account of a server holds, and how it is read and checked. */
export interface AccountFormat<T = unknown> {
  /** One entry's fields, as `--help`, the READMEs and error messages show them. */
  fields: string;
  /** An entry as a file holds it. */
  example: Record<string, unknown>;
  /** The entry, or what is wrong with it: each problem names its field, never its value. */
  parse(entry: unknown): AccountParse<T>;
  /** What names the holder, for duplicates and the banner (`master/alice`); never a secret. */
  key(account: T): string;
  /** The server's demo accounts, in this format. */
  demo(): T[];
}

/** Accounts to seed into one server. */
export interface SeedAccounts {
  /** Entries in the server's account format (`server.accounts`). */
  users: readonly unknown[];
  /** Seed the demo accounts too: true unless false. */
  keepDemo?: boolean;
}

/** One entry that cannot be seeded: its place in the list, its key when it has one, and what is wrong. */
export interface AccountProblem {
  index: number;
  key?: string;
  problems: string[];
}

/** Thrown by `accountsToSeed` for entries that cannot be seeded; `entries` says which and why. */
export class AccountsError extends Error {
  override readonly name = 'AccountsError';

  constructor(readonly entries: AccountProblem[]) {
    super(entries.map((e) => `users[${e.index}]${e.key ? ` (${e.key})` : ''}: ${e.problems.join('; ')}`).join('\n'));
  }
}

/**
 * Checks entries against a format: each entry's own problems, and entries
 * that name a holder twice (among themselves, or a demo account kept beside
 * them). Answers the accounts when there is no problem.
 */
export function checkAccounts<T>(format: AccountFormat<T>, { users, keepDemo = true }: SeedAccounts): { accounts: T[]; problems: AccountProblem[] } {
  const problems: AccountProblem[] = [];
  const accounts: T[] = [];
  const seen = new Map<string, string>(keepDemo ? format.demo().map((a) => [format.key(a), 'a demo account (set "keepDemo": false to seed yours instead)']) : []);
  users.forEach((entry, index) => {
    const parsed = format.parse(entry);
    if (!parsed.ok) {
      problems.push({ index, problems: parsed.problems });
      return;
    }
    const key = format.key(parsed.account);
    const before = seen.get(key);
    if (before !== undefined) problems.push({ index, key, problems: [`names the same holder as ${before}`] });
    else seen.set(key, `users[${index}]`);
    accounts.push(parsed.account);
  });
  return { accounts, problems };
}

/** The accounts a server seeds: its demo accounts unless dropped, then the given ones. Throws `AccountsError` for an entry that cannot be seeded. */
export function accountsToSeed<T>(format: AccountFormat<T>, seed?: SeedAccounts): T[] {
  if (!seed) return format.demo();
  const { accounts, problems } = checkAccounts(format, seed);
  if (problems.length > 0) throw new AccountsError(problems);
  return [...(seed.keepDemo === false ? [] : format.demo()), ...accounts];
}

// ------------------------------------------------------------ reading entries

type FieldKind = 'string' | 'boolean' | 'object' | 'array';
type FieldSpec = `${FieldKind}` | `${FieldKind}?`;

const KIND_OF = (value: unknown): FieldKind | 'other' =>
  typeof value === 'string' ? 'string' : typeof value === 'boolean' ? 'boolean' : Array.isArray(value) ? 'array' : typeof value === 'object' && value !== null ? 'object' : 'other';
// C0 and C1 controls, DEL included.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const ARTICLE: Record<FieldKind, string> = { string: 'a non-empty string', boolean: 'true or false', object: 'an object', array: 'a list' };

/**
 * Reads an entry's fields by kind (`'string'`, `'boolean?'`: optional):
 * answers the values, or the problems (a missing or mistyped field, a
 * field the format does not know). Strings must not be empty, nor hold
 * control characters: names are printed in the banner and the logs, where an
 * escape sequence or a line break would forge what a reader sees.
 */
export function readFields<T extends Record<string, unknown>>(entry: unknown, fields: Record<keyof T & string, FieldSpec>): AccountParse<T> {
  if (KIND_OF(entry) !== 'object') return { ok: false, problems: ['must be an object'] };
  const record = entry as Record<string, unknown>;
  const problems: string[] = [];
  for (const name of Object.keys(record)) if (!(name in fields)) problems.push(`"${name}" is not a field of this API's accounts`);
  for (const [name, spec] of Object.entries(fields) as [string, FieldSpec][]) {
    const optional = spec.endsWith('?');
    const kind = spec.replace('?', '') as FieldKind;
    const value = record[name];
    if (value === undefined) {
      if (!optional) problems.push(`${name} is required (${ARTICLE[kind]})`);
    } else if (KIND_OF(value) !== kind || value === '') problems.push(`${name} must be ${ARTICLE[kind]}`);
    else if (kind === 'string' && CONTROL.test(value as string)) problems.push(`${name} must not contain control characters`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, account: record as T };
}

// ------------------------------------------------------------ checks by the description

const NO_PARAMETERS = { query: () => undefined, header: () => undefined, cookie: () => undefined };

/**
 * The problems of a login request as a seeded account would send it: its
 * path parameters and its body, by the operation's own plan. `field` names
 * an issue after the entry's field (a body member's JSON pointer, or
 * `path:<name>`); problems quote no value.
 */
export function requestProblems(
  description: AnyDescription,
  operationId: string,
  { path = {}, body }: { path?: Record<string, string>; body: unknown },
  field: (where: string) => string = (where) => where.replace(/^\//, '').replace(/^path:/, ''),
): string[] {
  const plan = description.plan(operationId);
  const problems: string[] = [];
  const parameters = plan.parameters?.read({ path: (name) => path[name], ...NO_PARAMETERS });
  if (parameters && !parameters.ok) {
    for (const issue of parameters.problem.issues ?? []) problems.push(`${field(`path:${issue.path.split('/')[1] ?? ''}`)} ${issue.reason}`);
  }
  const reader = plan.requestBody?.bodies.values().next().value;
  if (reader) {
    const written = reader.write(body);
    // An entry whose login would be refused as too large (413) could never log in.
    if (Buffer.byteLength(written) > DEFAULT_MAX_BODY_BYTES) problems.push(`its login request would be over ${DEFAULT_MAX_BODY_BYTES / 1024} KiB, which the server refuses`);
    else problems.push(...readingProblems(reader.read(written), field));
  }
  return problems;
}

/** The problems of the JSON answer an account's login would give (`status`, 200 by default), by the operation's plan; `field` as for `requestProblems`. */
export function answerProblems(description: AnyDescription, operationId: string, body: unknown, field: (pointer: string) => string, status = 200): string[] {
  const reader = description.plan(operationId).response(status)?.bodies.get('application/json');
  if (!reader) throw new Error(`${description.title}: ${operationId} documents no JSON ${status}`);
  return readingProblems(reader.read(reader.write(body)), field);
}

function readingProblems(reading: BodyReading, field: (pointer: string) => string): string[] {
  if (reading.ok) return [];
  if ('malformed' in reading) return [`cannot be written as a request (${reading.reason})`];
  return reading.issues.map((issue) => `${field(issue.path)} ${issue.keyword === 'required' ? 'is required' : issue.reason}`);
}
