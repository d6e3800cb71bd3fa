import { bodyFormat, type BodyCodec, createBodyCodec, type OpenApiDocument, parseMediaType } from '@loginspec/codec';
import bundled from './generated/openapi.json' with { type: 'json' };
import type { components } from './generated/openapi.js';

export type LoginRequest = components['schemas']['LoginRequest'];
/** A token answer in either format; `ExpireDate` stays as written (ASP.NET date in JSON, xsd:dateTime in XML). */
export type TokenFields = components['schemas']['LoginResponse'] | components['schemas']['LoginResponseXml'];
/** A checked token in either format (this project's `checkToken`); `ExpireDate` stays as written. */
export type TokenInfoFields = components['schemas']['TokenInfo'] | components['schemas']['TokenInfoXml'];
export type ErrorResult = components['schemas']['ErrorResult'];

export type WireFormat = 'json' | 'xml';

export const description = bundled as unknown as OpenApiDocument;

export const MEDIA_TYPE: Record<WireFormat, string> = { json: 'application/json', xml: 'application/xml' };

const schema = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const codecs = (name: string, xmlName = name): Record<WireFormat, BodyCodec> => ({
  json: createBodyCodec(MEDIA_TYPE.json, schema(name), description),
  xml: createBodyCodec(MEDIA_TYPE.xml, schema(xmlName), description),
});

/** Built once: the login, the token, the checked token and the error, in each format, read and written by their schemas. */
const LOGIN = codecs('LoginRequest');
const TOKEN = codecs('LoginResponse', 'LoginResponseXml');
const TOKEN_INFO = codecs('TokenInfo', 'TokenInfoXml');
const ERROR = codecs('ErrorResult');

export function encodeLogin(format: WireFormat, body: LoginRequest): string {
  return LOGIN[format].encode(body);
}

/** The format of an answer, from its Content-Type; undefined for one the description does not document. */
export function formatOf(contentType: string | null): WireFormat | undefined {
  const essence = parseMediaType(contentType)?.essence;
  const format = essence === undefined ? undefined : bodyFormat(essence);
  return format === 'json' || format === 'xml' ? format : undefined;
}

export function decodeToken(format: WireFormat, text: string): TokenFields {
  return TOKEN[format].decode(text) as TokenFields;
}

export function decodeTokenInfo(format: WireFormat, text: string): TokenInfoFields {
  return TOKEN_INFO[format].decode(text) as TokenInfoFields;
}

export function decodeError(format: WireFormat, text: string): ErrorResult {
  const error = ERROR[format].decode(text) as ErrorResult;
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
