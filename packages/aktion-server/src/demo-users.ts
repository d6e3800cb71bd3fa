import type { components } from '@loginspec/aktion-client';
import { CredentialDirectory, type PasswordHasher } from '@loginspec/login-kit';
import type { AktionUser } from './app.js';
import { aktionContract } from './description.js';

type LoginRequest = components['schemas']['LoginRequest'];

/**
 * The demo user is the one of the page's own sample, John.Doo: the `seed`
 * request example. Reading it from the description keeps the documented
 * request working as written, and keeps one copy of the fact.
 */
export function demoUsers(): { userLogin: string; apiKey: string }[] {
  const seed = aktionContract.operation('login').operation.requestBody?.content?.['application/json']?.examples?.seed?.value as LoginRequest | undefined;
  if (!seed) throw new Error('the aktion description has no application/json login example "seed"');
  return [{ userLogin: seed.UserLogin, apiKey: seed.ApiKey }];
}

/** The demo users, their API keys hashed on the way in. */
export function demoUserDirectory(hasher: PasswordHasher): Promise<CredentialDirectory<AktionUser>> {
  return CredentialDirectory.create(
    hasher,
    demoUsers().map(({ userLogin, apiKey }) => ({ id: userLogin, secret: apiKey, profile: { userLogin } })),
  );
}
