/**
 * The docs portal as a person sees it: every page `pnpm start` serves under
 * /docs/, opened in Chromium against the real gateway on a loopback port.
 * Debian's chromium only (`apt-get install chromium`); a browser is never
 * downloaded. Without /usr/bin/chromium the file is skipped, and says why.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { type RunningGateway, startGateway } from '@loginspec/gateway';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from './build.js';
import { readApis, readGuides } from './catalog.js';
import { codeSamplesOf } from './code-samples.js';
import { demoOf } from './demo.js';
import { operationsOf } from './openapi.js';
import { repoRoot } from './paths.js';

const CHROMIUM = '/usr/bin/chromium';
const SKIP_REASON = `no ${CHROMIUM}: install Debian's chromium (apt-get install chromium) to run the docs portal's browser test`;
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`skipped: ${SKIP_REASON}`);

const SCREENSHOTS = join(repoRoot, 'reports', 'screenshots');
const apis = await readApis(repoRoot);
const guides = await readGuides(repoRoot);

type Kind = 'index' | 'reference' | 'console' | 'guide';
interface SitePage {
  /** Below /docs/. */
  path: string;
  kind: Kind;
  /** The screenshot's name. */
  name: string;
  api?: (typeof apis)[number];
}

/** What the site is made of: the index, a reference and a console per API, a page per guide. */
const pages: SitePage[] = [
  { path: '', kind: 'index', name: 'index' },
  ...apis.flatMap((api): SitePage[] => [
    { path: `${api.name}/`, kind: 'reference', name: `${api.name}-reference`, api },
    { path: `${api.name}/try.html`, kind: 'console', name: `${api.name}-try`, api },
  ]),
  ...guides.map((g): SitePage => ({ path: `guides/${g.name}.html`, kind: 'guide', name: `guide-${g.name}` })),
];

/** Redoc's route of a tag or an operation: its name in lower case, spaces as hyphens. */
const route = (text: string) => text.toLowerCase().replace(/\s+/g, '-');

