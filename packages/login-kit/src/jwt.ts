/**
 * HS256 JSON Web Tokens signed and verified with jose, on the injected
 * clock (Hono's `hono/jwt` fixes `typ` and reads the real clock).
 *
 * @module
 */
import { decodeJwt, decodeProtectedHeader, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { Clock } from './clock.js';
import { hmacKeyOf } from './hmac-keys.js';

export interface SignOptions {
  clock: Clock;
  /** The header's `typ`; the header is exactly `{"alg":"HS256","typ":…}`, in that order. */
  typ: string;
  lifetimeSeconds: number;
}

/** A token signed with `secret`, issued now and expiring `lifetimeSeconds` later on `clock`. */
export async function signHs256(claims: JWTPayload, secret: string | Uint8Array, { clock, typ, lifetimeSeconds }: SignOptions): Promise<string> {
  const issuedAt = Math.floor(clock.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ })
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + lifetimeSeconds)
    .sign(await hmacKeyOf(secret));
}

/** Header members that point at keys elsewhere or demand extensions: no token of ours carries them. */
const REFUSED_HEADERS = ['jku', 'jwk', 'x5u', 'x5c', 'crit'];

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Whether `token` is three non-empty segments of unpadded base64url, each
 * the one encoding of its bytes. jose decodes leniently (on Node 20 with
 * `atob`, which takes padding and whitespace and ignores the unused low
 * bits of a last character), so without this one signed token could be
 * sent in several spellings, each passing as that token.
 */
function isCanonicalCompact(token: string): boolean {
  const segments = token.split('.');
  return segments.length === 3 && segments.every((segment) => BASE64URL.test(segment) && Buffer.from(segment, 'base64url').toString('base64url') === segment);
}

export interface VerifyOptions {
  clock: Clock;
  /** How far a clock may be off, in seconds: an `exp` this far past, or an `iat` this far ahead, still passes. */
  skewSeconds: number;
  /** Longer tokens are refused before anything is decoded. */
  maxLength: number;
  /** Claims the token must carry, beyond `exp` (always required). */
  requiredClaims: readonly string[];
  /** Claims the token must not carry: what tells one kind of token from another. */
  refusedClaims?: readonly string[];
  /**
   * The secret for a token's (not yet verified) claims, or undefined when none is known: the token is refused.
   * An error it throws (a store holding the key is down) is the server's, not the token's: it propagates.
   */
  secretFor(claims: JWTPayload): string | Uint8Array | undefined | Promise<string | Uint8Array | undefined>;
}

/**
 * The claims of an HS256 token that verifies, or undefined: every failure
 * of the token (too long, malformed or not canonical base64url, another
 * algorithm or `none`, a key pointer or `crit` in the header, an unknown
 * signer, a wrong signature, a missing or refused claim, expired, issued
 * further ahead than the skew) answers the same, so that callers answer it
 * alike. A failure to get the secret is not the token's and is thrown, so
 * that a server down is not taken for a refused token.
 */
export async function verifyHs256(token: string, options: VerifyOptions): Promise<JWTPayload | undefined> {
  const unverified = unverifiedClaims(token, options);
  if (unverified === undefined) return undefined;
  // Outside the try: reading the secret and importing it are the server's work, whose errors the caller must see.
  const secret = await options.secretFor(unverified);
  if (secret === undefined) return undefined;
  const key = await hmacKeyOf(secret);
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      currentDate: new Date(options.clock.now()),
      clockTolerance: options.skewSeconds,
      requiredClaims: ['exp', ...options.requiredClaims],
    });
    // jose judges `iat` only against a maximum age, which this function does not set: a token issued in the future is refused here.
    if (payload.iat !== undefined && payload.iat > Math.floor(options.clock.now() / 1000) + options.skewSeconds) return undefined;
    return payload;
  } catch {
    return undefined;
  }
}

/** The claims of a token whose spelling and header may be ours, not yet verified; undefined for one refused before its secret is asked for. */
function unverifiedClaims(token: string, options: VerifyOptions): JWTPayload | undefined {
  if (token.length > options.maxLength || !isCanonicalCompact(token)) return undefined;
  try {
    const header = decodeProtectedHeader(token);
    if (header.alg !== 'HS256' || REFUSED_HEADERS.some((name) => name in header)) return undefined;
    const claims = decodeJwt(token);
    return options.refusedClaims?.some((claim) => claim in claims) ? undefined : claims;
  } catch {
    return undefined;
  }
}
