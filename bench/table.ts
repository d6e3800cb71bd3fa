/** One line of the report: a figure, what it is compared with, and whether it meets its target. */
export interface Row {
  section: string;
  subject: string;
  figure: string;
  against: string;
  ratio: string;
  target: string;
  /** `met`, `MISSED`, `skipped: why`, or `-` for a figure without a target. */
  result: string;
}

const HEADER: Row = { section: 'section', subject: 'what', figure: 'figure', against: 'against', ratio: 'ratio', target: 'target', result: 'result' };
const KEYS = Object.keys(HEADER) as (keyof Row)[];

export const verdict = (met: boolean): string => (met ? 'met' : 'MISSED');

/** A Markdown table, padded so that it also reads as plain text. */
export function renderTable(rows: Row[]): string {
  const cells = (row: Row) => KEYS.map((k) => row[k].replaceAll('|', '\\|'));
  const widths = KEYS.map((_, c) => Math.max(...[HEADER, ...rows].map((r) => (cells(r)[c] as string).length)));
  const line = (values: string[]) => `| ${values.map((v, c) => v.padEnd(widths[c] as number)).join(' | ')} |`;
  return [line(cells(HEADER)), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(cells(r)))].join('\n');
}
