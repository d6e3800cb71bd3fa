import type { components } from '@loginspec/aktion-client';
import { type AccountFormat, readFields, requestProblems } from '@loginspec/login-kit';
import { isWellFormedApiKey } from './api-keys.js';
import { aktion } from './description.js';

type LoginRequest = components['schemas']['LoginRequest'];

/** An Aktion account: a user login and its API key. */
export interface AktionAccount {
  userLogin: string;
  /** The base64 form of 16 bytes, as the page's `hDn/LFXIPESM036W+s7VKg==`: any other form is refused (1004) before a lookup. */
  apiKey: string;
}

/** The demo user is the one of the page's own sample, John.Doo: the `seed` request example. */
function demoAccounts(): AktionAccount[] {
  const { UserLogin, ApiKey } = aktion.requestExample<LoginRequest>('login', 'seed', 'application/json');
  return [{ userLogin: UserLogin, apiKey: ApiKey }];
}

/** The accounts of the Aktion reference server: a user login and an API key (16 random bytes in base64, e.g. `openssl rand -base64 16`). */
export const aktionAccounts: AccountFormat<AktionAccount> = {
  fields: '{ "userLogin": "…", "apiKey": "<16 bytes in base64: 22 characters and ==>" }',
  example: { userLogin: 'ci-bot', apiKey: 'q5yDaUaFDUn0p9pEdfLQ0w==' },
  parse(entry) {
    const read = readFields<{ userLogin: string; apiKey: string }>(entry, { userLogin: 'string', apiKey: 'string' });
    if (!read.ok) return read;
    const { userLogin, apiKey } = read.account;
    const problems = requestProblems(aktion, 'login', { body: { UserLogin: userLogin, ApiKey: apiKey } }, (pointer) => ({ '/UserLogin': 'userLogin', '/ApiKey': 'apiKey' })[pointer] ?? pointer);
    if (!isWellFormedApiKey(apiKey)) problems.push('apiKey must be 16 bytes in base64 (22 characters and ==), as the page\'s key is');
    return problems.length > 0 ? { ok: false, problems } : { ok: true, account: { userLogin, apiKey } };
  },
  key: ({ userLogin }) => userLogin,
  demo: demoAccounts,
};
