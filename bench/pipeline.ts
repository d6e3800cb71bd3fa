/**
 * Section 4, the pipeline, in a temporary copy of the working tree (never
 * the tree itself): `pnpm gen` and `tsc -b packages/*` from clean outputs
 * (every dist, build info and generated description removed), then `pnpm
 * gen` again after one description changes, and `tsc -b` after that.
 * Node modules are linked, not copied: they are inputs, not outputs. pnpm
 * gen's record of what it generated from what (packages/codegen/.cache) is
 * an output too, removed with the others.
 */
import { execFile } from 'node:child_process';
import { appendFile, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readRegistry } from '@loginspec/codegen/registry';
import { during, step } from './progress.js';
import { root } from './servers.js';
import { fmt, type Settings } from './settings.js';
import { type Row, verdict } from './table.js';

const REGEN_MS = 3_000;
const run = promisify(execFile);

/** Wall time of a shell command in `cwd`, on every CPU; bounded at 5 minutes. */
async function timed(settings: Settings, cwd: string, command: string): Promise<number> {
  const [cmd, args] = settings.everyCpu('sh', ['-c', command]);
  const start = performance.now();
  await run(cmd, args, { cwd, timeout: 300_000, maxBuffer: 64 * 2 ** 20 });
  return performance.now() - start;
}

export async function pipeline(settings: Settings): Promise<Row[]> {
  const copy = await mkdtemp(join(tmpdir(), 'loginspec-bench-'));
  try {
    await during(`pipeline: copying the working tree to ${copy}`, async () => {
      await run('sh', ['-c', `tar -C "${root}" --exclude=./.git --exclude=./node_modules --exclude=./reports -cf - . | tar -C "${copy}" -xf -`], { timeout: 120_000, maxBuffer: 2 ** 20 });
      await symlink(join(root, 'node_modules'), join(copy, 'node_modules'));
      // Clean outputs: what gen and tsc -b would write.
      for (const pkg of await readdir(join(copy, 'packages'))) {
        await rm(join(copy, 'packages', pkg, 'dist'), { recursive: true, force: true });
        await rm(join(copy, 'packages', pkg, 'tsconfig.tsbuildinfo'), { force: true });
      }
      await rm(join(copy, 'packages/codegen/.cache'), { recursive: true, force: true });
      for (const api of await readRegistry(copy)) {
        await rm(join(copy, api.types), { force: true });
        await rm(join(copy, api.bundle), { force: true });
      }
    });
    const apis = await readRegistry(copy);
    const rows: Row[] = [];
    const gen = await during('pipeline: pnpm gen from clean outputs', timed(settings, copy, 'pnpm -s gen'));
    rows.push({ section: 'pipeline', subject: `pnpm gen, cold (${apis.length} descriptions and the fixtures)`, figure: `${fmt(gen / 1000, 1)} s`, against: '-', ratio: '-', target: '-', result: '-' });
    if (settings.quick) rows.push({ section: 'pipeline', subject: 'tsc -b packages/*, cold', figure: '-', against: '-', ratio: '-', target: '-', result: 'skipped: --quick' });
    else {
      const build = await during('pipeline: tsc -b packages/* from clean outputs', timed(settings, copy, 'pnpm exec tsc -b packages/*'));
      rows.push({ section: 'pipeline', subject: 'tsc -b packages/*, cold', figure: `${fmt(build / 1000, 1)} s`, against: '-', ratio: '-', target: '-', result: '-' });
    }
    // One description changes in a way that changes its bundle (a comment would not: gen keeps the types of an
    // unchanged bundle), so that its types are made again, as after any real edit.
    const changed = apis[0]?.name as string;
    await appendFile(join(copy, apis[0]?.description as string), '\nx-changed-by-bench: true\n');
    const regen = await during(`pipeline: pnpm gen after ${changed}'s description changed`, timed(settings, copy, 'pnpm -s gen'));
    rows.push({
      section: 'pipeline',
      subject: `pnpm gen after one description (${changed}) changed`,
      figure: `${fmt(regen / 1000, 2)} s`,
      against: `${fmt(REGEN_MS / 1000)} s`,
      ratio: `${fmt(regen / REGEN_MS, 2)}×`,
      target: `< ${fmt(REGEN_MS / 1000)} s`,
      result: verdict(regen < REGEN_MS),
    });
    const one = await during(`pipeline: pnpm gen ${changed} (only the changed API)`, timed(settings, copy, `pnpm -s gen ${changed}`));
    rows.push({ section: 'pipeline', subject: `pnpm gen ${changed} (the changed API only)`, figure: `${fmt(one / 1000, 2)} s`, against: '-', ratio: '-', target: '-', result: '-' });
    if (!settings.quick) {
      const rebuild = await during('pipeline: tsc -b packages/* after the change', timed(settings, copy, 'pnpm exec tsc -b packages/*'));
      rows.push({ section: 'pipeline', subject: 'tsc -b packages/* after the change', figure: `${fmt(rebuild / 1000, 1)} s`, against: '-', ratio: '-', target: '-', result: '-' });
    }
    step(`pipeline: gen ${fmt(gen)} ms, regen ${fmt(regen)} ms`);
    return rows;
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}
