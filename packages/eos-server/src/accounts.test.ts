import { describe, expect, it } from 'vitest';
import { eosAccounts } from './accounts.js';
import { server } from './server.js';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
type App = Awaited<ReturnType<typeof server.create>>;
async function login(app: App, fields: Record<string, string>) {
  const { sessionId } = (await (await app.request('/client/hello', { method: 'POST' })).json()) as { sessionId: string };
  return app.request('/client/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ sessionId, ...fields }).toString() });
}

describe('the accounts of the eos reference server', () => {
  it('seeds users of a domain, the default one unless named, instead of the demo user and session', async () => {
    const app = await server.create({ scrypt: FAST, accounts: { keepDemo: false, users: [{ loginName: 'bot', password: 'pw' }, { domain: 'staff', loginName: 'ann', password: 'anns pw' }] } });
    const bot = await login(app, { loginName: 'bot', password: 'pw' });
    expect(bot.status).toBe(200);
    expect(((await bot.json()) as { profile: { displayName: string } }).profile.displayName).toBe('bot');
    expect((await login(app, { domain: 'staff', loginName: 'ann', password: 'anns pw' })).status).toBe(200);
    const demo = await app.request('/client/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'sessionId=9a0b6679-c460-41a3-b26c-26e0d69538c6&domain=customers&loginName=foobat&password=anypwd' });
    expect(((await demo.json()) as { code: string }).code).toBe('2-1');
  });

  it('refuses a profile the description would refuse', () => {
    expect(eosAccounts.parse({ loginName: 'x', password: 'y', profile: { displayName: 'X' } })).toEqual({
      ok: false,
      problems: ['profile/serialNumber is required', 'profile/roles is required', 'profile/contactId is required'],
    });
    expect(eosAccounts.parse(eosAccounts.example).ok).toBe(true);
  });
});
