import { describe, expect, it } from 'vitest';
import { CredentialDirectory } from './credential-directory.js';
import { PasswordHasher } from './password.js';

describe('CredentialDirectory', () => {
  const hasher = new PasswordHasher({ N: 2 ** 10, r: 8, p: 1 });

  it('answers the profile for the right secret only', async () => {
    const directory = await CredentialDirectory.create(hasher, [{ id: 'alice', secret: 's3cret', profile: { role: 'admin' } }]);
    expect(await directory.verify('alice', 's3cret')).toEqual({ role: 'admin' });
    expect(await directory.verify('alice', 'S3cret')).toBeUndefined();
    expect(await directory.verify('bob', 's3cret')).toBeUndefined();
  });

  it('pays for a hash on an unknown holder too, so timing does not tell them apart', async () => {
    let verifies = 0;
    const counting = new (class extends PasswordHasher {
      override async verify(password: string, stored: string) {
        verifies++;
        return super.verify(password, stored);
      }
    })({ N: 2 ** 10, r: 8, p: 1 });
    const directory = await CredentialDirectory.create(counting, [{ id: 'alice', secret: 'x', profile: 1 }]);
    await directory.verify('alice', 'wrong');
    await directory.verify('nobody', 'wrong');
    expect(verifies).toBe(2);
  });
});
