import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { accessTokenClaims, mintAppJwt } from './app-jwt.js';

describe('mintAppJwt', () => {
  it('mints the HS256 JWT an app sends, with the sample header, iss, iat and exp on the clock', async () => {
    const clock = { now: () => Date.UTC(2018, 9, 8, 4, 41, 35) };
    const jwt = await mintAppJwt({ appId: 'edr-demo-app', secret: 'a-secret-of-at-least-thirty-two-bytes', lifetimeSeconds: 60, clock });
    expect(jwt.startsWith('eyJhbGciOiJIUzI1NiIsInR5cCI6ImFjY2VzcyJ9.')).toBe(true);
    const { payload } = await jwtVerify(jwt, new TextEncoder().encode('a-secret-of-at-least-thirty-two-bytes'), { currentDate: new Date(clock.now()) });
    expect(payload).toEqual({ iss: 'edr-demo-app', iat: 1538973695, exp: 1538973755 });
  });
});

describe('accessTokenClaims', () => {
  it('reads the claims of a token without verifying it', () => {
    const token = `eyJhbGciOiJIUzI1NiIsInR5cCI6ImFjY2VzcyJ9.${Buffer.from('{"sub":"Z21Xju7ouma6XkvZ","iat":1,"exp":3601,"jti":"j"}').toString('base64url')}.sig`;
    expect(accessTokenClaims(token)).toEqual({ sub: 'Z21Xju7ouma6XkvZ', iat: 1, exp: 3601, jti: 'j' });
  });
});
