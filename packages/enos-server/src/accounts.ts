import type { LoginRequest, LoginResponse } from '@loginspec/enos-client';
import { type AccountFormat, answerProblems, readFields, requestProblems } from '@loginspec/login-kit';
import type { AccountProfile } from './app.js';
import { enos } from './description.js';

/** An EnOS Application Portal account: its login and what its login answers about it. */
export interface EnosAccount extends AccountProfile {
  account: string;
  password: string;
}

/**
 * The demo account is the one of the vendor's own samples: credentials from
 * the `seed` request example, user and organizations from the `seed` 200
 * example, so that the documented request works as written.
 */
function demoAccounts(): EnosAccount[] {
  const { account, password } = enos.requestExample<LoginRequest>('login');
  const { user, organizations } = enos.responseExample<LoginResponse>('login', 200, 'seed').data;
  return [{ account, password, user, organizations }];
}

/**
 * The accounts of the EnOS reference server: a login and a password;
 * `user` (`{ "id", "name" }`, by default the account's name for both) and
 * `organizations` (a list of `{ "id", "name" }`, by default the demo
 * account's) are what a login answers, checked against the description's
 * LoginResponse.
 */
export const enosAccounts: AccountFormat<EnosAccount> = {
  fields: '{ "account": "…", "password": "…", "user"?: { "id": "…", "name": "…" }, "organizations"?: [{ "id": "…", "name": "…" }] }',
  example: { account: 'ci-bot', password: 'a long random secret', user: { id: 'ci-bot-id', name: 'ci-bot' }, organizations: [{ id: 'ci-org', name: 'CI' }] },
  parse(entry) {
    const read = readFields<{ account: string; password: string; user?: EnosAccount['user']; organizations?: EnosAccount['organizations'] }>(entry, {
      account: 'string',
      password: 'string',
      user: 'object?',
      organizations: 'array?',
    });
    if (!read.ok) return read;
    const { account, password, user = { id: account, name: account }, organizations = demoAccounts()[0]?.organizations ?? [] } = read.account;
    const problems = [
      ...requestProblems(enos, 'login', { body: { account, password } }),
      ...answerProblems(enos, 'login', { code: 200, message: '', data: { accessToken: 'seeded', user, organizations } }, (pointer) => pointer.replace(/^\/data\//, '')),
    ];
    return problems.length > 0 ? { ok: false, problems } : { ok: true, account: { account, password, user, organizations } };
  },
  key: ({ account }) => account,
  demo: demoAccounts,
};
