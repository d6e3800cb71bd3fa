import { createHash } from 'node:crypto';
import type { LoginRequest, LoginResponse, User } from '@loginspec/edr-client';
import { type AccountFormat, answerProblems, readFields, requestProblems } from '@loginspec/login-kit';
import { edr } from './description.js';

/** An EDR account: a username, a password, and the user a login answers. */
export interface EdrAccount {
  username: string;
  password: string;
  user: User;
}

/** The demo login is the request example `seed`: the sample's user `rrath`, who answers exactly the sample's `user`. */
function demoAccounts(): EdrAccount[] {
  const { username, password } = edr.requestExample<LoginRequest>('login');
  const { user } = edr.responseExample<LoginResponse>('login', 200, 'seed').data;
  return [{ username, password, user }];
}

/**
 * The accounts of the EDR reference server: a username and a password;
 * `user` is what a login answers (and its `_id` the access token's `sub`):
 * any of its fields, over the demo user's, with `username` the account's
 * and `_id` derived from it unless given; checked against the
 * description's User.
 */
export const edrAccounts: AccountFormat<EdrAccount> = {
  fields: '{ "username": "…", "password": "…", "user"?: { "_id"?, "aid"?, "firstName"?, "lastName"?, "email"?, "cid"?, "name"?, "fromMobile"?, "edrAccount"? } }',
  example: { username: 'ci-bot', password: 'a long random secret', user: { firstName: 'CI', lastName: 'Bot', email: 'ci-bot@example.com' } },
  parse(entry) {
    const read = readFields<{ username: string; password: string; user?: Partial<User> }>(entry, { username: 'string', password: 'string', user: 'object?' });
    if (!read.ok) return read;
    const { username, password, user: given = {} } = read.account;
    const problems = requestProblems(edr, 'login', { body: { username, password, jwt: 'seeded' } });
    if (given.username !== undefined && given.username !== username) problems.push('user/username must be the account\'s username, or be left out');
    const demo = demoAccounts()[0]?.user as User;
    // A record id of the sample's length, the same for the same username on every start.
    const user = { ...demo, _id: createHash('sha256').update(username).digest('hex').slice(0, 16), ...given, username } as User;
    problems.push(...answerProblems(edr, 'login', { response: { code: 200, timestamp: new Date(0).toISOString() }, data: { accessToken: 'seeded', user } }, (pointer) => pointer.replace(/^\/data\//, '')));
    return problems.length > 0 ? { ok: false, problems } : { ok: true, account: { username, password, user } };
  },
  key: ({ username }) => username,
  demo: demoAccounts,
};
