import type { OpenApiDocument } from '@loginspec/codec';
import { describe, expect, it } from 'vitest';
import { SchemaValidator } from './validator.js';

const doc: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'validator test', version: '1' },
  paths: { '/x': { post: { 'x-attempt-limit': { perAccount: 1 } } } },
  components: {
    schemas: {
      Item: {
        type: 'object',
        'x-error-fields': { code: 'code', message: 'message' },
        xml: { name: 'Item' },
        additionalProperties: false,
        required: ['name'],
        properties: { name: { type: 'string' }, count: { type: 'integer', minimum: 0 } },
      },
    },
  },
};

describe('SchemaValidator', () => {
  const validator = new SchemaValidator(doc);
  const item = validator.at('#/components/schemas/Item');

  it('checks values as they are, with OpenAPI annotations and x- extensions allowed in schemas', () => {
    expect(item({ name: 'a', count: 1 })).toBeUndefined();
    expect(item({ name: 'a', count: '1' })).toEqual([expect.objectContaining({ path: '/count', keyword: 'type', message: 'body/count must be integer', reason: 'must be integer' })]);
  });

  it('names a missing property in the issue path, and reports every issue', () => {
    expect(item({ count: -1, extra: true })?.map((i) => i.path)).toEqual(['/name', '/extra', '/count']);
  });

  it('answers errors that say the same as the last with the very same frozen issues, and others with their own', () => {
    const first = item({ count: -1, extra: true });
    expect(Object.isFrozen(first) && Object.isFrozen(first?.[0])).toBe(true);
    // Another value, the same words: -2 is refused as -1 was, and `extra` is as unexpected.
    expect(item({ count: -2, extra: false })).toBe(first);
    const otherMember = item({ count: -1, other: true });
    expect(otherMember).not.toBe(first);
    expect(otherMember?.map((i) => i.path)).toEqual(['/name', '/other', '/count']);
    expect(item({ name: 'a' })).toBeUndefined();
    // Only the last is kept: the first, refused again, gets issues of its own (equal, not the same).
    const again = item({ count: -1, extra: true });
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('compiles a pointer once', () => {
    expect(validator.at('#/components/schemas/Item')).toBe(item);
  });

  it('throws for a pointer that names no schema', () => {
    expect(() => validator.at('#/components/schemas/Nope')).toThrow();
  });
});
