/**
 * Cases that change a request's credentials: none, an Authorization header
 * that is not one the scheme reads (or a credential where the scheme does
 * not look), and well-formed junk where it does look.
 *
 * @module
 */
import fc from 'fast-check';
import type { GeneratedRequest, MutationKind } from './generated-request.js';
import type { OperationContext } from './operation-context.js';
import { credentialToken, headerText, token68Char } from './payloads.js';
import { anyBase, type Builders, type Draft, draftOf, finish, placeCredentials } from './request-draft.js';
import { printable } from './request-summary.js';

/** A valid base without its credentials, then what the mutation puts in their place. */
function securityCase<T>(ctx: OperationContext, kind: MutationKind, drawn: fc.Arbitrary<T>, change: (draft: Draft, drawn: T) => string): fc.Arbitrary<GeneratedRequest> {
  return fc.tuple(anyBase(ctx), drawn).map(([base, value]) => {
    const draft = draftOf(ctx, { ...base, credentials: undefined });
    return finish(ctx, kind, change(draft, value), draft);
  });
}

/** The security mutations, by kind. */
export const SECURITY_MUTATIONS = {
  'security-none'(ctx) {
    if (!ctx.security) return undefined;
    return securityCase(ctx, 'security-none', fc.constant(undefined), (draft) => {
      draft.securityRefused = !ctx.security?.anonymous;
      return 'no credentials';
    });
  },

  'security-garbage'(ctx) {
    const security = ctx.security;
    if (!security) return undefined;
    const authorization = security.schemes.find((s) => s.place === 'authorization');
    const wellFormed = (value: string) => {
      const trimmed = value.trim();
      const prefix = `${authorization?.key.toLowerCase()} `;
      return authorization !== undefined && trimmed.toLowerCase().startsWith(prefix) && trimmed.slice(prefix.length).trim() !== '';
    };
    const garbage = fc
      .oneof(
        fc.constantFrom('', 'Basic dXNlcjpwYXNzd29yZA==', 'Bearer', 'Bearer ', 'Digest username="x"', 'Negotiate YII=', 'null', 'undefined', '*', authorization?.key ?? 'x', `${authorization?.key ?? 'x'}   `),
        fc.tuple(fc.constantFrom('Bearer', 'Basic', 'Token', 'ApiKey', 'JWT'), credentialToken(32)).map(([scheme, token]) => `${scheme} ${token}`),
        headerText(64),
      )
      .filter((value) => !wellFormed(value));
    // Or a well-formed credential where the scheme does not look for it.
    const misplaced = fc.tuple(fc.constantFrom('x-auth-token', 'x-api-key', 'cookie', 'query'), credentialToken(32));
    return securityCase(ctx, 'security-garbage', fc.oneof(garbage.map((value) => ({ value, misplaced: undefined })), misplaced.map(([place, token]) => ({ value: undefined, misplaced: { place, token } }))), (draft, drawn) => {
      const refused = !security.anonymous && authorization !== undefined && security.schemes.every((s) => s.place === 'authorization');
      draft.securityRefused = refused;
      if (drawn.value !== undefined) {
        if (authorization) draft.headers.authorization = drawn.value;
        for (const scheme of security.schemes.filter((s) => s.place === 'header')) draft.headers[scheme.key.toLowerCase()] = drawn.value;
        return `Authorization "${printable(drawn.value)}"`;
      }
      const { place, token } = drawn.misplaced as { place: string; token: string };
      if (place === 'query') draft.query.push(`access_token=${encodeURIComponent(token)}`);
      else if (place === 'cookie') draft.headers.cookie = `session=${token}`;
      else draft.headers[place] = token;
      return `a credential in ${place}`;
    });
  },

  'security-junk'(ctx) {
    const security = ctx.security;
    if (!security) return undefined;
    const junk = fc.oneof(
      credentialToken(64),
      fc.string({ unit: token68Char, minLength: 513, maxLength: 4096 }),
      headerText(128).filter((text) => text.trim() !== ''),
      fc.constantFrom("' OR '1'='1", '../../../../etc/passwd', '${jndi:ldap://127.0.0.1/a}', 'null', 'undefined', '0', '-1', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.', '%00', '\u00ff\u00fe', 'a b c'),
    );
    return securityCase(ctx, 'security-junk', fc.tuple(junk, fc.constantFrom('as written', 'upper case', 'lower case')), (draft, [credential, casing]) => {
      const credentials = Object.fromEntries(security.schemes.map((s) => [s.name, credential]));
      placeCredentials(ctx, draft, credentials);
      if (draft.headers.authorization !== undefined && casing !== 'as written') {
        const [scheme = '', ...rest] = draft.headers.authorization.split(' ');
        draft.headers.authorization = [casing === 'upper case' ? scheme.toUpperCase() : scheme.toLowerCase(), ...rest].join(' ');
      }
      return `credential "${printable(credential)}" (scheme ${casing})`;
    });
  },
} satisfies Builders;
