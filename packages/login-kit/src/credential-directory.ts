import type { PasswordHasher } from './password.js';

export interface CredentialSeed<Profile> {
  /** Login name, account or user login: whatever names the holder. */
  id: string;
  /** Password or API key; hashed on arrival, never kept. */
  secret: string;
  profile: Profile;
}

/**
 * Holders of a secret, stored as scrypt hashes. Verification costs the same
 * for an unknown holder as for a known one (a decoy hash), so neither the
 * answer nor its timing reveals which holders exist.
 */
export class CredentialDirectory<Profile> {
  readonly #hasher: PasswordHasher;
  readonly #entries = new Map<string, { hash: string; profile: Profile }>();

  private constructor(hasher: PasswordHasher) {
    this.#hasher = hasher;
  }

  static async create<Profile>(hasher: PasswordHasher, seeds: readonly CredentialSeed<Profile>[]): Promise<CredentialDirectory<Profile>> {
    const directory = new CredentialDirectory<Profile>(hasher);
    await hasher.prepare();
    for (const seed of seeds) directory.#entries.set(seed.id, { hash: await hasher.hash(seed.secret), profile: seed.profile });
    return directory;
  }

  /** The holder's profile if the secret is right, else undefined. */
  async verify(id: string, secret: string): Promise<Profile | undefined> {
    const entry = this.#entries.get(id);
    if (!entry) return this.#hasher.verifyDecoy(secret).then(() => undefined);
    return (await this.#hasher.verify(secret, entry.hash)) ? entry.profile : undefined;
  }
}
