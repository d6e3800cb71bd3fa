import { decodeBody, encodeBody, type OpenApiDocument, type Schema } from '@loginspec/openapi-runtime/body';
import description from './generated/openapi.json' with { type: 'json' };
import type { components } from './generated/openapi.js';

export type LoginRequest = components['schemas']['LoginRequest'];
/** A token answer in either format; `ExpireDate` stays as written (ASP.NET date in JSON, xsd:dateTime in XML). */
export type TokenFields = components['schemas']['LoginResponse'] | components['schemas']['LoginResponseXml'];
export type ErrorResult = components['schemas']['ErrorResult'];

export type WireFormat = 'json' | 'xml';

const doc = description as unknown as OpenApiDocument;
const schemaRef = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

export const MEDIA_TYPE: Record<WireFormat, string> = { json: 'application/json', xml: 'application/xml' };

export function encodeLogin(format: WireFormat, body: LoginRequest): string {
  return encodeBody(format, body, schemaRef('LoginRequest'), doc);
}

/** The format of an answer, from its Content-Type; undefined for one the description does not document. */
export function formatOf(contentType: string | null): WireFormat | undefined {
  const essence = contentType?.split(';')[0]?.trim().toLowerCase();
  if (essence === 'application/json' || essence === 'text/json') return 'json';
  if (essence === 'application/xml' || essence === 'text/xml') return 'xml';
  return undefined;
}

/**
 * Reads an answer by its schema. XML carries every scalar as text, so the
 * properties the schema types as numbers are turned back into numbers here
 * (the server does the same through Ajv, which this light client leaves out).
 */
function decode<T>(format: WireFormat, text: string, schemaName: string): T {
  const value = decodeBody(format, text, schemaRef(schemaName), doc) as Record<string, unknown>;
  const schema = doc.components?.schemas?.[schemaName];
  const properties = typeof schema === 'object' ? (schema.properties ?? {}) : {};
  const numeric = (name: string) => {
    const property = properties[name];
    return typeof property === 'object' && (property.type === 'integer' || property.type === 'number');
  };
  return Object.fromEntries(Object.entries(value).map(([name, v]) => [name, numeric(name) && typeof v === 'string' ? Number(v) : v])) as T;
}

export function decodeToken(format: WireFormat, text: string): TokenFields {
  return decode<TokenFields>(format, text, format === 'xml' ? 'LoginResponseXml' : 'LoginResponse');
}

export function decodeError(format: WireFormat, text: string): ErrorResult {
  const error = decode<ErrorResult>(format, text, 'ErrorResult');
  // The error body is this project's reading of the vendor's: a real server may leave the list out.
  return { ...error, ModelStateErr: error.ModelStateErr ?? [] };
}

/**
 * `ExpireDate` is `/Date(ms[±hhmm])/` in JSON (ASP.NET) and an xsd:dateTime
 * in XML. The offset of the JSON form only says how to display the instant,
 * which the milliseconds already give.
 */
export function parseExpireDate(value: string): Date | undefined {
  const aspNet = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(value);
  const date = aspNet ? new Date(Number(aspNet[1])) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
