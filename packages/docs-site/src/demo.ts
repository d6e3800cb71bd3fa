/**
 * The demo accounts of an API, as its description states them: the request
 * examples named `seed` (the vendor's own samples, which the reference
 * server's demo accounts are made from) and the `x-demo-*` extensions (more
 * users, apps and their secrets). Nothing here is written by hand.
 *
 * @module
 */
import { FORM, isJsonMediaType, type Json, type OpenApiDocument, operationsOf, parameterExample } from './openapi.js';

/** A login that works on the reference server: an operation's `seed` request, its fields and values. */
export interface DemoLogin {
  operationId: string;
  method: string;
  path: string;
  /** The media types its `seed` examples are written in. */
  mediaTypes: string[];
  /** Path parameters and body members, as sent. */
  fields: [string, string][];
}

/** An `x-demo-*` extension as a table: `x-demo-tenants` of xelion's login, `x-demo-apps` of edr's. */
export interface DemoTable {
  operationId: string;
  extension: string;
  columns: string[];
  rows: string[][];
}

export interface Demo {
  logins: DemoLogin[];
  tables: DemoTable[];
}

export function demoOf(doc: OpenApiDocument): Demo {
  const logins: DemoLogin[] = [];
  const tables: DemoTable[] = [];
  for (const op of operationsOf(doc)) {
    const seeds = op.requestBody.filter(({ content }) => content.examples?.seed?.value !== undefined);
    const structured = seeds.find(({ mediaType }) => isJsonMediaType(mediaType) || mediaType === FORM);
    if (structured) {
      const value = structured.content.examples?.seed?.value as Json;
      const path = op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, text(parameterExample(p))] as [string, string]);
      const members = value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value).map(([k, v]) => [k, text(v)] as [string, string]) : [['body', text(value)] as [string, string]];
      logins.push({ operationId: op.operationId, method: op.method, path: op.path, mediaTypes: seeds.map((s) => s.mediaType), fields: [...path, ...members] });
    }
    for (const [key, value] of Object.entries(op.object)) {
      if (key.startsWith('x-demo-')) tables.push({ operationId: op.operationId, extension: key, ...tableOf(key, value) });
    }
  }
  return { logins, tables };
}

function text(value: Json | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * A list of records is a table of their members; a map of lists of records
 * (`x-demo-tenants: { master: [users] }`) adds a first column named after the
 * extension (`tenant`); anything else is one row of JSON.
 */
function tableOf(key: string, value: Json): { columns: string[]; rows: string[][] } {
  const isRecord = (v: Json | undefined): v is { [k: string]: Json } => v !== null && typeof v === 'object' && !Array.isArray(v);
  const records = (list: Json[]): list is { [k: string]: Json }[] => list.every(isRecord);
  const columnsOf = (list: { [k: string]: Json }[]) => [...new Set(list.flatMap((r) => Object.keys(r)))];
  if (Array.isArray(value) && records(value)) {
    const columns = columnsOf(value);
    return { columns, rows: value.map((r) => columns.map((c) => text(r[c]))) };
  }
  if (isRecord(value) && Object.values(value).every((v) => Array.isArray(v) && records(v))) {
    const groups = Object.entries(value) as [string, { [k: string]: Json }[]][];
    const columns = columnsOf(groups.flatMap(([, list]) => list));
    const group = key.replace(/^x-demo-/, '').replace(/s$/, '');
    return { columns: [group, ...columns], rows: groups.flatMap(([name, list]) => list.map((r) => [name, ...columns.map((c) => text(r[c]))])) };
  }
  return { columns: [key.replace(/^x-demo-/, '')], rows: [[JSON.stringify(value)]] };
}
