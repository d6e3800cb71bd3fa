import { describe, expect, it } from 'vitest';
import { errorFieldsOf, memberAt } from './members.js';

describe('memberAt', () => {
  it('follows a dotted path through own members only', () => {
    expect(memberAt({ response: { code: 401 } }, 'response.code')).toBe(401);
    expect(memberAt({ response: null }, 'response.code')).toBeUndefined();
    expect(memberAt({}, 'constructor')).toBeUndefined();
    expect(memberAt('text', 'length')).toBeUndefined();
  });
});

describe('errorFieldsOf', () => {
  it("reads the error schema's x-error-fields", () => {
    const description = { components: { schemas: { Ok: {}, Error: { 'x-error-fields': { code: 'errorCode', message: 'message' } } } } };
    expect(errorFieldsOf(description)).toEqual({ code: 'errorCode', message: 'message' });
  });

  it('refuses a description with none, or with two', () => {
    expect(() => errorFieldsOf({ components: { schemas: {} } })).toThrow('found 0');
    const two = { 'x-error-fields': { code: 'c', message: 'm' } };
    expect(() => errorFieldsOf({ components: { schemas: { A: two, B: two } } })).toThrow('found 2');
  });
});
