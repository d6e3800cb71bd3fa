/**
 * Errors that are safe to log: ioredis attaches a failed command's
 * arguments to its errors (a session's JSON, or the password of AUTH), so
 * a store never passes one on; it throws its own, with the message only,
 * the password taken out of it, and the URL shown without its password.
 *
 * @module
 */
import { maskUrlPassword } from '@loginspec/login-kit/url-secrets';

/** A store call, or the connection, failed: Redis is down, too slow, or answered an error. */
export class RedisStoreError extends Error {
  override readonly name = 'RedisStoreError';
}

/** `url` as it may be shown: its password replaced by `***` (or a placeholder when it is no URL at all). */
export const redactUrl = (url: string): string => maskUrlPassword(url, '(an invalid Redis URL)');

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
