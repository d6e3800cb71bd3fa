import { describe, expect, it } from 'vitest';
import { SchemaValidator } from './schema-validator.js';
import { testDescription } from './test-description.fixture.js';

const ITEM = '#/components/schemas/Item';

describe('SchemaValidator', () => {
  const validator = new SchemaValidator(testDescription);

  it('checks JSON as sent: a number in a string is wrong', () => {
    expect(validator.validate(ITEM, { name: 'a', count: 1 })).toEqual({ valid: true, value: { name: 'a', count: 1 } });
    const result = validator.validate(ITEM, { name: 'a', count: '1' });
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.issues[0]).toMatchObject({ path: '/count', keyword: 'type' });
  });

  it('coerces text (form, XML) to the schema types when asked', () => {
    expect(validator.validate(ITEM, { name: 'a', count: '7' }, true)).toEqual({ valid: true, value: { name: 'a', count: 7 } });
    expect(validator.validate(ITEM, { name: 'a', count: 'seven' }, true).valid).toBe(false);
  });

  it('names a missing property in the issue path', () => {
    const result = validator.validate(ITEM, { count: 1 });
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.issues).toContainEqual(expect.objectContaining({ path: '/name', keyword: 'required' }));
  });

  it('refuses properties the schema does not allow', () => {
    expect(validator.validate(ITEM, { name: 'a', count: 1, admin: true }).valid).toBe(false);
  });

  it('reports a pointer that names no schema', () => {
    expect(() => validator.validate('#/components/schemas/Nope', {})).toThrow();
  });
});
