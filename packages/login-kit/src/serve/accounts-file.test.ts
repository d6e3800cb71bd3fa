import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type AccountFormat, readFields } from '../accounts.js';
import { ACCOUNTS_FILE_LIMITS, AccountsFileError, readAccountsFile } from './accounts-file.js';

interface Demo {
  user: string;
  password: string;
}
const format: AccountFormat<Demo> = {
  fields: '{ "user": "…", "password": "…" }',
  example: { user: 'ci', password: 'secret' },
  parse: (entry) => readFields<Demo & Record<string, unknown>>(entry, { user: 'string', password: 'string' }),
  key: (a) => a.user,
  demo: () => [{ user: 'alice', password: 'alices secret' }],
};
const servers = [
  { name: 'one', accounts: format },
  { name: 'two', accounts: format },
];
const apis = ['one', 'two', 'three'];

const dir = await mkdtemp(join(tmpdir(), 'loginspec-accounts-'));
afterAll(() => rm(dir, { recursive: true, force: true }));
let n = 0;
async function file(content: unknown): Promise<string> {
  const path = join(dir, `accounts-${n++}.json`);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}
async function refusal(path: string, options: Parameters<typeof readAccountsFile>[2] = { apis }): Promise<string> {
  const error = await readAccountsFile(path, servers, options).then(
    () => undefined,
    (err: Error) => err,
  );
  expect(error).toBeInstanceOf(AccountsFileError);
  return (error as Error).message;
}

describe('readAccountsFile', () => {
  it("answers each served API's accounts, ignoring $comment, and an API's section may drop the demo", async () => {
    const path = await file({ $comment: 'CI accounts', one: { users: [{ user: 'ci', password: 'pw' }] }, two: { keepDemo: false, users: [] }, three: { users: [{ anything: 1 }] } });
    expect(await readAccountsFile(path, servers, { apis })).toEqual(
      new Map([
        ['one', { users: [{ user: 'ci', password: 'pw' }] }],
        ['two', { keepDemo: false, users: [] }],
      ]),
    );
  });

  it('names the file, the API and the entry of every problem, and the format of an entry', async () => {
    const path = await file({ one: { users: [{ user: 'ci', password: 'pw' }, { user: 'ci', password: 'pw2' }, { user: 'x', pasword: 'hunter2' }] }, two: { users: [{ user: 'alice', password: 'hunter3' }] } });
    const message = await refusal(path);
    expect(message).toBe(
      [
        `accounts file ${path}:`,
        '  one.users[1] (ci): names the same holder as users[0]',
        '  one.users[2]: "pasword" is not a field of this API\'s accounts; password is required (a non-empty string)',
        '  two.users[0] (alice): names the same holder as a demo account (set "keepDemo": false to seed yours instead)',
        'a one entry: { "user": "…", "password": "…" }',
        'a two entry: { "user": "…", "password": "…" }',
      ].join('\n'),
    );
    expect(message).not.toMatch(/hunter|pw2/);
  });

  it('refuses what is not JSON at its line and column, without quoting it', async () => {
    const message = await refusal(await file('{\n  "one": { "users": [ { "user": "ci", "password": hunter2 } ] }\n}'));
    expect(message).toMatch(/: is not valid JSON \(line 2, column 51\)$/);
    expect(message).not.toContain('hunter2');
  });

  it.each([
    [{ nine: { users: [] } }, '"nine" names no API (the APIs are one, two, three)'],
    [[], 'must hold a JSON object whose keys are API names'],
    [{ one: [] }, 'one: must be an object: { "keepDemo"?: true|false, "users": [ … ] }'],
    [{ one: { users: {} } }, 'one: "users" must be a list of accounts'],
    [{ one: { users: [], keepDemo: 'no' } }, 'one: "keepDemo" must be true or false'],
    [{ one: { users: [], demo: false } }, 'one: "demo" is not known here (only "keepDemo" and "users")'],
  ])('refuses %j', async (content, problem) => {
    expect(await refusal(await file(content))).toContain(problem);
  });

  it("refuses a missing file, and a one-API server's file with no entry for it", async () => {
    expect(await refusal(join(dir, 'nowhere.json'))).toBe(`accounts file ${join(dir, 'nowhere.json')}: cannot be read (no such file)`);
    expect(await refusal(await file({ two: { users: [] } }), { requireEach: true })).toContain('has no "one" entry');
  });

  it('refuses a file past its bounds before hashing anything: a megabyte, a thousand users per API', async () => {
    const big = await file(`{"one":{"users":[]},"$comment":"${'x'.repeat(ACCOUNTS_FILE_LIMITS.bytes)}"}`);
    expect(await refusal(big)).toBe(`accounts file ${big}: is larger than 1024 KiB: an accounts file is for a team's test users`);
    const users = Array.from({ length: ACCOUNTS_FILE_LIMITS.usersPerApi + 1 }, (_, i) => ({ user: `u${i}`, password: 'p' }));
    expect(await refusal(await file({ one: { users } }))).toContain('one: "users" lists 1001 accounts; at most 1000 (each is hashed at start)');
    expect((await readAccountsFile(await file({ one: { users: users.slice(1) } }), servers)).get('one')?.users).toHaveLength(1000);
  });
});
