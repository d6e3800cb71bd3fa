/**
 * Adds a value under `key`: a second value for the same key makes an array
 * (in place, so that a body repeating one field costs what it is long), which
 * a single-valued schema then refuses. A key named `__proto__` becomes a
 * member like any other, never the object's prototype.
 */
export function addValue(target: Record<string, unknown>, key: string, value: unknown): void {
  if (!Object.hasOwn(target, key)) {
    // Only `__proto__` needs defining: assigned, it would set the prototype. Defining every key was more than half the cost of reading a small form.
    if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    else target[key] = value;
  } else if (Array.isArray(target[key])) (target[key] as unknown[]).push(value);
  else target[key] = [target[key], value];
}

/** A member of a value by dotted path (`response.code`); undefined when any step is missing. */
export function memberAt(value: unknown, path: string): unknown {
  let node = value;
  for (const key of path.split('.')) node = typeof node === 'object' && node !== null && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

/** Where an API's error bodies carry their code and message: the `x-error-fields` of its error schema. */
export interface ErrorFields {
  code: string;
  message: string;
}

/**
 * The `x-error-fields` of a description: the one schema that says where the
 * API's error code and message are, for the server that answers errors and
 * the client that reads them.
 */
export function errorFieldsOf(description: { components?: { schemas?: Record<string, unknown> } }): ErrorFields {
  const found = Object.values(description.components?.schemas ?? {})
    .map((schema) => (schema as { 'x-error-fields'?: Partial<ErrorFields> })['x-error-fields'])
    .filter((fields): fields is ErrorFields => typeof fields?.code === 'string' && typeof fields.message === 'string');
  if (found.length !== 1) throw new Error(`a description must have one error schema with x-error-fields {code, message}, found ${found.length}`);
  return found[0] as ErrorFields;
}
