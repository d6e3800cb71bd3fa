import { type Clock, verifyHs256 } from '@loginspec/login-kit';
import { documented, type RegisteredApp } from './description.js';

/**
 * The apps allowed to call the API, and the check of the JWT an app sends
 * with each login: HS256 only, in canonical base64url, signed with the
 * secret of the app its `iss` names, neither expired nor issued in the future
 * (with the documented skew), bounded in size, and not an access token (which
 * carries `sub`). Its lifetime is the app's choice. Every failure answers
 * undefined alike.
 */
export class AppJwts {
  readonly #secrets: ReadonlyMap<string, string>;

  constructor(
    apps: readonly RegisteredApp[],
    readonly clock: Clock,
  ) {
    this.#secrets = new Map(apps.map((app) => [app.iss, app.secret]));
  }

  /** The app that sent `jwt`, or undefined. */
  async verify(jwt: string): Promise<string | undefined> {
    const claims = await verifyHs256(jwt, {
      clock: this.clock,
      skewSeconds: documented.appJwt.skewSeconds,
      maxLength: documented.appJwt.maxLength,
      requiredClaims: ['iss', 'iat'],
      refusedClaims: ['sub'],
      secretFor: (unverified) => (typeof unverified.iss === 'string' ? this.#secrets.get(unverified.iss) : undefined),
    });
    return claims?.iss;
  }
}
