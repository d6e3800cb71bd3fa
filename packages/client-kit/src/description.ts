/**
 * What the clients read from their bundled description at run time: which
 * statuses each operation documents, which operations take a credential,
 * the HTTP scheme that credential is sent with, and the operations' `x-`
 * numbers (token lifetimes).
 *
 * @module
 */

/** The part of a bundled OpenAPI 3.1 description read here. */
export interface Described {
  paths?: Record<string, unknown>;
  security?: unknown;
  components?: { securitySchemes?: Record<string, unknown>; [kind: string]: unknown };
}

/** Whether an operation takes a credential: never, when the client holds one, or always. */
export type Security = 'none' | 'optional' | 'required';

type Operation = { responses?: Record<string, unknown>; security?: unknown; [extension: `x-${string}`]: unknown };

function operationOf(description: Described, method: string, schemaPath: string): Operation | undefined {
  const item = description.paths?.[schemaPath] as Record<string, Operation> | undefined;
  return item?.[method.toLowerCase()];
}

/** Whether the operation documents `status`: itself, its range (`4XX`) or `default`. Undefined for an operation the description lacks. */
export function documentsStatus(description: Described, method: string, schemaPath: string, status: number): boolean | undefined {
  const responses = operationOf(description, method, schemaPath)?.responses;
  if (!responses) return undefined;
  return String(status) in responses || `${String(status)[0]}XX` in responses || 'default' in responses;
}

/**
 * Whether an operation takes a credential, from its `security` (else the
 * description's): none (`[]`), optional (one alternative is `{}`), or required.
 */
export function securityOf(description: Described, method: string, schemaPath: string): Security {
  const operation = operationOf(description, method, schemaPath);
  if (!operation) return 'none';
  const requirements = (operation.security ?? description.security ?? []) as Record<string, unknown>[];
  if (requirements.length === 0) return 'none';
  return requirements.some((requirement) => Object.keys(requirement).length === 0) ? 'optional' : 'required';
}

/**
 * The scheme of `Authorization` as the description's HTTP security scheme
 * names it: `Bearer` for `bearer` (RFC 6750's spelling), any other as written
 * (Xelion's `xelion`).
 */
export function authorizationScheme(description: Described): string {
  const scheme = httpSchemeOf(description);
  if (scheme === undefined) throw new Error('the description has no HTTP security scheme');
  return scheme;
}

/** The same scheme, or undefined for a description without an HTTP security scheme (EOS). */
export function httpSchemeOf(description: Described): string | undefined {
  const schemes = Object.values(description.components?.securitySchemes ?? {}) as { type?: string; scheme?: string }[];
  const http = schemes.find((scheme) => scheme.type === 'http' && typeof scheme.scheme === 'string');
  if (!http?.scheme) return undefined;
  return http.scheme.toLowerCase() === 'bearer' ? 'Bearer' : http.scheme;
}

/** A number an operation's `x-` extension holds (`x-token-lifetime-seconds`). */
export function operationNumber(description: Described, method: string, schemaPath: string, extension: `x-${string}`): number | undefined {
  const value = operationOf(description, method, schemaPath)?.[extension];
  return typeof value === 'number' ? value : undefined;
}
