/** Members and headers that carry a secret: their values never reach a report. */
const SECRET = /pass(word)?|secret|token|api_?key|jwt|mfa|authori[sz]ation|cookie|session|renewal|authentication/i;

/** A form field's name as its server reads it; one that does not decode (`%FF`) is judged as written. */
function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/** `value` with every secret member's value replaced, however deep. */
export function maskValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskValue);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, SECRET.test(key) && member !== null && typeof member !== 'object' ? '***' : maskValue(member)]));
}

/** A quoted member and its string value, as in JSON: `"password": "x"`. */
const QUOTED_MEMBER = /("((?:[^"\\]|\\.)*)"\s*:\s*)"(?:[^"\\]|\\.)*"/g;

/**
 * A body as text with its secrets masked: JSON by its members, a form by
 * its fields, XML by its elements; anything else (malformed JSON, say) by
 * the quoted members it holds.
 */
export function maskBody(text: string): string {
  try {
    return JSON.stringify(maskValue(JSON.parse(text)));
  } catch {
    // Not JSON.
  }
  if (/^\s*</.test(text)) return text.replace(/<([\w:-]+)>([^<]*)<\/\1>/g, (whole, name: string) => (SECRET.test(name) ? `<${name}>***</${name}>` : whole));
  if (/^[^=&\s]+=[^&]*(&[^=&\s]+=[^&]*)*$/.test(text)) {
    return text
      .split('&')
      .map((pair) => {
        const [name = ''] = pair.split('=');
        return SECRET.test(decodedName(name)) ? `${name}=***` : pair;
      })
      .join('&');
  }
  return text.replace(QUOTED_MEMBER, (whole, head: string, name: string) => (SECRET.test(name) ? `${head}"***"` : whole));
}

/** Headers as a plain object, the secret ones masked. */
export function maskHeaders(headers: Headers | Readonly<Record<string, string>>): Record<string, string> {
  const entries = headers instanceof Headers ? [...headers] : Object.entries(headers);
  return Object.fromEntries(entries.map(([name, value]) => [name, SECRET.test(name) ? '***' : value]));
}
