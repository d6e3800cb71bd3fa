import { describe, expect, it } from 'vitest';
import { enosAccounts } from './accounts.js';
import { server } from './server.js';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const login = (app: Awaited<ReturnType<typeof server.create>>, account: string, password: string) =>
  app.request('/app-portal-service/v2.0/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account, password }) });

describe('the accounts of the enos reference server', () => {
  it('seeds accounts that answer their own user and organizations, beside the demo account or instead of it', async () => {
    const users = [{ account: 'ci-bot', password: 'bots secret', user: { id: 'u-1', name: 'CI bot' }, organizations: [{ id: 'o-1', name: 'CI' }] }, { account: 'plain', password: 'pw' }];
    const app = await server.create({ scrypt: FAST, accounts: { users, keepDemo: false } });
    const res = await login(app, 'ci-bot', 'bots secret');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: unknown }).data).toMatchObject({ user: { id: 'u-1', name: 'CI bot' }, organizations: [{ id: 'o-1', name: 'CI' }] });
    expect(((await (await login(app, 'plain', 'pw')).json()) as { data: { user: unknown } }).data.user).toEqual({ id: 'plain', name: 'plain' });
    expect(((await (await login(app, 'portal_demo', 'yourPassword')).json()) as { code: number }).code).toBe(31400);
  });

  it('refuses an entry whose answer the description would refuse', () => {
    expect(enosAccounts.parse({ account: 'x', password: 'y', user: { id: 'u' } })).toEqual({ ok: false, problems: ['user/name is required'] });
    expect(enosAccounts.parse(enosAccounts.example).ok).toBe(true);
  });
});
