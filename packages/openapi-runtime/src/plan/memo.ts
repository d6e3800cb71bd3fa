/**
 * Remembers a function's answers by a string key drawn from its arguments
 * (a header's value, a problem's message), up to `max` keys: the values a
 * server sees again and again are few, and a client sending endless new
 * ones only empties the memory.
 *
 * @example
 * const bodyFor = memoBy((contentType: string) => contentType, (contentType) => parse(contentType));
 */
export function memoBy<Args extends unknown[], T>(keyOf: (...args: Args) => string, compute: (...args: Args) => T, max = 64): (...args: Args) => T {
  const memory = new Map<string, T>();
  return (...args) => {
    const key = keyOf(...args);
    let value = memory.get(key);
    if (value === undefined && !memory.has(key)) {
      if (memory.size >= max) memory.clear();
      value = compute(...args);
      memory.set(key, value);
    }
    return value as T;
  };
}
