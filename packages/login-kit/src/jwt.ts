/**
 * HS256 JSON Web Tokens signed and verified with jose, on the injected
 * clock (Hono's `hono/jwt` fixes `typ` and reads the real clock).
 *
 * @module
 */
import { decodeJwt, decodeProtectedHeader, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { Clock } from './clock.js';

const encoder = new TextEncoder();
const keyOf = (secret: string | Uint8Array): Uint8Array => (typeof secret === 'string' ? encoder.encode(secret) : secret);

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
    .sign(keyOf(secret));
}

/** Header members that point at keys elsewhere or demand extensions: no token of ours carries them. */
const REFUSED_HEADERS = ['jku', 'jwk', 'x5u', 'x5c', 'crit'];

export interface VerifyOptions {
  clock: Clock;
  /** How far a clock may be off, in seconds: an `exp` this far past still passes. */
  skewSeconds: number;
  /** Longer tokens are refused before anything is decoded. */
  maxLength: number;
  /** Claims the token must carry, beyond `exp` (always required). */
  requiredClaims: readonly string[];
  /** Claims the token must not carry: what tells one kind of token from another. */
  refusedClaims?: readonly string[];
  /** The secret for a token's (not yet verified) claims, or undefined when none is known: the token is refused. */
  secretFor(claims: JWTPayload): string | Uint8Array | undefined | Promise<string | Uint8Array | undefined>;
}

/**
 * The claims of an HS256 token that verifies, or undefined: every failure
 * (too long, malformed, another algorithm or `none`, a key pointer or
 * `crit` in the header, an unknown signer, a wrong signature, a missing or
 * refused claim, expired) answers the same, so that callers answer it alike.
 */
export async function verifyHs256(token: string, options: VerifyOptions): Promise<JWTPayload | undefined> {
  if (token.length > options.maxLength) return undefined;
  try {
    const header = decodeProtectedHeader(token);
    if (header.alg !== 'HS256' || REFUSED_HEADERS.some((name) => name in header)) return undefined;
    const unverified = decodeJwt(token);
    if (options.refusedClaims?.some((claim) => claim in unverified)) return undefined;
    const secret = await options.secretFor(unverified);
    if (secret === undefined) return undefined;
    const { payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: ['HS256'],
      currentDate: new Date(options.clock.now()),
      clockTolerance: options.skewSeconds,
      requiredClaims: ['exp', ...options.requiredClaims],
    });
    return payload;
  } catch {
    return undefined;
  }
}
