import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** Where `pnpm run docs` writes the site, and where the gateway serves /docs from. */
export const siteDir = fileURLToPath(new URL('../site', import.meta.url));
