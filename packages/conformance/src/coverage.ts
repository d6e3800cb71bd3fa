import type { ContractRecorder } from '@loginspec/contract-testkit';
import type { AnyDescription } from '@loginspec/openapi-runtime';

/** One documented answer, and whether a case saw it. */
export interface CoverageRow {
  operation: string;
  status: string;
  /** The error code, for a status whose examples show codes. */
  code?: string;
  seen: boolean;
  /** `project`: a code this project added where the vendor documents none (`x-project-codes`). */
  origin: 'vendor' | 'project';
}

/** The codes the description marks as this project's own, on its error schema (`x-project-codes`). */
export function projectCodes(description: AnyDescription): Set<string> {
  const schemas = Object.values((description.document.components?.schemas ?? {}) as Record<string, { 'x-error-fields'?: unknown; 'x-project-codes'?: unknown }>);
  const codes = schemas.find((schema) => schema['x-error-fields'])?.['x-project-codes'];
  return new Set(Array.isArray(codes) ? codes.map(String) : []);
}

/** Every documented (operation, status) and, under each, every error code a server answers, with what the recorder saw. */
export function coverageOf(description: AnyDescription, recorder: ContractRecorder): CoverageRow[] {
  const missing = new Set([...recorder.missing(), ...recorder.missingCodes()]);
  const project = projectCodes(description);
  const codes = recorder.documentedCodes();
  return recorder.documented().flatMap((pair): CoverageRow[] => {
    const [operation = '', status = ''] = pair.split(' ');
    const under = codes.filter((c) => c.startsWith(`${pair} `));
    if (under.length === 0) return [{ operation, status, seen: !missing.has(pair), origin: 'vendor' }];
    return under.map((entry) => {
      const code = entry.slice(pair.length + 1);
      return { operation, status, code, seen: !missing.has(entry), origin: project.has(code) ? 'project' : 'vendor' };
    });
  });
}

/** The share of rows seen, in percent, rounded down to a tenth. */
export function coveredPercent(rows: readonly CoverageRow[]): number {
  return rows.length === 0 ? 100 : Math.floor((rows.filter((r) => r.seen).length / rows.length) * 1000) / 10;
}
