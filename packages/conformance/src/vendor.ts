/**
 * What a vendor-tolerant run (`--vendor`) lets pass in a scenario: an answer
 * this project invented where the vendor documents none, which the
 * vendor's own server gives otherwise.
 *
 * @module
 */
import { AssertionError } from 'node:assert';
import { isDeepStrictEqual } from 'node:util';
import type { CoverageRow } from './coverage.js';
import type { Exchange } from './exchange-log.js';
import { printable } from './negative/requests.js';

/**
 * This project's own answers: its error codes (`x-project-codes`), and the
 * statuses under which every documented code is one of them (a 415 whose
 * only code is the project's: the vendor documents no 415 at all).
 */
export function projectAnswers(rows: readonly CoverageRow[]): Set<string> {
  const own = new Set<string>();
  const onlyOwn = new Map<string, boolean>();
  for (const row of rows) {
    if (row.code === undefined) continue;
    if (row.origin === 'project') own.add(row.code);
    onlyOwn.set(row.status, (onlyOwn.get(row.status) ?? true) && row.origin === 'project');
  }
  for (const [status, only] of onlyOwn) if (only) own.add(status);
  return own;
}

/** The values `expected` has where `actual` differs from it, member by member. */
function expectedWhereDiffering(expected: unknown, actual: unknown): unknown[] {
  if (isDeepStrictEqual(expected, actual)) return [];
  if (typeof expected !== 'object' || expected === null || typeof actual !== 'object' || actual === null) return [expected];
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...keys].flatMap((key) => expectedWhereDiffering((expected as Record<string, unknown>)[key], (actual as Record<string, unknown>)[key]));
}

/**
 * Why a scenario's failure is, against a vendor's server, a warning: an
 * assertion expected one of this project's own answers (`projectAnswers`:
 * a code or a status, alone or with the other, as in `415 10415`) where the
 * server refused otherwise. Undefined for any other failure, and when the
 * last answer was no refusal.
 */
export function projectExpectation(error: unknown, own: ReadonlySet<string>, exchanges: readonly Exchange[]): string | undefined {
  if (!(error instanceof AssertionError)) return undefined;
  const answer = exchanges.at(-1)?.response;
  if (!answer || answer.status < 400) return undefined;
  const isOwn = (value: unknown) => {
    const words = typeof value === 'number' || typeof value === 'string' ? String(value).split(' ') : [];
    return words.length <= 2 && words.some((word) => own.has(word));
  };
  const expected = expectedWhereDiffering(error.expected, error.actual).find(isOwn);
  if (expected === undefined) return undefined;
  return `expected this project's own ${JSON.stringify(expected)}; the server answered ${answer.status} ${printable(answer.body, 300)}`;
}
