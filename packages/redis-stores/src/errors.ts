/**
 * Errors that are safe to log: ioredis attaches a failed command's
 * arguments to its errors (a session's JSON, or the password of AUTH), so
 * a store never passes one on; it throws its own, with the message only,
 * the password taken out of it, and the URL shown without its password.
 *
 * @module
 */

/** A store call, or the connection, failed: Redis is down, too slow, or answered an error. */
export class RedisStoreError extends Error {
  override readonly name = 'RedisStoreError';
}

/** `url` as it may be shown: its password replaced by `***` (or a placeholder when it is no URL at all). */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(an invalid Redis URL)';
  }
  if (parsed.password) parsed.password = '***';
  return parsed.href;
}

/** The password of `url`, as written and as decoded, for `scrub`. */
export function secretsOf(url: string): string[] {
  try {
    const { password } = new URL(url);
    return password ? [...new Set([password, decodeURIComponent(password)])] : [];
  } catch {
    // An unparsable URL is never shown, so it has nothing to scrub.
    return [];
  }
}

/** `message` with every one of `secrets` replaced by `***`. */
export function scrub(message: string, secrets: readonly string[]): string {
  return secrets.reduce((m, secret) => m.split(secret).join('***'), message);
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
