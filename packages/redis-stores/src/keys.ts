/**
 * Where each store keeps what in Redis: `<namespace>:<store name>:<kind>:<key>`.
 * A caller's key (which may carry a tenant or a user name) has `%` and `:`
 * percent-encoded, so that it is always the last segment and never looks
 * like a kind; a store name (a server's constant, such as `enos:sessions`)
 * may hold colons but no segment that is a kind. Together they make the
 * patterns of `reset` and `resetAttempts` match only what they should.
 *
 * @module
 */

/** The kinds of key, each the second-to-last segment; `index` keys end with the kind they index. */
export const KINDS = ['entry', 'attempt', 'slot', 'index'] as const;
export type Kind = (typeof KINDS)[number];

/** A namespace is one segment, with none of SCAN's pattern characters. */
const NAMESPACE = /^[^:*?[\]\\\s]+$/;

export function checkNamespace(namespace: string): string {
  if (!NAMESPACE.test(namespace)) {
    throw new TypeError(`invalid Redis namespace ${JSON.stringify(namespace)}: one or more characters, none of ':', '*', '?', '[', ']', '\\' or spaces`);
  }
  return namespace;
}

export function checkStoreName(name: string): string {
  const segments = name.split(':');
  if (name === '' || segments.some((s) => s === '' || (KINDS as readonly string[]).includes(s))) {
    throw new TypeError(`invalid store name ${JSON.stringify(name)}: non-empty segments separated by ':', none of them ${KINDS.join(', ')}`);
  }
  return name;
}

/** `%` and `:` only: the rest of a key (including NUL, which login limits use) stays as it is, readable in redis-cli. */
export function encodeKey(key: string): string {
  return key.replace(/[%:]/g, (c) => (c === '%' ? '%25' : '%3A'));
}

/** The keys of one store. */
export class StoreKeys {
  readonly prefix: string;

  constructor(namespace: string, name: string) {
    this.prefix = `${checkNamespace(namespace)}:${checkStoreName(name)}`;
  }

  of(kind: Exclude<Kind, 'index'>, key: string): string {
    return `${this.prefix}:${kind}:${encodeKey(key)}`;
  }

  /** The sorted set of a kind's live keys, by expiry: what a capacity counts. */
  index(kind: 'entry' | 'attempt'): string {
    return `${this.prefix}:index:${kind}`;
  }
}

/** SCAN patterns over a namespace. */
export const patterns = {
  everything: (namespace: string) => `${checkNamespace(namespace)}:*`,
  attempts: (namespace: string) => [`${checkNamespace(namespace)}:*:attempt:*`, `${namespace}:*:index:attempt`],
};
