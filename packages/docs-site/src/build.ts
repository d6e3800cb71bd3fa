import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { type ApiEntry, readApis, readGuides, referencedFiles } from './catalog.js';
import { consoleDescription, docsDescription } from './code-samples.js';
import { renderGuide, renderIndex, renderTryIt } from './pages.js';
import { externalFetches } from './offline.js';
import { adaptRedocPage } from './redoc-page.js';
import { buildReference } from './redocly.js';

export interface BuildOptions {
  /** The repository: specs/, docs/, redocly.yaml. */
  root: string;
  out: string;
  progress?: (line: string) => void;
}

/** What of swagger-ui-dist the request consoles load: its bundle and stylesheet, and its licence beside them. */
const SWAGGER_UI_FILES = ['swagger-ui-bundle.js', 'swagger-ui.css', 'LICENSE', 'NOTICE'];

/**
 * Builds the site into `out`:
 *
 * - `index.html`: every API, its base URL on the serving host, its demo
 *   accounts and samples; every guide;
 * - `<api>/index.html`: the reference (redocly build-docs over a copy of the
 *   bundled description with `x-codeSamples` and XML examples pretty-printed);
 * - `<api>/try.html`: the request console (Swagger UI) against this server;
 * - `<api>/openapi.yaml` with every file it refers to beside it, and
 *   `<api>/openapi.json`, the bundled description;
 * - `guides/<name>.html`; `assets/`.
 *
 * Nothing on it is loaded from another host: a page that would is an error.
 * Answers the path of the index.
 */
export async function buildSite({ root, out, progress = () => {} }: BuildOptions): Promise<string> {
  const apis = await readApis(root);
  const guides = await readGuides(root);
  await mkdir(out, { recursive: true });
  await copySwaggerUi(join(out, 'assets', 'swagger-ui'));
  const temp = await mkdtemp(join(tmpdir(), 'loginspec-docs-build-'));
  try {
    for (const api of apis) {
      const started = performance.now();
      const dir = join(out, api.name);
      await mkdir(dir, { recursive: true });
      const description = docsDescription(api.document, { api: api.name, baseUrl: api.baseUrl, client: api.client });
      const docsCopy = join(temp, `${api.name}.openapi.json`);
      await writeFile(docsCopy, JSON.stringify(withPortalLinks(description, api, guides.some((g) => g.name === api.name))));
      const target = join(dir, 'index.html');
      await buildReference({ source: docsCopy, target, config: join(root, 'redocly.yaml'), cwd: root, options: REDOC_OPTIONS, label: api.name });
      await writeFile(target, adaptRedocPage(await readFile(target, 'utf8')));
      await copyDescription(root, api, dir);
      await writeFile(join(dir, 'try.html'), renderTryIt(api, consoleDescription(description), apis));
      progress(`docs: ${api.name} -> ${shown(root, target)} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  await mkdir(join(out, 'guides'), { recursive: true });
  for (const guide of guides) await writeFile(join(out, 'guides', `${guide.name}.html`), renderGuide(guide, apis, guides));
  const index = join(out, 'index.html');
  await writeFile(index, renderIndex(apis, guides));
  await assertOffline(out);
  progress(`docs: ${guides.length} guides, index -> ${shown(root, index)}`);
  return index;
}

/** Redoc's options: the samples the build injects, under their labels, and the downloads served beside the page. */
const REDOC_OPTIONS = {
  codeSamples: { languages: [{ lang: 'curl' }, { lang: 'TypeScript' }, { lang: 'Payload' }] },
  downloadUrls: [
    { title: 'openapi.yaml', url: './openapi.yaml' },
    { title: 'openapi.json (bundled)', url: './openapi.json' },
  ],
  hideLoading: true,
};

/** The reference's overview starts with the way back to the portal and to the API's console, guide and files. */
function withPortalLinks(description: ReturnType<typeof docsDescription>, api: ApiEntry, hasGuide: boolean): object {
  const links = [
    '[← All APIs and guides](../)',
    '[Try it against this server](./try.html)',
    ...(hasGuide ? [`[The ${api.name} guide](../guides/${api.name}.html)`] : []),
    '[openapi.yaml](./openapi.yaml)',
    '[openapi.json (bundled)](./openapi.json)',
  ];
  return { ...description, info: { ...description.info, description: `${links.join(' · ')}\n\n${description.info.description ?? ''}` } };
}

/** The description as written, with the files it refers to (aktion's `examples/*.xml`) beside it, and the bundled one. */
async function copyDescription(root: string, api: ApiEntry, dir: string): Promise<void> {
  const source = join(root, api.source);
  await copyFile(source, join(dir, 'openapi.yaml'));
  for (const file of await referencedFiles(source)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await copyFile(join(dirname(source), file), join(dir, file));
  }
  await copyFile(join(root, api.bundle), join(dir, 'openapi.json'));
}

async function copySwaggerUi(dir: string): Promise<void> {
  const from = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  await mkdir(dir, { recursive: true });
  for (const file of SWAGGER_UI_FILES) await copyFile(join(from, file), join(dir, file));
}

/** Fails the build when a page would load anything from another host. */
async function assertOffline(out: string): Promise<void> {
  const found: string[] = [];
  for (const file of await htmlFiles(out)) {
    for (const url of externalFetches(await readFile(file, 'utf8'))) found.push(`${relative(out, file)}: ${url}`);
  }
  if (found.length > 0) throw new Error(`pages would load from other hosts:\n  ${found.join('\n  ')}`);
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/** Relative to the repository when inside it, else absolute. */
function shown(root: string, path: string): string {
  const rel = relative(root, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}
