import type { components } from '@loginspec/enos-client';
import { findOperation, type OpenApiDocument } from '@loginspec/openapi-runtime';
import type { CredentialSeed } from '@loginspec/login-kit';
import type { AccountProfile } from './app.js';

type Example<T> = { value: T };

/**
 * The demo account is the one the vendor's own samples use: credentials from
 * the `seed` request example, user and organizations from the `seed` 200
 * example. Reading them from the description keeps the documented request
 * working as written, and keeps one copy of the fact.
 */
export function demoAccounts(doc: OpenApiDocument): CredentialSeed<AccountProfile>[] {
  const { operation } = findOperation(doc, 'login');
  const request = operation.requestBody?.content?.['application/json']?.examples?.seed as Example<components['schemas']['LoginRequest']>;
  const response = operation.responses?.['200']?.content?.['application/json']?.examples?.seed as Example<components['schemas']['LoginResponse']>;
  if (!request || !response) throw new Error('the enos description has no `seed` examples for login');
  const { user, organizations } = response.value.data;
  return [{ id: request.value.account, secret: request.value.password, profile: { user, organizations } }];
}
