import type { AttemptLimitSettings } from '../login-limits.js';

const FIELDS: readonly (keyof AttemptLimitSettings)[] = ['perAccountAndAddress', 'perAccount', 'perAddress', 'windowSeconds', 'knownAddressSeconds'];

/**
 * Reads overrides of `x-attempt-limit`: `perAccountAndAddress=3,perAddress=50`,
 * its own field names, each a whole number of at least 1; `perAccount` at
 * most 100 (NIST SP 800-63B). Several texts merge, the later winning.
 */
export function parseAttemptLimits(texts: readonly string[]): Partial<AttemptLimitSettings> {
  const limits: Partial<AttemptLimitSettings> = {};
  for (const text of texts) {
    for (const part of text.split(',')) {
      if (part.trim() === '') continue;
      const match = /^\s*([A-Za-z]+)\s*=\s*(\S+)\s*$/.exec(part);
      const field = match?.[1] as keyof AttemptLimitSettings | undefined;
      if (!match || !field) throw new Error(`"${part.trim()}" is not FIELD=NUMBER (fields: ${FIELDS.join(', ')})`);
      if (!FIELDS.includes(field)) throw new Error(`"${field}" is not a field of x-attempt-limit (${FIELDS.join(', ')})`);
      const value = Number(match[2]);
      if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${field} must be a whole number of at least 1`);
      if (field === 'perAccount' && value > 100) throw new Error('perAccount must be at most 100 (NIST SP 800-63B §5.2.2)');
      limits[field] = value;
    }
  }
  return limits;
}
