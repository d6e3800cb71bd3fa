import { createHmac } from 'node:crypto';
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
/** A demo-app token with `header` as its protected header, truly signed with the app's secret: only the header can be refused. */
function signedWithHeader(header: object): string {
  const signed = `${encodeHeader(header)}.${Buffer.from(JSON.stringify({ iss: 'demo-app', iat: 1, exp: 9e9 })).toString('base64url')}`;
  return `${signed}.${createHmac('sha256', APP_SECRET).update(signed).digest('base64url')}`;
}
const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** `token` with its signature's last character changed in the low bits that encode no byte: the same bytes, spelled otherwise. */
function withLowBitsAltered(token: string): string {
  const last = token.at(-1) as string;
  return `${token.slice(0, -1)}${BASE64URL_ALPHABET[BASE64URL_ALPHABET.indexOf(last) ^ 1]}`;
}
/** A token of the demo app in base64 with '+' and '/' (not base64url), signed over that very text: only the spelling is wrong. */
function inPlainBase64(now: number): string {
  const base64 = (data: string | Buffer) => Buffer.from(data).toString('base64').replace(/=+$/, '');
  // '???' and '>>>' encode as 'Pz8/' and 'Pj4+', whatever their place.
  const signed = `${base64('{"alg":"HS256"}')}.${base64(JSON.stringify({ iss: 'demo-app', iat: now, exp: now + 300, note: '??????>>>>>>' }))}`;
  return `${signed}.${base64(createHmac('sha256', APP_SECRET).update(signed).digest())}`;
}

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
    ['pointing at a certificate elsewhere (x5u)', async () => new SignJWT({ iss: 'demo-app', iat: 1, exp: 9e9 }).setProtectedHeader({ alg: 'HS256', x5u: 'https://attacker.test/cert.pem' }).sign(new TextEncoder().encode(APP_SECRET))],
    ['carrying a certificate chain (x5c)', async () => new SignJWT({ iss: 'demo-app', iat: 1, exp: 9e9 }).setProtectedHeader({ alg: 'HS256', x5c: ['MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'] }).sign(new TextEncoder().encode(APP_SECRET))],
    ['carrying its key (jwk)', async () => signedWithHeader({ alg: 'HS256', jwk: { kty: 'oct', k: Buffer.from(APP_SECRET).toString('base64url') } })],
    // b64 is the one extension the JOSE library understands by itself: only our own refusal of crit stops this one.
    ['demanding an extension (crit)', async () => signedWithHeader({ alg: 'HS256', b64: true, crit: ['b64'] })],
    ['malformed', async () => 'eyJhbGciOiJIUzI1NiIsInR5cCI6ImFjY2VzcyJ9. . .'],
    ['empty', async () => ''],
  ])('refuses a token %s', async (_, make) => {
    const context = setup();
    expect(await context.verify(await make(context))).toBeUndefined();
  });

  it('refuses a token issued further ahead than the skew, on the injected clock, and sets no maximum lifetime', async () => {
    const { clock, verify } = setup();
    const issuedAhead = (seconds: number, lifetimeSeconds = 300) =>
      signHs256({ iss: 'demo-app' }, APP_SECRET, { clock: { now: () => clock.now() + seconds * 1000 }, typ: 'JWT', lifetimeSeconds });
    expect(await verify(await issuedAhead(60))).toBeDefined();
    expect(await verify(await issuedAhead(61))).toBeUndefined();
    expect(await verify(await issuedAhead(365 * 24 * 3600))).toBeUndefined();
    // The issuer decides how long its tokens live: a century is as good as five minutes.
    expect(await verify(await issuedAhead(0, 100 * 365 * 24 * 3600))).toBeDefined();
  });

  it.each([
    ['with a padded signature', (token: string) => `${token}=`],
    ['with the unused low bits of its last character altered', withLowBitsAltered],
    ['with a space inside a segment', (token: string) => `${token.slice(0, -10)} ${token.slice(-10)}`],
    ['with an empty segment', (token: string) => `${token.split('.').slice(0, 2).join('.')}.`],
    ['with a fourth segment', (token: string) => `${token}.e30`],
  ])('refuses a token spelled otherwise than canonical base64url: %s', async (_, respell) => {
    const { verify, app } = setup();
    const token = await app();
    const respelled = respell(token);
    expect(respelled).not.toBe(token);
    expect(await verify(respelled)).toBeUndefined();
  });

  it("refuses base64's '+' and '/' for base64url's '-' and '_', in a signature or signed over that very text", async () => {
    const { clock, verify, app } = setup();
    // HMAC is deterministic: the first of these whose signature has a '-' or '_' is always the same.
    let token = await app();
    for (let n = 0; !/[-_]/.test(token.split('.')[2] as string); n++) token = await app({ n });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    expect(await verify(token)).toBeDefined();
    expect(await verify(`${header}.${payload}.${signature.replaceAll('-', '+').replaceAll('_', '/')}`)).toBeUndefined();
    const plain = inPlainBase64(Math.floor(clock.now() / 1000));
    expect(plain).toContain('+');
    expect(plain).toContain('/');
    expect(await verify(plain)).toBeUndefined();
  });

  it("lets a failure to get the secret through, as the server's and not the token's, and asks for none for a token refused unread", async () => {
    const { clock, app } = setup();
    const down = new Error('the key store is down');
    let asked = 0;
    const verify = (token: string) =>
      verifyHs256(token, {
        clock,
        skewSeconds: 60,
        maxLength: 4096,
        requiredClaims: ['iss', 'iat'],
        secretFor: async () => {
          asked++;
          throw down;
        },
      });
    await expect(verify(await app())).rejects.toBe(down);
    expect(asked).toBe(1);
    expect(await verify('eyJhbGciOiJIUzI1NiIsInR5cCI6ImFjY2VzcyJ9. . .')).toBeUndefined();
    expect(await verify(new UnsecuredJWT({ iss: 'demo-app', iat: 1, exp: 9e9 }).encode())).toBeUndefined();
    expect(asked).toBe(1);
  });

  it('refuses a token longer than its bound before decoding it', async () => {
    const { verify, app } = setup();
    const token = await app({ pad: 'x'.repeat(5000) });
    expect(await verify(token, 10_000)).toBeDefined();
    expect(await verify(token, 4096)).toBeUndefined();
  });
});
