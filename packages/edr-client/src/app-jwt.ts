import { type Clock, systemClock } from '@loginspec/client-kit';
import { decodeJwt, SignJWT } from 'jose';
import type { components } from './generated/openapi.js';

export interface AppJwtOptions {
  /** The app's id, as the server's app registry knows it: the JWT's `iss`. */
  appId: string;
  /** The app's secret, shared with the server. */
  secret: string;
  /** 300 seconds by default: an app mints a fresh JWT for each login. */
  lifetimeSeconds?: number;
  clock?: Clock;
}

/**
 * The app JWT a login needs: HS256, the header the vendor's sample shows
 * (`{"alg":"HS256","typ":"access"}`), `iss` the app, `iat` now and `exp`
 * `lifetimeSeconds` later.
 *
 * @example
 * const jwt = await mintAppJwt({ appId: 'edr-demo-app', secret: 'edr-demo-app-secret-published-for-trying-only' });
 */
export function mintAppJwt({ appId, secret, lifetimeSeconds = 300, clock = systemClock }: AppJwtOptions): Promise<string> {
  const now = Math.floor(clock.now() / 1000);
  return new SignJWT({ iss: appId })
    .setProtectedHeader({ alg: 'HS256', typ: 'access' })
    .setIssuedAt(now)
    .setExpirationTime(now + lifetimeSeconds)
    .sign(new TextEncoder().encode(secret));
}

/**
 * The claims of an access token: `sub` (the user's `_id`), `iat`, `exp`
 * (when the token expires, in seconds since the Unix epoch: the login's
 * answer carries no other expiry) and `jti`. What this project's
 * `checkToken` answers for a live one.
 */
export type AccessTokenClaims = components['schemas']['AccessTokenClaims'];

/** The claims of an access token, read without verifying it (only the server can): to know when it expires. */
export function accessTokenClaims(accessToken: string): AccessTokenClaims {
  return decodeJwt(accessToken) as unknown as AccessTokenClaims;
}
