// Prints vitest's JSON report as the one line CI reads: "N passed, N failed[, N skipped]".
import { existsSync, readFileSync } from 'node:fs';

const path = process.argv[2] ?? 'reports/vitest.json';
if (!existsSync(path)) {
  console.log('no test report: the run stopped before the tests (lint, build or typecheck failed above)');
  console.log('0 passed, 0 failed');
  process.exit(1);
}
const report = JSON.parse(readFileSync(path, 'utf8'));
const skipped = report.numPendingTests + report.numTodoTests;
// A file that fails to load has no failed test but a failed suite: count it rather than hide it.
const failed = report.numFailedTests || report.numFailedTestSuites;
console.log(`${report.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(report.numTotalTests > 0 && failed === 0 ? 0 : 1);
