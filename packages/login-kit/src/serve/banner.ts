import type { SeedAccounts } from '../accounts.js';
import type { ReferenceServer } from '../reference-server.js';

/** What a listening server tells of one API: its operations, its demo logins (unless dropped) and the accounts seeded from a file. */
export interface ServedApi {
  server: ReferenceServer;
  /** Where its documented paths start: `http://127.0.0.1:4010/xelion`, or the origin for a server of its own. */
  base: string;
  /** Its demo accounts are seeded (true unless an accounts file drops them). */
  demo?: boolean;
  /** The keys of the accounts seeded from a file (never their secrets). */
  seeded?: readonly string[];
  /** Where they came from. */
  accountsFile?: string;
}

/** An API's lines in the text banner. */
export function apiLines({ server, base, demo = true, seeded = [], accountsFile }: ServedApi, label = server.name): string[] {
  const lines = [`  ${label.padEnd(8)} ${server.description.title}`];
  for (const op of server.description.operations) lines.push(`           ${op.method.toUpperCase().padEnd(6)} ${base}${op.path}`);
  if (demo) {
    for (const login of server.demoLogins()) {
      const fields = Object.entries(login.fields).map(([name, value]) => `${name}=${value}`);
      lines.push(`           demo (${login.operationId}): ${fields.join(' ')}${login.note ? `  (${login.note})` : ''}`);
    }
  } else lines.push('           demo accounts: none (dropped by the accounts file)');
  if (seeded.length > 0) lines.push(`           accounts from ${accountsFile ?? 'the accounts file'}: ${seeded.join(', ')}`);
  return lines;
}

/** An API as the JSON `listening` event tells of it. */
export function apiRecord({ server, base, demo = true, seeded = [] }: ServedApi): Record<string, unknown> {
  return {
    name: server.name,
    title: server.description.title,
    operations: server.description.operations.map((op) => ({ operationId: op.operationId, method: op.method.toUpperCase(), url: `${base}${op.path}` })),
    demoLogins: demo ? server.demoLogins() : [],
    accounts: seeded,
  };
}

/** `http://127.0.0.1:4010`, with an IPv6 address in brackets. */
export function originOf(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** What a banner tells of `server` under `base`, with the accounts seeded into it (by key, never a secret). */
export function servedApi(server: ReferenceServer, base: string, seed?: SeedAccounts, accountsFile?: string): ServedApi {
  const format = server.accounts;
  const seeded = seed && format ? seed.users.flatMap((entry) => {
    const parsed = format.parse(entry);
    return parsed.ok ? [format.key(parsed.account)] : [];
  }) : [];
  return { server, base, demo: seed?.keepDemo !== false, seeded, ...(accountsFile ? { accountsFile } : {}) };
}
