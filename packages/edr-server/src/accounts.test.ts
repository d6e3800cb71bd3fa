import type { LoginRequest } from '@loginspec/edr-client';
import { describe, expect, it } from 'vitest';
import { edrAccounts } from './accounts.js';
import { edr } from './description.js';
import { server } from './server.js';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const { jwt } = edr.requestExample<LoginRequest>('login');
const login = (app: Awaited<ReturnType<typeof server.create>>, username: string, password: string) =>
  app.request('/mobile/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password, jwt }) });

describe('the accounts of the edr reference server', () => {
  it("seeds users answering the demo user's fields with their own username, _id and what they give", async () => {
    const app = await server.create({ scrypt: FAST, accounts: { keepDemo: false, users: [{ username: 'ci-bot', password: 'pw', user: { firstName: 'CI' } }] } });
    const res = await login(app, 'ci-bot', 'pw');
    expect(res.status).toBe(200);
    const { user } = ((await res.json()) as { data: { user: unknown } }).data;
    expect(user).toMatchObject({ username: 'ci-bot', firstName: 'CI', lastName: 'Rath', _id: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect((await login(app, 'rrath', 'rrath-demo-password')).status).toBe(401);
  });

  it('refuses a user the description would refuse', () => {
    expect(edrAccounts.parse({ username: 'x', password: 'y', user: { email: 'not an address', edrAccount: 'A1' } })).toEqual({
      ok: false,
      problems: ['user/email must match format "email"', 'user/edrAccount must match pattern "^[0-9]+$"'],
    });
    expect(edrAccounts.parse({ username: 'x', password: 'y', user: { username: 'z' } })).toMatchObject({ ok: false, problems: ["user/username must be the account's username, or be left out"] });
  });
});
