import type { Clock } from './clock.js';
import type { ScryptParams } from './password.js';

/** What every demo reference server lets its caller choose. */
export interface ReferenceServerOptions {
  clock?: Clock;
  /** scrypt cost; OWASP's by default. Tests lower it, deployments should not. */
  scrypt?: ScryptParams;
  /** Largest request body accepted, in bytes (64 KiB by default, as the descriptions document). */
  maxBodyBytes?: number;
}
