/**
 * `validUntil` is written as the page's example writes it,
 * `YYYY-MM-DD HH:mm:ss`, without a zone; the reference server writes UTC,
 * and so it is read.
 */
export function parseValidUntil(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  return new Date(Date.UTC(year as number, (month as number) - 1, day, hour, minute, second));
}

export function formatValidUntil(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ');
}
