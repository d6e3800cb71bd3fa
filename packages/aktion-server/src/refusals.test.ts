import { invalidBodyProblem } from '@loginspec/contract-testkit';
import { describe, expect, it } from 'vitest';
import { aktion } from './description.js';
import { refusal } from './refusals.js';

describe('refusal', () => {
  it('lists each body its own binding errors when bad bodies alternate, and a repeated one the same', () => {
    const noUserLogin = '{"ApiKey":"k"}';
    const noApiKey = '{"UserLogin":"u"}';
    const listed = [noUserLogin, noApiKey, noUserLogin, noUserLogin, noApiKey].map(
      (text) => (refusal(invalidBodyProblem(aktion, 'login', 'application/json', text), { method: 'POST', path: '/login' }).body as { ModelStateErr: string[] }).ModelStateErr,
    );
    const userLogin = ['UserLogin: The UserLogin field is required.'];
    const apiKey = ['ApiKey: The ApiKey field is required.'];
    expect(listed).toEqual([userLogin, apiKey, userLogin, userLogin, apiKey]);
  });
});
