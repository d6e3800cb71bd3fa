import { OWASP_SCRYPT, type ScryptParams } from '../password.js';

/** Named scrypt costs: `owasp` (the default) and `test`, for test runs and CI only. */
export const HASH_COST_PRESETS: Readonly<Record<string, ScryptParams>> = {
  owasp: OWASP_SCRYPT,
  // About a millisecond a hash, and 1 MiB: for tests and CI, never for real passwords.
  test: { N: 2 ** 10, r: 8, p: 1 },
};

/**
 * OWASP's Password Storage Cheat Sheet: N=2^17, r=8, p=1, or one of its
 * equivalents that trade memory for parallelism (N=2^16 with p=2, 2^15
 * with 3, 2^14 with 5, 2^13 with 10), each with r=8.
 */
const OWASP_EQUIVALENTS = [
  { N: 2 ** 17, p: 1 },
  { N: 2 ** 16, p: 2 },
  { N: 2 ** 15, p: 3 },
  { N: 2 ** 14, p: 5 },
  { N: 2 ** 13, p: 10 },
];

/** At least OWASP's minimum, or one of its equivalents. */
export function meetsOwasp({ N, r, p }: ScryptParams): boolean {
  return r >= 8 && OWASP_EQUIVALENTS.some((e) => N >= e.N && p >= e.p);
}

/** `N=2^17 r=8 p=1 (128 MiB a hash)`. */
export function describeHashCost({ N, r, p }: ScryptParams): string {
  const mib = (128 * N * r) / 2 ** 20;
  return `N=2^${Math.log2(N)} r=${r} p=${p} (${mib >= 1 ? `${mib} MiB` : `${(mib * 1024).toFixed(0)} KiB`} a hash)`;
}

/** The warning to print when a cost is below OWASP's minimum, in sentences; undefined when it is not. */
export function hashCostWarning(params: ScryptParams): string[] | undefined {
  if (meetsOwasp(params)) return undefined;
  return [
    `scrypt cost ${describeHashCost(params)} is below OWASP's minimum (N=2^17 r=8 p=1, or an equivalent).`,
    'Password hashes this weak are for test runs and CI only: never seed real passwords with it.',
  ];
}

const MAX_MEMORY = 2 ** 30;

/**
 * Reads a hash cost: a preset name (`owasp`, `test`) or scrypt's parameters,
 * `N=16384,r=8,p=1` (`ln=14` for N=2^14; r is 8 and p is 1 unless given).
 * Throws a message naming what is wrong.
 */
export function parseHashCost(text: string): ScryptParams {
  const preset = HASH_COST_PRESETS[text.trim().toLowerCase()];
  if (preset) return preset;
  const values: Record<string, number> = {};
  for (const part of text.split(',')) {
    const match = /^\s*(N|ln|r|p)\s*=\s*(\d+)\s*$/.exec(part);
    if (!match) throw new Error(`"${text}" is not a hash cost: name a preset (${Object.keys(HASH_COST_PRESETS).join(', ')}) or give N=…,r=…,p=…`);
    const [, key, value] = match as unknown as [string, string, string];
    if (key in values || (key === 'ln' && 'N' in values) || (key === 'N' && 'ln' in values)) throw new Error(`"${text}" gives ${key === 'ln' ? 'N' : key} twice`);
    values[key] = Number(value);
  }
  const N = values.ln !== undefined ? 2 ** values.ln : values.N;
  const { r = 8, p = 1 } = values;
  if (N === undefined) throw new Error(`"${text}" gives no N (or ln)`);
  if (!(N >= 2 && Number.isInteger(Math.log2(N)))) throw new Error(`"${text}": N must be a power of two, 2 or more`);
  if (!(r >= 1 && r <= 64)) throw new Error(`"${text}": r must be between 1 and 64`);
  if (!(p >= 1 && p <= 64)) throw new Error(`"${text}": p must be between 1 and 64`);
  if (128 * N * r > MAX_MEMORY) throw new Error(`"${text}" needs ${(128 * N * r) / 2 ** 20} MiB a hash; at most 1024 MiB`);
  return { N, r, p };
}
