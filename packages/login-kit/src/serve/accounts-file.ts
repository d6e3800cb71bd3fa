import { open } from 'node:fs/promises';
import { checkAccounts, type SeedAccounts } from '../accounts.js';
import type { ReferenceServer } from '../reference-server.js';

/**
 * Bounds on what a start will hash: every password of the file is hashed
 * before the server listens (at OWASP's cost, 128 MiB and about a tenth of
 * a second each), so a file is for a team's test users, not a user base.
 */
export const ACCOUNTS_FILE_LIMITS = { bytes: 1024 * 1024, usersPerApi: 1000 } as const;

/** An accounts file that cannot be used; the message names the file, the API and the entry, never a value from it. */
export class AccountsFileError extends Error {
  override readonly name = 'AccountsFileError';
}

export interface AccountsFileOptions {
  /**
   * Every API the file may name (the registry's). A key that names none is
   * refused; without the list, keys of APIs not served are ignored.
   */
  apis?: readonly string[];
  /** Refuse a file with no entry for an API served (a one-API server's own file). */
  requireEach?: boolean;
}

/**
 * Reads an accounts file: a JSON object whose keys are API names (keys
 * starting with `$`, such as `$comment`, are ignored), each holding
 * `{ "keepDemo"?: boolean, "users": [ … ] }`, every entry in the format of
 * that API's server (`server.accounts`). Answers the accounts of each
 * server given, checked; nothing is hashed here. Throws
 * `AccountsFileError` listing every problem.
 *
 * @example
 * { "xelion": { "keepDemo": false, "users": [{ "tenant": "master", "userName": "ci", "password": "…" }] } }
 */
export async function readAccountsFile(path: string, servers: readonly Pick<ReferenceServer, 'name' | 'accounts'>[], { apis, requireEach = false }: AccountsFileOptions = {}): Promise<Map<string, SeedAccounts>> {
  const fail = (problems: string[], hint?: string): never => {
    const list = problems.length === 1 ? ` ${problems[0]}` : `\n${problems.map((p) => `  ${p}`).join('\n')}`;
    throw new AccountsFileError(`accounts file ${path}:${list}${hint ? `\n${hint}` : ''}`);
  };
  let text: string;
  try {
    text = await readBounded(path, ACCOUNTS_FILE_LIMITS.bytes);
  } catch (err) {
    if (err instanceof RangeError) return fail([`is larger than ${ACCOUNTS_FILE_LIMITS.bytes / 1024} KiB: an accounts file is for a team's test users`]);
    const code = (err as NodeJS.ErrnoException).code;
    return fail([`cannot be read (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : code === 'EACCES' ? 'permission denied' : (code ?? (err as Error).message)})`]);
  }
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    const { line, column } = lineAndColumn(text, jsonErrorOffset(text));
    return fail([`is not valid JSON (line ${line}, column ${column})`]);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return fail(['must hold a JSON object whose keys are API names'], example(servers));
  }
  const sections = Object.entries(document as Record<string, unknown>).filter(([key]) => !key.startsWith('$'));
  const problems: string[] = [];
  if (apis) {
    for (const [key] of sections) if (!apis.includes(key)) problems.push(`"${key}" names no API (the APIs are ${apis.join(', ')})`);
  }
  const found = new Map<string, SeedAccounts>();
  const hints = new Set<string>();
  for (const server of servers) {
    const section = (document as Record<string, unknown>)[server.name];
    if (section === undefined) {
      if (requireEach) problems.push(`has no "${server.name}" entry (the accounts of this server)`);
      continue;
    }
    const seed = readSection(section);
    if (typeof seed === 'string') {
      problems.push(`${server.name}: ${seed}`);
      continue;
    }
    if (!server.accounts) {
      problems.push(`${server.name}: this server takes no accounts`);
      continue;
    }
    const checked = checkAccounts(server.accounts, seed);
    for (const entry of checked.problems) {
      problems.push(`${server.name}.users[${entry.index}]${entry.key ? ` (${entry.key})` : ''}: ${entry.problems.join('; ')}`);
      hints.add(`a ${server.name} entry: ${server.accounts.fields}`);
    }
    found.set(server.name, seed);
  }
  if (problems.length > 0) fail(problems, [...hints].join('\n') || undefined);
  return found;
}

function readSection(section: unknown): SeedAccounts | string {
  if (typeof section !== 'object' || section === null || Array.isArray(section)) return 'must be an object: { "keepDemo"?: true|false, "users": [ … ] }';
  const { users, keepDemo, ...others } = section as Record<string, unknown>;
  const unknown = Object.keys(others);
  if (unknown.length > 0) return `${unknown.map((k) => `"${k}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not known here (only "keepDemo" and "users")`;
  if (!Array.isArray(users)) return '"users" must be a list of accounts';
  if (users.length > ACCOUNTS_FILE_LIMITS.usersPerApi) return `"users" lists ${users.length} accounts; at most ${ACCOUNTS_FILE_LIMITS.usersPerApi} (each is hashed at start)`;
  if (keepDemo !== undefined && typeof keepDemo !== 'boolean') return '"keepDemo" must be true or false';
  return keepDemo === undefined ? { users } : { users, keepDemo };
}

/** A file's text, refused with a RangeError past `limit` bytes: read up to one byte more, whatever its size claims (a pipe claims none). */
async function readBounded(path: string, limit: number): Promise<string> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length <= limit; length += read) read = (await file.read(buffer, length, limit + 1 - length, null)).bytesRead;
    if (length > limit) throw new RangeError('too large');
    return buffer.toString('utf8', 0, length);
  } finally {
    await file.close();
  }
}

function example(servers: readonly Pick<ReferenceServer, 'name' | 'accounts'>[]): string | undefined {
  const server = servers.find((s) => s.accounts);
  return server?.accounts && `e.g. ${JSON.stringify({ [server.name]: { keepDemo: true, users: [server.accounts.example] } })}`;
}

/**
 * Where JSON text first goes wrong, without quoting it (an engine's message
 * may quote the text, and the text holds passwords): the longest prefix
 * that is still a valid beginning ends there.
 */
function jsonErrorOffset(text: string): number {
  const validStart = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return true;
    } catch (err) {
      const message = (err as Error).message;
      const at = /at position (\d+)/.exec(message);
      return message.startsWith('Unexpected end of JSON input') || (at !== null && Number(at[1]) >= length);
    }
  };
  let [low, high] = [0, text.length];
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (validStart(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
