import { invalidBodyProblem } from '@loginspec/contract-testkit';
import { describe, expect, it } from 'vitest';
import { xelion } from './description.js';
import { credentialsCode } from './refusals.js';

describe('credentialsCode', () => {
  it('answers each body its own code when bad bodies alternate, and a repeated one the same', () => {
    const noUserName = '{"password":"p","userSpace":"s"}';
    const noPassword = '{"userName":"u","userSpace":"s"}';
    const codes = [noUserName, noPassword, noUserName, noUserName, noPassword].map((text) => credentialsCode(invalidBodyProblem(xelion, 'login', 'application/json', text)));
    expect(codes).toEqual([10002, 10003, 10002, 10002, 10003]);
  });
});
