import { randomUUID } from 'node:crypto';
import { type Clock, signHs256 } from '@loginspec/login-kit';

/**
 * Issues access tokens: JWTs whose header is exactly
 * `{"alg":"HS256","typ":"access"}`, signed with a key of the server that no
 * app holds, carrying `sub` (the user's `_id`), `iat`, `exp` and a random
 * `jti`, and never `iss` (so that one never passes as an app JWT).
 */
export class AccessTokens {
  constructor(
    readonly key: Uint8Array,
    readonly clock: Clock,
    readonly lifetimeSeconds: number,
  ) {}

  issue(userId: string): Promise<string> {
    return signHs256({ sub: userId, jti: randomUUID() }, this.key, { clock: this.clock, typ: 'access', lifetimeSeconds: this.lifetimeSeconds });
  }
}
