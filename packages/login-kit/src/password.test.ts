import { describe, expect, it } from 'vitest';
import { HashingBusyError, HashingPool } from './hashing-pool.js';
import { OWASP_SCRYPT, PasswordHasher } from './password.js';

// Tests lower the cost by configuration, as a deployment never should.
const fast = new PasswordHasher({ N: 2 ** 10, r: 8, p: 1 });

describe('PasswordHasher', () => {
  it('defaults to OWASP scrypt parameters', () => {
    expect(new PasswordHasher().params).toEqual({ N: 131072, r: 8, p: 1 });
    expect(OWASP_SCRYPT.N).toBe(2 ** 17);
  });

  it('stores a salted PHC string that verifies only the right password', async () => {
    const stored = await fast.hash('yourPassword');
    expect(stored).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('yourPassword');
    expect(await fast.hash('yourPassword')).not.toBe(stored);
    expect(await fast.verify('yourPassword', stored)).toBe(true);
    expect(await fast.verify('yourpassword', stored)).toBe(false);
    expect(await fast.verify('', stored)).toBe(false);
  });

  it('verifies with the cost stored in the hash, not the current setting', async () => {
    const stored = await new PasswordHasher({ N: 2 ** 11, r: 8, p: 1 }).hash('pw');
    expect(await fast.verify('pw', stored)).toBe(true);
  });

  it('really uses the OWASP cost by default (128 MiB, well above the 32 MiB Node default)', async () => {
    const stored = await new PasswordHasher().hash('pw');
    expect(stored.startsWith('$scrypt$ln=17,r=8,p=1$')).toBe(true);
  });

  it('hashes at the tiniest costs a --hash-cost accepts, which once needed more memory than it allowed', async () => {
    for (const params of [{ N: 2, r: 1, p: 1 }, { N: 2, r: 1, p: 16 }, { N: 16, r: 1, p: 1 }]) {
      const hasher = new PasswordHasher(params);
      expect(await hasher.verify('pw', await hasher.hash('pw'))).toBe(true);
    }
  });

  it('refuses a stored value that is not a scrypt hash', async () => {
    await expect(fast.verify('pw', 'plain-text')).rejects.toThrow(/not a \$scrypt\$/);
  });

  it('answers false for the decoy, whatever the password', async () => {
    expect(await fast.verifyDecoy('anything')).toBe(false);
  });

  it('makes its decoy when prepared, so that the first unknown account costs what the others do', async () => {
    let hashes = 0;
    const counting = new (class extends PasswordHasher {
      override async hash(password: string) {
        hashes++;
        return super.hash(password);
      }
    })({ N: 2 ** 10, r: 8, p: 1 });
    await counting.prepare();
    expect(hashes).toBe(1);
    await counting.verifyDecoy('x');
    await counting.verifyDecoy('y');
    expect(hashes).toBe(1);
  });

  it('hashes in its pool, which refuses work beyond its bound', async () => {
    const pool = new HashingPool({ concurrency: 1, queue: 0 });
    const bounded = new PasswordHasher({ N: 2 ** 14, r: 8, p: 1 }, pool);
    const results = await Promise.allSettled([bounded.hash('a'), bounded.hash('b')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(HashingBusyError);
  });
});
