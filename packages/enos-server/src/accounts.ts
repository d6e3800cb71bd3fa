import type { LoginData } from '@loginspec/enos-client';
import type { PasswordHasher } from '@loginspec/login-kit';

/** What an account's login answers besides the token. */
export type AccountProfile = Pick<LoginData, 'user' | 'organizations'>;

export interface AccountSeed {
  account: string;
  password: string;
  profile: AccountProfile;
}

/** Application Portal accounts with scrypt password hashes; plain passwords are never kept. */
export class AccountDirectory {
  readonly #hasher: PasswordHasher;
  readonly #accounts = new Map<string, { passwordHash: string; profile: AccountProfile }>();

  private constructor(hasher: PasswordHasher) {
    this.#hasher = hasher;
  }

  static async create(hasher: PasswordHasher, seeds: readonly AccountSeed[]): Promise<AccountDirectory> {
    const directory = new AccountDirectory(hasher);
    for (const seed of seeds) {
      directory.#accounts.set(seed.account, { passwordHash: await hasher.hash(seed.password), profile: seed.profile });
    }
    return directory;
  }

  /** The profile if the password is right; unknown accounts cost a decoy hash, so timing reveals nothing. */
  async verify(account: string, password: string): Promise<AccountProfile | undefined> {
    const entry = this.#accounts.get(account);
    if (!entry) return this.#hasher.verifyDecoy(password).then(() => undefined);
    return (await this.#hasher.verify(password, entry.passwordHash)) ? entry.profile : undefined;
  }
}
