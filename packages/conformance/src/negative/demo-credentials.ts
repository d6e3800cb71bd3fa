/**
 * Live credentials from a reference server (or any server that knows the
 * descriptions' demo accounts): its `seed` login, as the vendor's own sample
 * writes it, and the token its answer carries. A campaign given them gets
 * past the security of the operations that take credentials.
 *
 * @module
 */
import type { AnyDescription } from '@loginspec/openapi-runtime';

type Providers = Record<string, () => Promise<string>>;
/** The credential an answer's body carries, if any. */
type Pick = (body: any) => unknown;

/** Logs the demo account in with the `seed` request example of `login` (as JSON) and answers the token `pick` finds in the answer. */
async function logIn(baseUrl: string, description: AnyDescription, pick: Pick, change: (seed: any) => unknown = (seed) => seed, headers: Record<string, string> = {}): Promise<string> {
  const seed = description.requestExample('login', 'seed', 'application/json');
  const res = await fetch(`${baseUrl}${description.examplePath('login')}`, {
    method: 'POST',
    // An address of its own (RFC 5737), which no case of a campaign speaks from.
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.1', ...headers },
    body: JSON.stringify(change(seed)),
  });
  const text = await res.text();
  const token = res.status === 200 ? pick(JSON.parse(text)) : undefined;
  if (typeof token !== 'string') throw new Error(`logging the demo account in answered ${res.status}: ${text.slice(0, 300)}`);
  return token;
}

const dataAccessToken: Pick = (body) => body?.data?.accessToken;
const aktionToken: Pick = (body) => body?.Token;
const xelionSession: Pick = (body) => body?.authentication;

/** Where an API's login answer (or any other answer that opens a session) carries the credential of each security scheme. */
export const SESSION_CREDENTIALS: Readonly<Record<string, Readonly<Record<string, Pick>>>> = {
  enos: { accessToken: dataAccessToken },
  aktion: { token: aktionToken },
  edr: { accessToken: dataAccessToken },
  xelion: { xelionSession },
};

const BY_API: Record<string, (baseUrl: string, description: AnyDescription) => Providers> = {
  enos: (baseUrl, description) => ({ accessToken: () => logIn(baseUrl, description, dataAccessToken) }),
  aktion: (baseUrl, description) => ({ token: () => logIn(baseUrl, description, aktionToken) }),
  edr: (baseUrl, description) => ({ accessToken: () => logIn(baseUrl, description, dataAccessToken) }),
  xelion: (baseUrl, description) => {
    // One session at a time: each login ends the one before (the vendor's rule for a login that carries a token), in a user space of its own.
    let previous: string | undefined;
    let count = 0;
    return {
      xelionSession: async () => {
        const headers: Record<string, string> = previous ? { authorization: `xelion ${previous}` } : {};
        previous = await logIn(baseUrl, description, xelionSession, (seed) => ({ ...seed, userSpace: `campaign-${++count}` }), headers);
        return previous;
      },
    };
  },
};

/** A fresh login for each request that asks, by security scheme; undefined for an API whose operations take no credentials. */
export function demoCredentials(api: string, baseUrl: string, description: AnyDescription): Providers | undefined {
  return BY_API[api]?.(baseUrl, description);
}
