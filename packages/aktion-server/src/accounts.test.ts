import { describe, expect, it } from 'vitest';
import { aktionAccounts } from './accounts.js';
import { server } from './server.js';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const login = (app: Awaited<ReturnType<typeof server.create>>, UserLogin: string, ApiKey: string) =>
  app.request('/login', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ UserLogin, ApiKey }) });

describe('the accounts of the aktion reference server', () => {
  it('seeds users with their API keys beside the demo user', async () => {
    const app = await server.create({ scrypt: FAST, accounts: { users: [{ userLogin: 'ci-bot', apiKey: 'q5yDaUaFDUn0p9pEdfLQ0w==' }] } });
    expect((await login(app, 'ci-bot', 'q5yDaUaFDUn0p9pEdfLQ0w==')).status).toBe(200);
    expect((await login(app, 'John.Doo', 'hDn/LFXIPESM036W+s7VKg==')).status).toBe(200);
  });

  it('refuses a key that could never log in, without quoting it', () => {
    const parsed = aktionAccounts.parse({ userLogin: 'ci-bot', apiKey: 'secret-key' });
    expect(parsed).toEqual({ ok: false, problems: ["apiKey must be 16 bytes in base64 (22 characters and ==), as the page's key is"] });
    expect(aktionAccounts.parse({ userLogin: 'ci-bot' })).toEqual({ ok: false, problems: ['apiKey is required (a non-empty string)'] });
  });
});
