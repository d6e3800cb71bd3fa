/**
 * What each description was last generated from, so that `pnpm gen` after one
 * description changed does the work of that one only: it loads redocly (about
 * 0.5 s) only when some input changed, and openapi-typescript (which loads
 * TypeScript, 1–1.5 s) only when a bundle changed.
 *
 * An entry, per source, holds the hashes of the generator's identity, of every
 * file the bundle read (redocly's `fileDependencies`) and of redocly.yaml, and
 * of the bundle and types written. A source is skipped only while all of them
 * still match the files on disk, so an edited input, an edited or deleted
 * output, or another redocly or openapi-typescript regenerates it.
 * `pnpm gen --check` does not use it: a check always generates everything.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Entry {
  identity: string;
  /** sha256 of each input, by path relative to the root. */
  inputs: Record<string, string>;
  bundle: string;
  types: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const hashOf = (path: string): Promise<string | undefined> => readFile(path, 'utf8').then(sha256, () => undefined);

let identity: Promise<string> | undefined;

/**
 * What else decides the output: where redocly and openapi-typescript are
 * installed (pnpm puts their versions, and TypeScript's, in the path) and this
 * package's generate.js (the header, how a bundle is printed), read without
 * loading either library.
 */
function generatorIdentity(): Promise<string> {
  identity ??= (async () => {
    const located = await Promise.all(['@redocly/openapi-core', 'openapi-typescript'].map((m) => realpath(fileURLToPath(import.meta.resolve(m)))));
    // generate.ts itself when run from source (the tests).
    const generator = await readFile(fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './generate.ts' : './generate.js', import.meta.url)), 'utf8');
    return sha256([...located, generator].join('\0'));
  })();
  return identity;
}

export class GenCache {
  private constructor(
    private readonly root: string,
    private readonly file: string,
    private readonly entries: Record<string, Entry>,
  ) {}

  /** The cache of the repository at `root`: `packages/codegen/.cache/gen.json` (git-ignored); empty when absent or unreadable. */
  static async open(root: string): Promise<GenCache> {
    const file = join(root, 'packages/codegen/.cache/gen.json');
    const entries = await readFile(file, 'utf8').then(
      (text) => JSON.parse(text) as Record<string, Entry>,
      () => ({}),
    );
    return new GenCache(root, file, entries);
  }

  /** The current bundle and types of `source` when nothing they derive from changed and neither was edited; else undefined. */
  async unchanged(source: string, bundlePath: string, typesPath: string): Promise<{ bundle: string; types: string } | undefined> {
    const entry = this.entries[source];
    if (entry?.identity !== (await generatorIdentity())) return undefined;
    for (const [path, hash] of Object.entries(entry.inputs)) if ((await hashOf(join(this.root, path))) !== hash) return undefined;
    const [bundle, types] = await Promise.all([bundlePath, typesPath].map((p) => readFile(join(this.root, p), 'utf8').catch(() => undefined)));
    if (bundle === undefined || types === undefined || sha256(bundle) !== entry.bundle || sha256(types) !== entry.types) return undefined;
    return { bundle, types };
  }

  /** The current types of `source` when they were generated from this very bundle and not edited since (a change that leaves the bundle as it was: a comment, a reformatting). */
  async typesOf(source: string, typesPath: string, bundle: string): Promise<string | undefined> {
    const entry = this.entries[source];
    if (entry?.identity !== (await generatorIdentity()) || entry.bundle !== sha256(bundle)) return undefined;
    const types = await readFile(join(this.root, typesPath), 'utf8').catch(() => undefined);
    return types !== undefined && sha256(types) === entry.types ? types : undefined;
  }

  /** Records what `source` was generated from: the files the bundle read (absolute or relative to the root), redocly.yaml, and what it made. */
  async record(source: string, read: Iterable<string>, bundle: string, types: string): Promise<void> {
    const inputs: Record<string, string> = {};
    for (const file of [...read, 'redocly.yaml']) {
      const path = (isAbsolute(file) ? relative(this.root, file) : file).split('\\').join('/');
      const hash = await hashOf(join(this.root, path));
      if (hash !== undefined) inputs[path] = hash;
    }
    this.entries[source] = { identity: await generatorIdentity(), inputs, bundle: sha256(bundle), types: sha256(types) };
  }

  /** Written after the generated files, so that an entry never describes a file not yet written. */
  async save(): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    await writeFile(this.file, `${JSON.stringify(this.entries, null, 2)}\n`);
  }
}
