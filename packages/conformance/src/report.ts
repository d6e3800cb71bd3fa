import { coveredPercent } from './coverage.js';
import type { Exchange } from './exchange-log.js';
import type { ApiReport } from './run-api.js';

export interface ConformanceReport {
  apis: ApiReport[];
  /** True when no case failed and every API reached the coverage asked for. */
  passed: boolean;
  minCoverage: number;
}

const pad = (text: string, width: number) => text.padEnd(width);

function exchangeLines(exchange: Exchange): string[] {
  const lines = [`      → ${exchange.request.method} ${exchange.request.url}${exchange.request.body ? `  ${exchange.request.body}` : ''}`];
  if (exchange.response) lines.push(`      ← ${exchange.response.status} ${exchange.response.headers['content-type'] ?? ''}  ${exchange.response.body}`);
  if (exchange.error) lines.push(`      ← no answer: ${exchange.error}`);
  return lines;
}

/** One API's part of the report, as text: failures with what was sent and answered, warnings, and the coverage table. */
export function renderApi(report: ApiReport, minCoverage: number): string {
  const lines: string[] = [];
  const count = (outcome: string) => report.cases.filter((c) => c.outcome === outcome).length;
  const percent = coveredPercent(report.coverage);
  lines.push(`${report.api}  ${report.baseUrl}  (test controls: ${report.controls ? 'yes' : 'no'})`);
  lines.push(`  ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped; coverage ${percent}% of ${report.coverage.length} documented answers${percent < minCoverage ? ` (below the ${minCoverage}% asked for)` : ''}`);
  for (const failure of report.cases.filter((c) => c.outcome === 'failed')) {
    lines.push(`  ✗ ${failure.kind}: ${failure.name}`);
    for (const line of (failure.error ?? '').split('\n').slice(0, 12)) lines.push(`      ${line}`);
    for (const exchange of failure.exchanges ?? []) lines.push(...exchangeLines(exchange));
  }
  const skipped = new Map<string, number>();
  for (const c of report.cases.filter((c) => c.outcome === 'skipped')) skipped.set(c.reason ?? '', (skipped.get(c.reason ?? '') ?? 0) + 1);
  for (const [reason, n] of skipped) lines.push(`  - ${n} skipped: ${reason}`);
  for (const warning of report.warnings) lines.push(`  ! ${warning}`);
  const width = Math.max(9, ...report.coverage.map((r) => r.operation.length));
  lines.push(`  ${pad('operation', width)}  status  ${pad('code', 8)}  seen`);
  for (const row of report.coverage) {
    lines.push(`  ${pad(row.operation, width)}  ${pad(row.status, 6)}  ${pad(row.code ?? '', 8)}  ${row.seen ? 'yes' : 'NO'}${row.origin === 'project' ? '  (this project’s code)' : ''}`);
  }
  return lines.join('\n');
}

export function renderSummary(report: ConformanceReport): string {
  const all = report.apis.flatMap((a) => a.cases);
  const count = (outcome: string) => all.filter((c) => c.outcome === outcome).length;
  const coverage = report.apis.map((a) => `${a.api} ${coveredPercent(a.coverage)}%`).join(', ');
  return `${report.passed ? 'PASSED' : 'FAILED'}: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped; coverage ${coverage}`;
}
