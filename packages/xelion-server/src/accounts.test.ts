import { AccountsError } from '@loginspec/login-kit';
import { describe, expect, it } from 'vitest';
import { xelionAccounts } from './accounts.js';
import { server } from './server.js';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const login = (app: Awaited<ReturnType<typeof server.create>>, tenant: string, userName: string, password: string) =>
  app.request(`/api/v1/${tenant}/me/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userName, password, userSpace: 'accounts-test' }) });

describe('the accounts of the xelion reference server', () => {
  it('seeds users of any tenant beside the demo ones, or instead of them', async () => {
    const users = [{ tenant: 'ci', userName: 'bot', password: 'bots secret' }];
    const beside = await server.create({ scrypt: FAST, accounts: { users } });
    expect((await login(beside, 'ci', 'bot', 'bots secret')).status).toBe(200);
    expect((await login(beside, 'master', 'arnon', 'arnons secret')).status).toBe(200);
    const instead = await server.create({ scrypt: FAST, accounts: { users, keepDemo: false } });
    expect((await login(instead, 'ci', 'bot', 'bots secret')).status).toBe(200);
    expect((await login(instead, 'master', 'arnon', 'arnons secret')).status).toBe(401);
  });

  it("gives a seeded user the demo users' traits: disabled is 10006", async () => {
    const app = await server.create({ scrypt: FAST, accounts: { users: [{ tenant: 'master', userName: 'gone', password: 'pw', disabled: true }] } });
    expect(await (await login(app, 'master', 'gone', 'pw')).json()).toMatchObject({ errorCode: 10006 });
  });

  it('refuses an entry the description would refuse, naming the field', async () => {
    expect(xelionAccounts.parse({ tenant: 'Not A Tenant', userName: 'x', password: 'y' })).toEqual({ ok: false, problems: ['tenant must match pattern "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"'] });
    expect(xelionAccounts.parse({ tenant: 'master', userName: 'x', password: 'y', mfa: true })).toEqual({ ok: false, problems: ['email is required with "mfa": true (where its codes go)'] });
    await expect(server.create({ scrypt: FAST, accounts: { users: [{ tenant: 'master', userName: 'arnon', password: 'again' }] } })).rejects.toThrow(AccountsError);
    expect(xelionAccounts.parse(xelionAccounts.example).ok).toBe(true);
  });
});
