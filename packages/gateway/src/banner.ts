import type { ReferenceServer, SeedAccounts } from '@loginspec/login-kit';
import { bannerText, type ServedApi, servedApi } from '@loginspec/login-kit/serve';

export interface BannerOptions {
  /** Where the token of the test controls is, when they are on. */
  controlsTokenFile?: string;
  /** The accounts seeded per API, from `accountsFile`. */
  accounts?: ReadonlyMap<string, SeedAccounts>;
  accountsFile?: string;
}

/** Each API as the banner tells of it: under its prefix, with its demo logins (unless dropped) and the keys of the accounts seeded. */
export function servedApis(origin: string, servers: readonly ReferenceServer[], { accounts, accountsFile }: BannerOptions = {}): ServedApi[] {
  return servers.map((server) => servedApi(server, `${origin}/${server.name}`, accounts?.get(server.name), accountsFile));
}

/** The lines of the banner before the APIs: the docs, and the controls when on, with the file that holds their token (never the token). */
export function gatewayLines(origin: string, { controlsTokenFile }: BannerOptions = {}): string[] {
  const lines = [`  docs     ${origin}/docs/`];
  if (controlsTokenFile) {
    lines.push(`  controls ${origin}/_controls  (test controls: clock, inbox, reset, faults; for test runs only; off with --no-test-controls)`);
    lines.push(`           token in ${controlsTokenFile}  (Authorization: Bearer …; pnpm conformance reads it there)`);
  }
  return lines;
}

/**
 * What `pnpm start` prints once it listens: where the docs are, each API's
 * operations under its prefix, and its demo logins, read from each server's
 * description and descriptor; the accounts seeded from a file by name only.
 */
export function banner(origin: string, servers: readonly ReferenceServer[], options: BannerOptions = {}): string {
  return bannerText(origin, servedApis(origin, servers, options), gatewayLines(origin, options));
}
