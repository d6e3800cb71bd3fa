import type { components } from '@loginspec/eos-client';
import { CredentialDirectory, type PasswordHasher } from '@loginspec/login-kit';
import { documented } from './documented.js';

type LoginResponse = components['schemas']['LoginResponse'];

/** What a login answers about its user, besides the session's expiry and fresh app tokens. */
export type UserProfile = Pick<LoginResponse, 'secureCode' | 'profile' | 'mobilityApps'>;

/** User directories by domain: the `domain` of a login picks one. */
export type Domains = ReadonlyMap<string, CredentialDirectory<UserProfile>>;

/**
 * The demo user is the page's: `foobat` / `anypwd` in the `customers`
 * domain, answering the profile and apps of the repaired response sample.
 */
export async function demoDomains(hasher: PasswordHasher): Promise<Domains> {
  const { seedRequest, seedResponse } = documented;
  const { secureCode, profile, mobilityApps } = seedResponse;
  const users = await CredentialDirectory.create(hasher, [
    { id: seedRequest.loginName ?? '', secret: seedRequest.password ?? '', profile: { secureCode, profile, mobilityApps } },
  ]);
  return new Map([[seedRequest.domain ?? documented.defaultDomain, users]]);
}

/** The demo credentials, for printing: they are the vendor's public sample. */
export function demoLogins(): { domain: string; loginName: string; password: string; sessionId: string }[] {
  const { seedRequest } = documented;
  return [
    {
      domain: seedRequest.domain ?? documented.defaultDomain,
      loginName: seedRequest.loginName ?? '',
      password: seedRequest.password ?? '',
      sessionId: seedRequest.sessionId,
    },
  ];
}
