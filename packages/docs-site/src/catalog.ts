import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readRegistry } from '@loginspec/codegen/registry';
import { load } from 'js-yaml';
import type { ClientPackage } from './code-samples.js';
import { type OpenApiDocument, referenceServerUrl } from './openapi.js';

export interface ApiEntry {
  name: string;
  /** The description, relative to the repository. */
  source: string;
  /** The bundled description, relative to the repository. */
  bundle: string;
  title: string;
  version: string;
  summary: string;
  /** The bundled description, parsed. */
  document: OpenApiDocument;
  /** The reference server's URL as the description lists it: `http://localhost:4010/<api>`. */
  baseUrl: string;
  /** The generated client: the package holding the bundle, and its `create<Api>Client`. */
  client: ClientPackage;
}

export interface GuideEntry {
  /** File name without `.md`. */
  name: string;
  /** The guide's first `# ` heading, else its name. */
  title: string;
  markdown: string;
}

/**
 * Every API of the registry (redocly.yaml `apis:`), described by its bundled
 * description, the JSON `pnpm gen` writes beside its types.
 */
export async function readApis(root: string): Promise<ApiEntry[]> {
  return Promise.all(
    (await readRegistry(root)).map(async ({ name, description, bundle, types }) => {
      const text = await readFile(join(root, bundle), 'utf8').catch(() => {
        throw new Error(`${description} has no bundled description ${bundle}: run \`pnpm gen\``);
      });
      const document = JSON.parse(text) as OpenApiDocument;
      const info = document.info;
      const summary = info.summary ?? info.description?.trim().split(/\n\s*\n/)[0] ?? '';
      return { name, source: description, bundle, title: info.title, version: info.version, summary, document, baseUrl: referenceServerUrl(document, name), client: await clientOf(root, name, types) };
    }),
  );
}

/** The client package generated beside `x-openapi-ts.output` (`packages/<api>-client/src/generated/openapi.ts`) and its factory. */
async function clientOf(root: string, api: string, types: string): Promise<ClientPackage> {
  const manifest = join(root, dirname(dirname(dirname(types))), 'package.json');
  const name = existsSync(manifest) ? ((JSON.parse(await readFile(manifest, 'utf8')) as { name?: string }).name ?? `@loginspec/${api}-client`) : `@loginspec/${api}-client`;
  const pascal = api.replace(/(^|[-_])([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
  return { name, factory: `create${pascal}Client` };
}

/** The Markdown guides of the top-level docs/ folder. */
export async function readGuides(root: string): Promise<GuideEntry[]> {
  const files = (await readdir(join(root, 'docs')).catch(() => [] as string[])).filter((f) => f.endsWith('.md')).sort();
  return Promise.all(
    files.map(async (file) => {
      const markdown = await readFile(join(root, 'docs', file), 'utf8');
      const name = file.slice(0, -'.md'.length);
      return { name, title: /^# (.+)$/m.exec(markdown)?.[1]?.trim() ?? name, markdown };
    }),
  );
}

/**
 * The files a description refers to, relative to its folder (`externalValue`
 * and `$ref` that are not in the document, e.g. aktion's `examples/*.xml`),
 * and theirs in turn: what must be served beside it for it to resolve.
 */
export async function referencedFiles(file: string): Promise<string[]> {
  const found = new Set<string>();
  const visit = async (path: string) => {
    let document: unknown;
    const text = await readFile(path, 'utf8');
    try {
      document = /\.(ya?ml|json)$/i.test(path) ? load(text) : undefined;
    } catch {
      return;
    }
    const refs: string[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if ((key === '$ref' || key === 'externalValue') && typeof value === 'string' && !value.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(value)) refs.push(value.split('#')[0] as string);
        else walk(value);
      }
    };
    walk(document);
    for (const ref of refs) {
      const target = join(dirname(path), decodeURI(ref));
      if (found.has(target)) continue;
      found.add(target);
      await visit(target);
    }
  };
  await visit(file);
  return [...found].map((target) => target.slice(dirname(file).length + 1)).sort();
}
