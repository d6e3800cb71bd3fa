import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { signHs256, verifyHs256 } from './jwt.js';

const APP_SECRET = 'an-app-secret-of-at-least-32-bytes!';
const SERVER_KEY = 'the-server-key-which-no-app-knows-';

function setup() {
  const clock = new ManualClock();
  const verify = (token: string, maxLength = 4096) =>
    verifyHs256(token, {
      clock,
      skewSeconds: 60,
      maxLength,
      requiredClaims: ['iss', 'iat'],
      refusedClaims: ['sub'],
      secretFor: (claims) => (claims.iss === 'demo-app' ? APP_SECRET : undefined),
    });
  const app = (claims = {}, secret = APP_SECRET, lifetimeSeconds = 300) => signHs256({ iss: 'demo-app', ...claims }, secret, { clock, typ: 'access', lifetimeSeconds });
  return { clock, verify, app };
}

const encodeHeader = (header: object) => Buffer.from(JSON.stringify(header)).toString('base64url');

describe('signHs256', () => {
  it('writes the header as exactly {"alg":"HS256","typ":…} and dates the claims on the clock', async () => {
    const clock = new ManualClock(Date.UTC(2018, 9, 8, 4, 41, 35));
    const token = await signHs256({ sub: 'u' }, SERVER_KEY, { clock, typ: 'access', lifetimeSeconds: 3600 });
    const [header, payload] = token.split('.');
    expect(Buffer.from(header as string, 'base64url').toString()).toBe('{"alg":"HS256","typ":"access"}');
    expect(token.startsWith('eyJhbGciOiJIUzI1NiIsInR5cCI6ImFjY2VzcyJ9.')).toBe(true);
    expect(JSON.parse(Buffer.from(payload as string, 'base64url').toString())).toEqual({ sub: 'u', iat: 1538973695, exp: 1538977295 });
  });
});

describe('verifyHs256', () => {
  it('answers the claims of a token signed by the key its issuer has', async () => {
    const { verify, app } = setup();
    expect(await verify(await app())).toMatchObject({ iss: 'demo-app' });
  });

  it('lets an expired token through only within the skew, on the injected clock', async () => {
    const { clock, verify, app } = setup();
    const token = await app({}, APP_SECRET, 10);
    clock.advance(69_000);
    expect(await verify(token)).toBeDefined();
    clock.advance(1_000);
    expect(await verify(token)).toBeUndefined();
  });

  it.each([
    ['signed with another key', async ({ app }: ReturnType<typeof setup>) => app({}, SERVER_KEY)],
    ['from an unknown issuer', async ({ clock }: ReturnType<typeof setup>) => signHs256({ iss: 'other-app' }, APP_SECRET, { clock, typ: 'JWT', lifetimeSeconds: 60 })],
    ['without an issuer', async ({ clock }: ReturnType<typeof setup>) => signHs256({}, APP_SECRET, { clock, typ: 'JWT', lifetimeSeconds: 60 })],
    ['carrying a refused claim (an access token)', async ({ app }: ReturnType<typeof setup>) => app({ sub: 'rrath' })],
    ['unsigned (alg: none)', async () => new UnsecuredJWT({ iss: 'demo-app', iat: 1, exp: 9e9 }).encode()],
    ['of another algorithm (HS512)', async () => new SignJWT({ iss: 'demo-app', iat: 1, exp: 9e9 }).setProtectedHeader({ alg: 'HS512' }).sign(new TextEncoder().encode(APP_SECRET.repeat(2)))],
    ['pointing at a key elsewhere (jku)', async () => new SignJWT({ iss: 'demo-app', iat: 1, exp: 9e9 }).setProtectedHeader({ alg: 'HS256', jku: 'https://attacker.test/keys' }).sign(new TextEncoder().encode(APP_SECRET))],
    ['carrying its key (jwk)', async () => `${encodeHeader({ alg: 'HS256', jwk: { kty: 'oct', k: 'AAAA' } })}.${Buffer.from('{"iss":"demo-app","iat":1,"exp":9000000000}').toString('base64url')}.sig`],
    ['demanding an extension (crit)', async () => `${encodeHeader({ alg: 'HS256', crit: ['exp'] })}.e30.sig`],
    ['malformed', async () => 'eyJhbGciOiJIUzI1NiIsInR5cCI6ImFjY2VzcyJ9. . .'],
    ['empty', async () => ''],
  ])('refuses a token %s', async (_, make) => {
    const context = setup();
    expect(await context.verify(await make(context))).toBeUndefined();
  });

  it('refuses a token longer than its bound before decoding it', async () => {
    const { verify, app } = setup();
    const token = await app({ pad: 'x'.repeat(5000) });
    expect(await verify(token, 10_000)).toBeDefined();
    expect(await verify(token, 4096)).toBeUndefined();
  });
});
