import { describe, expect, it } from 'vitest';
import type { OpenApiDocument } from './document.js';
import { ITEM, itemDescription } from './item.fixture.js';
import { compileShape, scalarOf } from './shape.js';

describe('compileShape', () => {
  it('resolves $refs once, names elements, and reads "a type or null" as the type', () => {
    const item = compileShape(ITEM, itemDescription);
    expect(item.kind).toBe('object');
    expect(item.xmlName).toBe('Item');
    expect(item.elements.get('Label')).toMatchObject({ name: 'labels', repeated: true });
    expect(item.elements.get('tags')).toMatchObject({ name: 'tags', repeated: false });
    expect(item.properties.get('note')?.shape.kind).toBe('string');
    expect(item.properties.get('inner')?.shape.properties.get('size')?.shape.kind).toBe('integer');
  });

  it('compiles a recursive schema into a cyclic shape', () => {
    const doc: OpenApiDocument = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      components: { schemas: { Node: { type: 'object', properties: { next: { $ref: '#/components/schemas/Node' } } } } },
    };
    const node = compileShape({ $ref: '#/components/schemas/Node' }, doc);
    expect(node.properties.get('next')?.shape).toBe(node);
  });
});

describe('scalarOf', () => {
  const shape = (kind: 'integer' | 'number' | 'boolean' | 'string') => ({ ...compileShape(true, itemDescription), kind });

  it.each([
    ['integer', '42', 42],
    ['integer', '-7', -7],
    ['integer', '007', '007'],
    ['integer', '1.5', '1.5'],
    ['integer', '', ''],
    ['number', '1.5e3', 1500],
    ['number', ' 1', ' 1'],
    ['boolean', 'true', true],
    ['boolean', 'false', false],
    ['boolean', 'True', 'True'],
    ['string', '42', '42'],
  ] as const)('reads %s text %j as %j', (kind, text, value) => {
    expect(scalarOf(text, shape(kind))).toBe(value);
  });
});
