import { describe, expect, it } from 'vitest';
import { scrubSecrets, urlSecrets } from './url-secrets.js';

describe('what errors may show of a URL', () => {
  it('takes the password out of a message, as written in the URL and decoded', () => {
    const secrets = urlSecrets('redis://:pa%3Ass@127.0.0.1');
    expect(scrubSecrets('AUTH pa:ss failed for pa%3Ass', secrets)).toBe('AUTH *** failed for ***');
    expect(urlSecrets('redis://127.0.0.1')).toEqual([]);
  });
});
