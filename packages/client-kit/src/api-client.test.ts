import { describe, expect, it } from 'vitest';
import { createApiClient } from './api-client.js';

describe('createApiClient', () => {
  it('refuses a base URL carrying credentials, quoting none of them', () => {
    for (const baseUrl of ['http://ann:hunter2@127.0.0.1:4010/xelion', 'http://hunter2@127.0.0.1:4010']) {
      expect(() => createApiClient('Fake', { baseUrl })).toThrow('Fake client: baseUrl must not carry a user name or password');
      try {
        createApiClient('Fake', { baseUrl });
      } catch (err) {
        expect(String(err)).not.toContain('hunter2');
      }
    }
    expect(() => createApiClient('Fake', { baseUrl: 'http://127.0.0.1:4010/xelion' })).not.toThrow();
  });
});
