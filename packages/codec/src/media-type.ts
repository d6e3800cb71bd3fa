export interface MediaType {
  /** Lower-case `type/subtype`, without parameters. */
  essence: string;
  params: Record<string, string>;
}

/** Parses a `Content-Type` value; undefined when absent or not `type/subtype`. */
export function parseMediaType(header: string | null | undefined): MediaType | undefined {
  if (!header) return undefined;
  const [essence = '', ...rest] = header.split(';');
  const type = essence.trim().toLowerCase();
  if (!/^[\w.+-]+\/[\w.+-]+$/.test(type)) return undefined;
  const params: Record<string, string> = {};
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq > 0) params[param.slice(0, eq).trim().toLowerCase()] = param.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return { essence: type, params };
}

export type BodyFormat = 'json' | 'form' | 'xml';

/** Which codec reads and writes a media type; undefined for those this runtime cannot handle. */
export function bodyFormat(essence: string): BodyFormat | undefined {
  if (essence === 'application/json' || essence === 'text/json' || essence.endsWith('+json')) return 'json';
  if (essence === 'application/xml' || essence === 'text/xml' || essence.endsWith('+xml')) return 'xml';
  if (essence === 'application/x-www-form-urlencoded') return 'form';
  return undefined;
}
