import { randomUUID } from 'node:crypto';
import type { AccessTokenClaims } from '@loginspec/edr-client';
import { type Clock, signHs256, verifyHs256 } from '@loginspec/login-kit';

/** Longer tokens are refused before anything is decoded: the server's own are about 200 characters. */
const MAX_LENGTH = 1024;

/**
 * Issues and checks access tokens: JWTs whose header is exactly
 * `{"alg":"HS256","typ":"access"}`, signed with a key of the server that no
 * app holds, carrying `sub` (the user's `_id`), `iat`, `exp` and a random
 * `jti`, and never `iss` (so that one never passes as an app JWT, nor an app
 * JWT, which carries `iss`, as one of these).
 */
export class AccessTokens {
  readonly #key: () => Promise<Uint8Array>;

  /** `key`: the signing key, or where to read it on each use (`sharedTokenKey`: one key for every instance sharing the stores). */
  constructor(
    key: Uint8Array | (() => Promise<Uint8Array>),
    readonly clock: Clock,
    readonly lifetimeSeconds: number,
  ) {
    this.#key = typeof key === 'function' ? key : async () => key;
  }

  async issue(userId: string): Promise<string> {
    return signHs256({ sub: userId, jti: randomUUID() }, await this.#key(), { clock: this.clock, typ: 'access', lifetimeSeconds: this.lifetimeSeconds });
  }

  /**
   * The claims of a live access token of this server, or undefined: signed
   * with its key, before its `exp` on its clock (no skew: the server issued
   * it on this clock), with `sub`, `iat` and `jti` and without `iss`.
   * Throws when the key cannot be read (its store down): the server's
   * failure, which the token check answers 500, not a refused token.
   */
  async verify(token: string): Promise<AccessTokenClaims | undefined> {
    const claims = await verifyHs256(token, {
      clock: this.clock,
      skewSeconds: 0,
      maxLength: MAX_LENGTH,
      requiredClaims: ['sub', 'iat', 'jti'],
      refusedClaims: ['iss'],
      secretFor: () => this.#key(),
    });
    if (!claims || typeof claims.sub !== 'string' || typeof claims.jti !== 'string' || typeof claims.iat !== 'number' || typeof claims.exp !== 'number') return undefined;
    return { sub: claims.sub, iat: claims.iat, exp: claims.exp, jti: claims.jti };
  }
}
