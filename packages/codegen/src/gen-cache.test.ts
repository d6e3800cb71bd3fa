import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GenCache } from './gen-cache.js';
import { generateAll } from './generate-all.js';
import { writeGenerated } from './sync.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const description = (title: string) => `openapi: 3.1.0
info: { title: ${title}, version: 1.0.0 }
paths:
  /hello:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: './greeting.yaml' }
`;

/** A repository of one API whose description references another file. */
async function fakeRepo(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'loginspec-gen-cache-'));
  dirs.push(root);
  await writeFile(join(root, 'redocly.yaml'), 'apis:\n  a:\n    root: specs/a.yaml\n    x-openapi-ts:\n      output: gen/openapi.ts\n    x-loginspec-server: packages/a-server\n');
  await mkdir(join(root, 'specs'));
  await mkdir(join(root, 'packages'));
  await writeFile(join(root, 'specs/a.yaml'), description('A'));
  await writeFile(join(root, 'specs/greeting.yaml'), 'type: object\nproperties: { text: { type: string } }\n');
  return root;
}

/** Generates with the cache as `pnpm gen` does, writes, saves; returns the files. */
async function gen(root: string) {
  const cache = await GenCache.open(root);
  const files = (await generateAll(root, [], { cache })).sources.flatMap((s) => s.files);
  await writeGenerated(root, files);
  await cache.save();
  return files;
}

describe('GenCache', () => {
  // Loads redocly and openapi-typescript: seconds on a busy machine.
  it('keeps an unchanged source as written, and regenerates it when an input, redocly.yaml or an output changed', { timeout: 30_000 }, async () => {
    const root = await fakeRepo();
    const fresh = (await generateAll(root)).sources.flatMap((s) => s.files);
    expect(await gen(root)).toEqual(fresh);
    const cache = await GenCache.open(root);
    expect(await cache.unchanged('specs/a.yaml', 'gen/openapi.json', 'gen/openapi.ts')).toEqual({ bundle: fresh[0]!.content, types: fresh[1]!.content });

    await writeFile(join(root, 'specs/greeting.yaml'), 'type: object\nproperties: { words: { type: string } }\n');
    expect(await (await GenCache.open(root)).unchanged('specs/a.yaml', 'gen/openapi.json', 'gen/openapi.ts')).toBeUndefined();
    const edited = await gen(root);
    expect(edited[1]!.content).toContain('words');
    expect(edited).toEqual((await generateAll(root)).sources.flatMap((s) => s.files));

    await writeFile(join(root, 'gen/openapi.ts'), 'export {}; // edited by hand\n');
    expect(await (await GenCache.open(root)).unchanged('specs/a.yaml', 'gen/openapi.json', 'gen/openapi.ts')).toBeUndefined();
    expect(await gen(root)).toEqual(edited);

    await writeFile(join(root, 'redocly.yaml'), `${await readFile(join(root, 'redocly.yaml'), 'utf8')}# edited\n`);
    expect(await (await GenCache.open(root)).unchanged('specs/a.yaml', 'gen/openapi.json', 'gen/openapi.ts')).toBeUndefined();
  });

  it('keeps the types of a bundle that did not change, and only while they are as written', async () => {
    const root = await fakeRepo();
    const [bundle, types] = await gen(root);
    const cache = await GenCache.open(root);
    expect(await cache.typesOf('specs/a.yaml', 'gen/openapi.ts', bundle!.content)).toBe(types!.content);
    expect(await cache.typesOf('specs/a.yaml', 'gen/openapi.ts', `${bundle!.content} `)).toBeUndefined();
    await writeFile(join(root, 'gen/openapi.ts'), 'export {};\n');
    expect(await cache.typesOf('specs/a.yaml', 'gen/openapi.ts', bundle!.content)).toBeUndefined();
  });
});
