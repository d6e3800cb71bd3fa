import { type BodyFormat, decodeBody, encodeBody, type OpenApiDocument } from '@loginspec/openapi-runtime/body';
import description from './generated/openapi.json' with { type: 'json' };
import type { components } from './generated/openapi.js';

const doc = description as unknown as OpenApiDocument;
const schema = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export type LoginRequest = components['schemas']['LoginRequest'];
type ErrorResult = components['schemas']['ErrorResult'];

/** What a successful login tells, in either format: `ExpireDate` stays as written. */
export interface TokenFields {
  Token: string;
  ExpireInSec: number;
  ExpireDate?: string;
}

export const MEDIA_TYPE: Record<'json' | 'xml', string> = { json: 'application/json', xml: 'application/xml' };

export function encodeLogin(format: 'json' | 'xml', body: LoginRequest): string {
  return encodeBody(format, body, schema('LoginRequest'), doc);
}

function formatOf(contentType: string | null): BodyFormat {
  return /xml/i.test(contentType ?? '') ? 'xml' : 'json';
}

/** XML carries every value as text: numbers are read back by the schema's type here. */
export function decodeToken(text: string, contentType: string | null): TokenFields {
  const format = formatOf(contentType);
  const value = decodeBody(format, text, schema(format === 'xml' ? 'LoginResponseXml' : 'LoginResponse'), doc) as TokenFields;
  return { ...value, ExpireInSec: Number(value.ExpireInSec) };
}

/** openapi-fetch hands error bodies over already parsed when they are JSON, as text otherwise. */
export function decodeError(body: unknown, contentType: string | null): ErrorResult {
  const value = (typeof body === 'string' ? decodeBody(formatOf(contentType), body, schema('ErrorResult'), doc) : body) as ErrorResult;
  return { ...value, Code: Number(value.Code) as ErrorResult['Code'], ModelStateErr: value.ModelStateErr ?? [] };
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
