/**
 * Copies of a body value or a text with one thing changed: a member set or
 * removed, a piece put in. A case changes one thing of a valid base, and
 * the base is left alone.
 *
 * @module
 */

/**
 * A string no valid value holds. A mutation that must write what the codec
 * cannot (deep nesting, an entity reference, bytes that are not UTF-8) sets
 * it where that is to go, has the codec write the rest, then replaces it in
 * the text.
 */
export const MARKER = 'zqxMARKzqx';

export function define(target: Record<string, unknown>, key: string, value: unknown): void {
  // `__proto__` as a member like any other, never the prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value with `replacement` at `path`, parents made as needed; the original is left alone. */
export function withValue(value: unknown, path: readonly string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string, ...string[]];
  const copy: Record<string, unknown> = isObject(value) ? { ...value } : {};
  define(copy, head, withValue(copy[head], rest, replacement));
  return copy;
}

/** The value without the member at `path`. */
export function withoutValue(value: unknown, path: readonly string[]): unknown {
  const [head, ...rest] = path as [string, ...string[]];
  const copy: Record<string, unknown> = isObject(value) ? { ...value } : {};
  if (rest.length === 0) delete copy[head];
  else define(copy, head, withoutValue(copy[head], rest));
  return copy;
}

/** The member at `path`; undefined where there is none. */
export function valueAt(value: unknown, path: readonly string[]): unknown {
  let node = value;
  for (const key of path) node = isObject(node) && Object.hasOwn(node, key) ? node[key] : undefined;
  return node;
}

/** The text with `piece` put in at `at` (any natural number, wrapped to the text's length). */
export function insertAt(text: string, at: number, piece: string): string {
  const cut = at % (text.length + 1);
  return `${text.slice(0, cut)}${piece}${text.slice(cut)}`;
}

/** `text` repeated, cut to `length` characters. */
export const repeatedTo = (text: string, length: number): string => text.repeat(Math.ceil(length / text.length)).slice(0, length);

/** The text with an escape in its place, before it, after it or in its middle. */
export function withEscape(text: string, escape: string, how: 'replacing' | 'before' | 'after' | 'inside'): string {
  if (how === 'replacing') return escape;
  if (how === 'before') return `${escape}${text}`;
  if (how === 'after') return `${text}${escape}`;
  const half = Math.floor(text.length / 2);
  return `${text.slice(0, half)}${escape}${text.slice(half)}`;
}

/** The inside of an XML document's root element (`''` for `<Root />`). */
export function xmlInner(text: string, root: string): string {
  const open = `<${root}>`;
  const close = `</${root}>`;
  return text.startsWith(open) && text.endsWith(close) ? text.slice(open.length, -close.length) : '';
}

