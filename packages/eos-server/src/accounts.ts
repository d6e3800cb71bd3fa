import type { LoginRequest, LoginResponse } from '@loginspec/eos-client';
import { type AccountFormat, answerProblems, readFields, requestProblems } from '@loginspec/login-kit';
import type { UserProfile } from './app.js';
import { documented, eos } from './description.js';

/** An EOS account: a user of a domain (a user directory), and what its login answers about it. */
export interface EosAccount extends UserProfile {
  /** The directory a login's `domain` picks; the default directory (`customers`) unless given. */
  domain: string;
  loginName: string;
  password: string;
}

/**
 * The demo login is the page's own curl request (the login request example
 * `seed`), its user answering the page's (repaired) response sample.
 */
export function demoLogin() {
  const { sessionId, domain, loginName, password } = eos.requestExample<LoginRequest>('login');
  if (!loginName || !password) throw new Error('the eos login request example "seed" has no loginName or password');
  const { secureCode, profile, mobilityApps } = eos.responseExample<LoginResponse>('login', 200, 'seed');
  return { sessionId, domain: domain || documented.defaultDomain, loginName, password, user: { secureCode, profile, mobilityApps } };
}

function demoAccounts(): EosAccount[] {
  const { domain, loginName, password, user } = demoLogin();
  return [{ domain, loginName, password, ...user }];
}

/**
 * The accounts of the EOS reference server: a login name and a password in
 * a domain; `secureCode`, `profile` and `mobilityApps` are what a login
 * answers (by default the demo user's, with `displayName` the login name),
 * checked against the description's LoginResponse.
 */
export const eosAccounts: AccountFormat<EosAccount> = {
  fields: '{ "domain"?: "customers", "loginName": "…", "password": "…", "secureCode"?: "…", "profile"?: { "serialNumber", "displayName", "roles", "contactId", … }, "mobilityApps"?: { "system": [ … ], "user": [ … ] } }',
  example: { domain: 'customers', loginName: 'ci-bot', password: 'a long random secret', profile: { serialNumber: '1', displayName: 'CI bot', roles: ['Tester'], contactId: 1 } },
  parse(entry) {
    const read = readFields<{ domain?: string; loginName: string; password: string; secureCode?: string; profile?: UserProfile['profile']; mobilityApps?: UserProfile['mobilityApps'] }>(entry, {
      domain: 'string?',
      loginName: 'string',
      password: 'string',
      secureCode: 'string?',
      profile: 'object?',
      mobilityApps: 'object?',
    });
    if (!read.ok) return read;
    const demo = demoLogin().user;
    const { domain = documented.defaultDomain, loginName, password, secureCode = demo.secureCode, profile = { ...demo.profile, displayName: loginName }, mobilityApps = demo.mobilityApps } = read.account;
    const problems = [
      ...requestProblems(eos, 'login', { body: { sessionId: 'seeded', domain, loginName, password } }),
      ...answerProblems(eos, 'login', { expireTime: 0, secureCode, profile, mobilityApps }, (pointer) => pointer.replace(/^\//, '')),
    ];
    return problems.length > 0 ? { ok: false, problems } : { ok: true, account: { domain, loginName, password, secureCode, profile, mobilityApps } };
  },
  key: ({ domain, loginName }) => `${domain}/${loginName}`,
  demo: demoAccounts,
};
