import { type AccountFormat, readFields, requestProblems } from '@loginspec/login-kit';
import { documented, type TenantUser, xelion } from './description.js';

/** A Xelion account: a user of a tenant, as `x-demo-tenants` lists the demo ones. */
export interface XelionAccount extends TenantUser {
  /** The tenant of the URL (`/api/v1/{tenant}/…`): lower-case letters, digits and hyphens. */
  tenant: string;
}

/** The demo users of `x-demo-tenants`, as accounts. */
function demoAccounts(): XelionAccount[] {
  return Object.entries(documented.demoTenants).flatMap(([tenant, users]) => users.map((user) => ({ tenant, ...user })));
}

/**
 * The accounts of the Xelion reference server: a user of a tenant, with a
 * password; `email` is where MFA codes go (required with `mfa`);
 * `disabled` and `passwordExpired` make each login answer 10006 and 10007.
 */
export const xelionAccounts: AccountFormat<XelionAccount> = {
  fields: '{ "tenant": "master", "userName": "…", "password": "…", "email"?: "…", "mfa"?: false, "disabled"?: false, "passwordExpired"?: false }',
  example: { tenant: 'master', userName: 'ci-bot', password: 'a long random secret', email: 'ci-bot@example.com', mfa: false },
  parse(entry) {
    const read = readFields<Record<keyof XelionAccount, unknown>>(entry, {
      tenant: 'string',
      userName: 'string',
      password: 'string',
      email: 'string?',
      mfa: 'boolean?',
      disabled: 'boolean?',
      passwordExpired: 'boolean?',
    });
    if (!read.ok) return read;
    const account = read.account as unknown as XelionAccount;
    const { tenant, userName, password, email } = account;
    // As its logins and its Request MFA would send them: what the description refuses could never log in.
    const problems = email === undefined ? requestProblems(xelion, 'login', { path: { tenant }, body: { userName, password, userSpace: 'seeded' } }) : requestProblems(xelion, 'requestMfa', { path: { tenant }, body: { userName, password, email } });
    if (account.mfa && email === undefined) problems.push('email is required with "mfa": true (where its codes go)');
    return problems.length > 0 ? { ok: false, problems } : { ok: true, account };
  },
  key: ({ tenant, userName }) => `${tenant}/${userName}`,
  demo: demoAccounts,
};
