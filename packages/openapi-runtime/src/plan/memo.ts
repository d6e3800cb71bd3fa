/**
 * Remembers a function's answers by a string key drawn from its argument
 * (a header's value, a problem's message), up to `max` keys: the values a
 * server sees again and again are few, and a client sending endless new
 * ones only empties the memory. One argument, not a rest list: it is asked
 * on every request, and a list would be made for each.
 *
 * @example
 * const bodyFor = memoBy((contentType: string) => contentType, (contentType) => parse(contentType));
 */
export function memoBy<A, T>(keyOf: (arg: A) => string, compute: (arg: A) => T, max = 64): (arg: A) => T {
  const memory = new Map<string, T>();
  return (arg) => {
    const key = keyOf(arg);
    let value = memory.get(key);
    if (value === undefined && !memory.has(key)) {
      if (memory.size >= max) memory.clear();
      value = compute(arg);
      memory.set(key, value);
    }
    return value as T;
  };
}
