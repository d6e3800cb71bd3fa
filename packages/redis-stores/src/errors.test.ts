import { describe, expect, it } from 'vitest';
import { redactUrl } from './errors.js';

describe('what errors may show of a Redis URL', () => {
  it('shows a URL without its password, and no part of one that does not parse', () => {
    expect(redactUrl('redis://user:pa%3Ass@127.0.0.1:6379/2')).toBe('redis://user:***@127.0.0.1:6379/2');
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
    expect(redactUrl('redis://:secret@[::1')).toBe('(an invalid Redis URL)');
  });
});
