/**
 * Keeping credentials out of errors: the values a client sent as
 * credentials are blanked out of what a server answers before an error
 * carries it (a server may echo a password or a token in its message), and
 * URLs in messages lose their query values and user info (EnOS sends its
 * refresh token in the query).
 *
 * @module
 */

const REDACTED = '[redacted]';
/** Members whose values are credentials: passwords, API keys, tokens, app JWTs, MFA codes, session ids. */
const SECRET_NAME = /pass|secret|key|token|jwt|authenti|mfa|session/i;
/** Shorter values are not blanked out: they would match ordinary words of a message. */
const MIN_LENGTH = 4;
/** A client sends few credentials; past this many, the oldest are forgotten. */
const MAX_KEPT = 64;

/** A URL fit for a message: no user info, each query value replaced. */
export function safeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.replace(/[?#].*$/, '');
  }
  parsed.username = '';
  parsed.password = '';
  parsed.hash = '';
  const names = [...parsed.searchParams.keys()];
  parsed.search = '';
  return names.length ? `${parsed.href}?${names.map((name) => `${encodeURIComponent(name)}=${REDACTED}`).join('&')}` : parsed.href;
}

/** The credentials one client has sent, to blank out of what it raises. */
export class Secrets {
  readonly #values = new Set<string>();

  add(value: unknown): void {
    if (typeof value !== 'string' || value.length < MIN_LENGTH || this.#values.has(value)) return;
    this.#values.add(value);
    if (this.#values.size > MAX_KEPT) this.#values.delete(this.#values.values().next().value as string);
  }

  /** Keeps the credentials a request carries: its Authorization, secret query values, secret members of its body. */
  async addFrom(request: Request): Promise<void> {
    const authorization = request.headers.get('authorization');
    if (authorization) {
      this.add(authorization);
      this.add(authorization.replace(/^\S+\s+/, ''));
    }
    for (const [name, value] of new URL(request.url).searchParams) if (SECRET_NAME.test(name)) this.add(value);
    if (request.body !== null) this.#addFromBody(await request.clone().text(), request.headers.get('content-type') ?? '');
  }

  #addFromBody(text: string, contentType: string): void {
    if (/json/i.test(contentType)) {
      try {
        this.#addMembers(JSON.parse(text));
      } catch {
        // Not JSON after all: nothing to read.
      }
    } else if (/x-www-form-urlencoded/i.test(contentType)) {
      for (const [name, value] of new URLSearchParams(text)) if (SECRET_NAME.test(name)) this.add(value);
    } else if (/xml/i.test(contentType)) {
      for (const [, name, value] of text.matchAll(/<([A-Za-z_][\w.-]*)>([^<]*)<\/\1>/g)) if (name && SECRET_NAME.test(name)) this.add(value);
    }
  }

  /** A body that is a bare string (Xelion's renewal token) is a credential; so is every secret member of an object. */
  #addMembers(value: unknown, name = ''): void {
    if (typeof value === 'string') {
      if (name === '' || SECRET_NAME.test(name)) this.add(value);
    } else if (Array.isArray(value)) {
      for (const item of value) this.#addMembers(item, name);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, member] of Object.entries(value)) this.#addMembers(member, key);
    }
  }

  /** `text` with every credential kept blanked out. */
  scrub(text: string): string {
    let result = text;
    // Longest first, so that a token containing a shorter secret is blanked out whole.
    for (const value of [...this.#values].sort((a, b) => b.length - a.length)) result = result.replaceAll(value, REDACTED);
    return result;
  }

  /** A copy of a parsed body with every credential blanked out of its strings. */
  scrubDeep<T>(value: T): T {
    if (typeof value === 'string') return this.scrub(value) as T;
    if (Array.isArray(value)) return value.map((item: unknown) => this.scrubDeep(item)) as T;
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, this.scrubDeep(member)])) as T;
    return value;
  }
}
