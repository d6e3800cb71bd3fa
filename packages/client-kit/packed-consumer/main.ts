/**
 * A consumer of the packed clients, installed with npm outside the
 * workspace: the packed-clients test type-checks it (--strict, nodenext and
 * bundler resolution, the packages' declarations included) and runs it
 * against the reference servers, whose base URL it takes as its argument.
 * It prints what it saw as JSON, never a credential.
 */
import { ApiError, NetworkError, UndocumentedResponseError } from '@loginspec/client-kit';
import { createAktionAuth, createAktionClient, createTokenSource, type AktionErrorStatus } from '@loginspec/aktion-client';
import { createEdrAuth, createEdrClient, EdrApiError, type EdrErrorStatus } from '@loginspec/edr-client';
import { createEnosAuth, createEnosClient, EnosApiError, type EnosErrorStatus } from '@loginspec/enos-client';
import { createEosAuth, createEosClient, EosApiError, type EosErrorStatus } from '@loginspec/eos-client';
import { createXelionAuth, createXelionClient, XelionApiError, type XelionErrorStatus } from '@loginspec/xelion-client';

// Browser-compatible typings only (no @types/node): the one Node.js global needed, declared.
declare const process: { argv: string[] };
const base = process.argv[2] ?? 'http://localhost:4010';

// The statuses each description documents, derived from its types: a change there breaks the build here.
export const documented: [EnosErrorStatus[], EosErrorStatus[], AktionErrorStatus[], EdrErrorStatus[], XelionErrorStatus[]] = [
  [400, 401, 404, 413, 415, 429, 503],
  [403, 413, 415, 429, 503],
  [400, 401, 413, 415, 429, 500, 503],
  [400, 401, 403, 413, 415, 429, 503],
  [400, 401, 403, 409, 413, 415, 429, 500, 503],
];

async function enos() {
  const client = createEnosClient({ baseUrl: `${base}/enos`, timeoutMs: 10_000 });
  const auth = createEnosAuth(client, { account: 'portal_demo', password: 'yourPassword' }, { organization: (organizations) => organizations[0]!.id });
  const info = await client.getTokenInformation();
  await auth.renew(); // with the refresh token Choose Organization gave
  const again = await client.getTokenInformation();
  await auth.logout();
  const refused = await client.login({ account: 'portal_demo', password: 'not-the-password' }).catch((error: unknown) => error);
  const status: EnosErrorStatus | undefined = refused instanceof EnosApiError ? refused.status : undefined;
  return { user: info.userName, organization: again.currentOrgName, refused: [status, refused instanceof EnosApiError && refused.code] };
}

async function eos() {
  const client = createEosClient({ baseUrl: `${base}/eos`, retry: { attempts: 2 } });
  const auth = createEosAuth(client, { domain: 'customers', loginName: 'foobat', password: 'anypwd' });
  const sessionId = await auth.token();
  await auth.renew(); // the page's relogin: the same session
  const refused = await client.signIn({ loginName: 'foobat', password: 'not-the-password' }).catch((error: unknown) => error);
  return { sameSession: (await auth.token()) === sessionId, user: auth.session?.profile.displayName, refused: refused instanceof EosApiError ? [refused.status, refused.code] : String(refused) };
}

async function aktion() {
  const client = createAktionClient({ baseUrl: `${base}/aktion`, format: 'xml' });
  const credentials = { userLogin: 'John.Doo', apiKey: 'hDn/LFXIPESM036W+s7VKg==' };
  createAktionAuth(client, credentials);
  const checked = await client.checkToken(); // the token operation, with the auth layer's token
  const fresh = await createTokenSource(client, credentials).getToken();
  return { user: checked.userLogin, expireInSec: checked.expireInSec, tokenSource: fresh.length > 0 };
}

async function edr() {
  const client = createEdrClient({ baseUrl: `${base}/edr` });
  const auth = createEdrAuth(client, { username: 'rrath', password: 'rrath-demo-password', app: { appId: 'edr-demo-app', secret: 'edr-demo-app-secret-published-for-trying-only' } });
  const claims = await client.checkToken();
  const expired = await client.checkToken('not-a-token').catch((error: unknown) => error);
  return { sameUser: claims.sub === auth.session?.user._id, refused: expired instanceof EdrApiError && expired instanceof ApiError ? [expired.status, expired.code] : String(expired) };
}

async function xelion() {
  const client = createXelionClient({ baseUrl: `${base}/xelion`, tenant: 'master' });
  const auth = createXelionAuth(client, { userName: 'arnon', password: 'arnons secret', userSpace: 'packed-consumer' });
  const token = await auth.token();
  const renewed = await client.renew();
  await auth.logout();
  const refused = await client.login({ userName: 'arnon', password: 'not-the-password', userSpace: 'packed-consumer' }).catch((error: unknown) => error);
  return { rotated: renewed.token !== token, loggedOut: client.session === undefined, refused: refused instanceof XelionApiError ? [refused.status, refused.code] : String(refused) };
}

async function failures() {
  const wrongBase = await createEnosClient({ baseUrl: `${base}/not-enos` })
    .login({ account: 'portal_demo', password: 'yourPassword' })
    .catch((error: unknown) => error);
  const noServer = await createEdrClient({ baseUrl: 'http://127.0.0.1:9' })
    .checkToken('t')
    .catch((error: unknown) => error);
  return { wrongBaseUrl: wrongBase instanceof UndocumentedResponseError ? wrongBase.status : String(wrongBase), noServer: noServer instanceof NetworkError ? noServer.method : String(noServer) };
}

const results = { enos: await enos(), eos: await eos(), aktion: await aktion(), edr: await edr(), xelion: await xelion(), failures: await failures() };
console.log(JSON.stringify(results));
