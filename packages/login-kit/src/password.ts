import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { HashingPool } from './hashing-pool.js';

export interface ScryptParams {
  /** CPU/memory cost; a power of two. */
  N: number;
  r: number;
  p: number;
}

/**
 * OWASP's minimum for scrypt (Password Storage Cheat Sheet): N=2^17, r=8, p=1,
 * which uses 128 MiB per hash. Lower only through explicit configuration.
 */
export const OWASP_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // OpenSSL needs 128·r·(N + p + 2) bytes and refuses more than maxmem (32 MiB by default): allow twice that, for tiny test costs too.
  const options: ScryptOptions = { ...params, maxmem: 2 * 128 * params.r * (params.N + params.p + 2) };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

function encode(params: ScryptParams, salt: Buffer, key: Buffer): string {
  return `$scrypt$ln=${Math.log2(params.N)},r=${params.r},p=${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

function decode(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } {
  const match = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
  if (!match) throw new Error('not a $scrypt$ password hash');
  const [, ln, r, p, salt, key] = match as unknown as [string, string, string, string, string, string];
  return { params: { N: 2 ** Number(ln), r: Number(r), p: Number(p) }, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

/**
 * Hashes and verifies passwords with scrypt, stored in the PHC string format
 * (`$scrypt$ln=17,r=8,p=1$salt$key`) so that each hash carries its own cost.
 * Every hash runs in the `pool`, which bounds how many run and wait at once.
 */
export class PasswordHasher {
  readonly params: ScryptParams;
  readonly pool: HashingPool;
  #decoy: Promise<string> | undefined;

  constructor(params: ScryptParams = OWASP_SCRYPT, pool: HashingPool = new HashingPool()) {
    this.params = params;
    this.pool = pool;
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_LENGTH);
    return encode(this.params, salt, await this.pool.run(() => derive(password, salt, this.params)));
  }

  /** Throws `HashingBusyError` when the pool refuses the work. */
  async verify(password: string, stored: string): Promise<boolean> {
    const { params, salt, key } = decode(stored);
    const candidate = await this.pool.run(() => derive(password, salt, params));
    return candidate.length === key.length && timingSafeEqual(candidate, key);
  }

  /**
   * Makes the decoy hash now, at start-up, so that the first login of an
   * unknown account costs what every other does.
   */
  async prepare(): Promise<void> {
    this.#decoy ??= this.hash(randomBytes(SALT_LENGTH).toString('base64'));
    await this.#decoy;
  }

  /**
   * Verifies against a hash that matches no password. Called for unknown
   * accounts so that they take as long as known ones: no user enumeration by timing.
   */
  async verifyDecoy(password: string): Promise<false> {
    await this.prepare();
    await this.verify(password, (await this.#decoy) as string);
    return false;
  }
}
