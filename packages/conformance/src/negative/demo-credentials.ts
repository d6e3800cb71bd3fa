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

/** Logs the demo account in with the `seed` request example of `login` (as JSON) and answers the token `pick` finds in the answer. */
async function logIn(baseUrl: string, description: AnyDescription, pick: (body: any) => unknown, change: (seed: any) => unknown = (seed) => seed, headers: Record<string, string> = {}): Promise<string> {
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

const BY_API: Record<string, (baseUrl: string, description: AnyDescription) => Providers> = {
  enos: (baseUrl, description) => ({ accessToken: () => logIn(baseUrl, description, (body) => body.data?.accessToken) }),
  aktion: (baseUrl, description) => ({ token: () => logIn(baseUrl, description, (body) => body.Token) }),
  edr: (baseUrl, description) => ({ accessToken: () => logIn(baseUrl, description, (body) => body.data?.accessToken) }),
  xelion: (baseUrl, description) => {
    // One session at a time: each login ends the one before (the vendor's rule for a login that carries a token), in a user space of its own.
    let previous: string | undefined;
    let count = 0;
    return {
      xelionSession: async () => {
        const headers: Record<string, string> = previous ? { authorization: `xelion ${previous}` } : {};
        previous = await logIn(baseUrl, description, (body) => body.authentication, (seed) => ({ ...seed, userSpace: `campaign-${++count}` }), headers);
        return previous;
      },
    };
  },
};

/** A fresh login for each request that asks, by security scheme; undefined for an API whose operations take no credentials. */
export function demoCredentials(api: string, baseUrl: string, description: AnyDescription): Providers | undefined {
  return BY_API[api]?.(baseUrl, description);
}
