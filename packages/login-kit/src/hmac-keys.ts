/**
 * HMAC-SHA-256 `CryptoKey`s for the JWT secrets, imported once per secret.
 * Given raw bytes, jose imports them into WebCrypto on every sign and every
 * verify, and that import was most of a token check's signature cost.
 *
 * @module
 */
import type { webcrypto } from 'node:crypto';

type CryptoKey = webcrypto.CryptoKey;

const HMAC_SHA256 = { name: 'HMAC', hash: 'SHA-256' } as const;

/**
 * How many secrets are remembered: the servers hold a few (each app's
 * secret, one access-token key); past that the oldest is dropped, so that
 * secrets that change (edr's key after the test controls empty the API)
 * never pile up.
 */
const MAX_KEYS = 32;

/** Keyed by the secret's content, not its object: a caller may decode the same key afresh on each use, or change a buffer it passed before. */
const keys = new Map<string, Promise<CryptoKey>>();

// The key is the secret itself (already in this process's memory): a Map lookup
// by it reveals nothing a request controls, since the secret is the server's, chosen before the lookup.
const cacheKeyOf = (secret: string | Uint8Array): string =>
  typeof secret === 'string' ? `s${secret}` : `b${Buffer.from(secret.buffer, secret.byteOffset, secret.byteLength).toString('latin1')}`;

const encoder = new TextEncoder();

/** The non-extractable HMAC-SHA-256 key of `secret` (UTF-8 when text), for signing and verifying. */
export function hmacKeyOf(secret: string | Uint8Array): Promise<CryptoKey> {
  const cacheKey = cacheKeyOf(secret);
  let key = keys.get(cacheKey);
  if (key) return key;
  // A copy: the key is remembered by the bytes as they are now, whatever the caller later does with its buffer.
  const bytes = typeof secret === 'string' ? encoder.encode(secret) : new Uint8Array(secret);
  key = crypto.subtle.importKey('raw', bytes, HMAC_SHA256, false, ['sign', 'verify']);
  if (keys.size >= MAX_KEYS) keys.delete(keys.keys().next().value as string);
  keys.set(cacheKey, key);
  // A secret WebCrypto refuses (an empty one) is not remembered: each use meets the same refusal.
  key.catch(() => keys.get(cacheKey) === key && keys.delete(cacheKey));
  return key;
}