describe.skipIf(!hasChromium)(`the docs portal in Chromium (skipped when ${CHROMIUM} is missing)`, () => {
  let out: string;
  let gateway: RunningGateway;
  let origin: string;
  let browser: Browser;
  let context: BrowserContext;
  /** Every same-origin URL a page links to, and its status, fetched once. */
  const linkStatus = new Map<string, Promise<number>>();

  beforeAll(async () => {
    // The site as `pnpm run docs` builds it from the current sources, served as `pnpm start` serves it.
    out = await mkdtemp(join(tmpdir(), 'loginspec-portal-'));
    await buildSite({ root: repoRoot, out });
    gateway = await startGateway({ root: repoRoot, docsDir: out, host: '127.0.0.1', port: 0, servers: { scrypt: { N: 2 ** 10, r: 8, p: 1 } } });
    origin = `http://127.0.0.1:${gateway.port}`;
    // Running as root (CI containers) needs --no-sandbox.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Nothing may leave the machine: a request elsewhere is refused (and reported by the page's check).
    await context.route(
      (url) => !isLocal(url),
      (r) => r.abort('blockedbyclient'),
    );
    await mkdir(SCREENSHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (gateway ? gateway.server.close(() => resolve()) : resolve()));
    if (out) await rm(out, { recursive: true, force: true });
  });

  function isLocal(url: URL): boolean {
    return url.protocol === 'data:' || url.protocol === 'blob:' || url.origin === origin;
  }

  /** Opens a page, recording what went wrong on it: console errors, failed requests, requests elsewhere. */
  async function open(path: string): Promise<{ page: Page; problems: string[] }> {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    page.on('request', (r) => !isLocal(new URL(r.url())) && problems.push(`request to another host: ${r.url()}`));
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`));
    const response = await page.goto(`${origin}/docs/${path}`, { waitUntil: 'load' });
    expect(response?.status(), path).toBe(200);
    return { page, problems };
  }

  /** Every same-origin link of the page answers 200 (fragments of the page itself are its own routes). */
  async function brokenLinks(page: Page): Promise<string[]> {
    // The resolved `href` property, read in the page (no DOM types here: the project compiles for Node).
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as unknown as { href: string }).href));
    const targets = [...new Set(hrefs.map((h) => new URL(h)).filter((u) => u.origin === origin).map((u) => `${u.origin}${u.pathname}${u.search}`))];
    const statuses = await Promise.all(
      targets.map(async (url) => {
        if (!linkStatus.has(url)) linkStatus.set(url, fetch(url, { redirect: 'follow' }).then((r) => r.status));
        return [url, await (linkStatus.get(url) as Promise<number>)] as const;
      }),
    );
    return statuses.filter(([, status]) => status !== 200).map(([url, status]) => `${status}: ${url}`);
  }

  async function finish(page: Page, problems: string[], name: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
    const broken = await brokenLinks(page);
    await page.close();
    expect([...problems, ...broken.map((b) => `broken link ${b}`)]).toEqual([]);
  }

  it('serves every page the site is made of, and no other', async () => {
    const files = (await readdir(out, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && e.name.endsWith('.html'));
    const served = files.map((e) => relative(out, join(e.parentPath, e.name)).split(sep).join('/').replace(/(^|\/)index\.html$/, '$1'));
    expect(served.sort()).toEqual(pages.map((p) => p.path).sort());
  });

  it('index: every API with its base URL on this server, demo accounts and samples', async () => {
    const { page, problems } = await open('');
    const baseUrls = await page.$$eval('[data-base-url]', (els) => els.map((e) => e.textContent));
    // Computed in the page from where it is served, not the documented port.
    expect(baseUrls).toEqual(apis.map((a) => `${origin}/${a.name}`));
    for (const api of apis) {
      const section = page.locator(`section#${api.name}`);
      await expect(section.locator('pre code.language-sh').textContent()).resolves.toContain(`curl -s ${origin}/${api.name}/`);
      await expect(section.locator('pre code.language-ts').textContent()).resolves.toContain(`from '${api.client.name}'`);
      for (const login of demoOf(api.document).logins) {
        for (const [, value] of login.fields) await expect(section.locator('table.demo').first().textContent()).resolves.toContain(value);
      }
    }
    await finish(page, problems, 'index');
  });

  for (const entry of pages.filter((p) => p.kind === 'reference')) {
    const api = entry.api as NonNullable<SitePage['api']>;
    it(`${api.name} reference: every operation, with its curl and TypeScript samples on this server`, async () => {
      const { page, problems } = await open(entry.path);
      for (const operation of operationsOf(api.document)) {
        const tag = ((operation.object.tags as string[] | undefined) ?? [])[0] ?? '';
        const id = `/${route(tag)}/${route(operation.operationId)}`;
        // Redoc routes by hash: going to an operation renders it.
        await page.evaluate((hash) => ((globalThis as unknown as { location: { hash: string } }).location.hash = hash), `#${id}`);
        const section = page.locator(`[data-section-id="${id}"]`);
        await section.waitFor();
        const langs = codeSamplesOf(api.document, operation, { api: api.name, baseUrl: api.baseUrl, client: api.client }).map((s) => s.lang);
        expect(langs, operation.operationId).toEqual(['curl', 'TypeScript']);
        // Redoc shows one sample at a time, in the language last chosen on the page: its menu lists both.
        const choose = async (lang: string) => {
          await section.getByRole('button', { name: /^(curl|TypeScript)$/ }).first().click();
          await page.getByRole('menuitem', { name: lang, exact: true }).first().click();
        };
        const sample = () => section.locator('pre').first().textContent();
        await choose('curl');
        await expect.poll(sample).toMatch(new RegExp(`^(# .+\\n)?curl -s( -X [A-Z]+)? '?"?${origin}/${api.name}/`));
        await choose('TypeScript');
        await expect.poll(sample).toContain(`import { ${api.client.factory} } from '${api.client.name}';\n\nconst ${api.name} = ${api.client.factory}({ baseUrl: '${origin}/${api.name}'`);
      }
      await finish(page, problems, entry.name);
    });
  }

  for (const entry of pages.filter((p) => p.kind === 'console')) {
    const api = entry.api as NonNullable<SitePage['api']>;
    it(`${api.name} console: the demo account logs in with Try it out → Execute, on this server`, async () => {
      const login = demoOf(api.document).logins[0];
      const operation = operationsOf(api.document).find((o) => o.operationId === login?.operationId);
      expect(operation, 'a login with a seed example').toBeDefined();
      const tag = ((operation?.object.tags as string[] | undefined) ?? [])[0] ?? 'default';
      const { page, problems } = await open(entry.path);
      const block = page.locator(`#operations-${tag.replace(/\s/g, '_')}-${operation?.operationId}`);
      await block.locator('.opblock-summary').click();
      const tryItOut = block.locator('button.try-out__btn');
      if (/try it out/i.test((await tryItOut.count()) ? ((await tryItOut.textContent()) ?? '') : '')) await tryItOut.click();
      const sent = page.waitForRequest((r) => r.method() !== 'OPTIONS' && r.url().startsWith(`${origin}/${api.name}/`));
      await block.locator('button.execute').click();
      expect((await sent).url()).toMatch(new RegExp(`^${origin}/${api.name}${operation?.path.replace(/\{[^}]+\}/g, '[^/]+')}$`));
      const status = block.locator('.live-responses-table .response .response-col_status').first();
      await status.waitFor();
      expect((await status.textContent())?.trim()).toBe('200');
      await status.scrollIntoViewIfNeeded();
      await finish(page, problems, entry.name);
    });
  }

  for (const entry of pages.filter((p) => p.kind === 'guide')) {
    it(`guide ${entry.path}: renders with its navigation`, async () => {
      const { page, problems } = await open(entry.path);
      await expect(page.locator('main h1').count()).resolves.toBe(1);
      await expect(page.locator('aside a[aria-current="page"]').count()).resolves.toBe(1);
      await expect(page.locator('header.top a.brand').getAttribute('href')).resolves.toBe('../');
      await finish(page, problems, entry.name);
    });
  }
});
