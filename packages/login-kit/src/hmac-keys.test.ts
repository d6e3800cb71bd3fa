import { createHmac, type webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacKeyOf } from './hmac-keys.js';

const sign = async (key: webcrypto.CryptoKey, data: string) => Buffer.from(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(data))).toString('hex');

describe('hmacKeyOf', () => {
  it('imports a secret once, whether it comes as the same object or as the same bytes afresh', async () => {
    const secret = Buffer.from('a-server-key-of-32-bytes-or-so!!');
    const first = await hmacKeyOf(secret);
    expect(await hmacKeyOf(secret)).toBe(first);
    expect(await hmacKeyOf(Buffer.from(secret))).toBe(first);
    expect(await hmacKeyOf('text-secret')).toBe(await hmacKeyOf('text-secret'));
  });

  it('signs as HMAC-SHA-256 with the bytes given (text as UTF-8), is not extractable, and follows a secret that changed', async () => {
    const secret = new Uint8Array(Buffer.from('first-key-first-key-first-key-01'));
    expect(await sign(await hmacKeyOf(secret), 'x')).toBe(createHmac('sha256', secret).update('x').digest('hex'));
    secret.set(Buffer.from('second'));
    expect(await sign(await hmacKeyOf(secret), 'x')).toBe(createHmac('sha256', secret).update('x').digest('hex'));
    expect(await sign(await hmacKeyOf('ключ'), 'x')).toBe(createHmac('sha256', Buffer.from('ключ')).update('x').digest('hex'));
    expect((await hmacKeyOf(secret)).extractable).toBe(false);
  });

  it('stays correct past its bound: dropped keys are imported again', async () => {
    const keys = Array.from({ length: 100 }, (_, i) => `secret-${i}`);
    for (const key of keys) await hmacKeyOf(key);
    for (const key of keys) expect(await sign(await hmacKeyOf(key), 'x')).toBe(createHmac('sha256', key).update('x').digest('hex'));
  });
});
