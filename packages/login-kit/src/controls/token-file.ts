/**
 * The secret of the test controls, and the file through which a gateway
 * hands it to the tests of the same user on the same machine: in a
 * directory only that user can open, readable by that user alone, named by
 * the port the gateway listens on, removed when the gateway stops.
 *
 * - `$XDG_RUNTIME_DIR/loginspec/test-controls-<port>.json` when
 *   `XDG_RUNTIME_DIR` is set (an absolute path),
 * - else `<os.tmpdir()>/loginspec-<uid>/test-controls-<port>.json`,
 *
 * holding `{ "origin": "http://127.0.0.1:4010", "token": "…" }`.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** The variable that gives a gateway its token, and the conformance suite the token of the gateway it is pointed at. */
export const CONTROLS_TOKEN_ENV = 'LOGINSPEC_TEST_CONTROLS_TOKEN';

/** The header that carries the token on an API request, so that a gateway under test controls believes its X-Forwarded-For. */
export const CONTROLS_TOKEN_HEADER = 'x-test-controls-token';

/** A bearer token (RFC 6750's characters), long enough not to be guessed. */
const TOKEN_FORM = /^[A-Za-z0-9\-._~+/]{32,512}=*$/;

type Env = Readonly<Record<string, string | undefined>>;

/** A new token: 32 bytes of the CSPRNG, base64url (43 characters). */
export function newControlsToken(): string {
  return randomBytes(32).toString('base64url');
}

/** `token`, when it can be one: 32 to 512 characters of a bearer token (letters, digits, `-._~+/`, `=` at the end); throws otherwise, without quoting it. */
export function checkControlsToken(token: string): string {
  if (!TOKEN_FORM.test(token)) throw new Error('a test-controls token is 32 to 512 characters of A-Z a-z 0-9 - . _ ~ + / (then = at the end only)');
  return token;
}

/** The headers that make a gateway under test controls take a request as coming from `address`: X-Forwarded-For, and the token without which it is not believed. */
export function forwardedFrom(address: string, token: string | undefined): Record<string, string> {
  return token === undefined ? { 'x-forwarded-for': address } : { 'x-forwarded-for': address, [CONTROLS_TOKEN_HEADER]: token };
}

/** The user's own directory of token files. */
function tokenDir(env: Env): string {
  const runtime = env.XDG_RUNTIME_DIR;
  if (runtime && isAbsolute(runtime)) return join(runtime, 'loginspec');
  return join(tmpdir(), `loginspec-${process.getuid?.() ?? userInfo().username}`);
}

/** The file of the gateway serving `origin` (by its port), whether or not it is there. */
export function controlsTokenFile(origin: string, env: Env = process.env): string {
  const url = new URL(origin);
  return join(tokenDir(env), `test-controls-${url.port || (url.protocol === 'https:' ? '443' : '80')}.json`);
}

/** Whether `path` is what `kind` says, this user's, and closed to everyone else (where the system has owners and modes). */
function isPrivate(path: string, kind: 'file' | 'directory'): boolean {
  const stat = lstatSync(path);
  const uid = process.getuid?.();
  const isKind = kind === 'file' ? stat.isFile() : stat.isDirectory();
  return isKind && (uid === undefined || (stat.uid === uid && (stat.mode & 0o077) === 0));
}

/**
 * Writes the file of the gateway serving `origin`: its origin and `token`,
 * mode 0600, in the user's directory (made 0700 when missing; refused when
 * it is a link, another user's, or open to others). Answers the path and
 * how to remove the file, which removes it only while it holds this token
 * (a gateway started later on the same port may have replaced it).
 */
export function writeControlsToken(origin: string, token: string, env: Env = process.env): { path: string; remove(): void } {
  const path = controlsTokenFile(origin, env);
  const dir = tokenDir(env);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!isPrivate(dir, 'directory')) throw new Error(`${dir} is not a directory of yours that only you can open: remove it, or set XDG_RUNTIME_DIR`);
  // Written whole under another name, then renamed: a reader never sees half a file, nor one open to others.
  const partial = `${path}.${process.pid}.partial`;
  rmSync(partial, { force: true });
  writeFileSync(partial, `${JSON.stringify({ origin: new URL(origin).origin, token })}\n`, { mode: 0o600, flag: 'wx' });
  renameSync(partial, path);
  return {
    path,
    remove() {
      if (readControlsFile(path)?.token === token) rmSync(path, { force: true });
    },
  };
}

/** What a token file holds, when it is there, a file of this user's that no one else can read, and reads. */
function readControlsFile(path: string): { origin?: unknown; token?: unknown } | undefined {
  try {
    return isPrivate(path, 'file') ? (JSON.parse(readFileSync(path, 'utf8')) as { origin?: unknown; token?: unknown }) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The token of the gateway serving `origin` on this machine, from its file:
 * only when the file is this user's, closed to others, and names that very
 * origin (so that a token never goes to a server other than the one that
 * wrote it). Undefined otherwise.
 */
export function readControlsToken(origin: string, env: Env = process.env): string | undefined {
  const found = readControlsFile(controlsTokenFile(origin, env));
  return found?.origin === new URL(origin).origin && typeof found.token === 'string' ? found.token : undefined;
}
