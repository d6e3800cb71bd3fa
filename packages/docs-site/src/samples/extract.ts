/**
 * The code blocks of Markdown files, and what the sample tests do with each.
 * The convention (docs/contract-testing.md, "The docs' code samples"):
 *
 * - ```` ```ts ```` (or `typescript`): a complete ES module (top-level
 *   `await` allowed, imports its own names), type-checked under `--strict`
 *   against the workspace's packages and run against a reference server;
 * - ```` ```ts no-run ````: type-checked only, for code that cannot run on
 *   its own (a vitest file, a server's factory shown with its arguments);
 * - ```` ```sh ```` (or `bash`, `shell`) with a `curl` command in it: run in
 *   `bash` against a reference server (see `shell.ts` for what it must
 *   answer); other shell blocks (installs, `pnpm` commands) are listed as
 *   skipped, with why;
 * - any other info string (`text`, `json`, `http`, `yaml`, …): output or an
 *   illustration, not a sample.
 *
 * A block with no info string, or a `ts` block with an attribute this file
 * does not know, is an error rather than silently skipped: a typo must not
 * turn a sample off.
 *
 * @module
 */
import { shellCommands } from './shell.js';

export type SampleMode = 'run' | 'typecheck' | 'shell' | 'skip' | 'other' | 'invalid';

export interface CodeBlock {
  /** A file relative to the repository, and the line of the block's opening fence (1-based). */
  file: string;
  line: number;
  /** The fence's info string: language, then attributes. */
  info: string;
  lang: string;
  attributes: string[];
  code: string;
  mode: SampleMode;
  /** Why a block is skipped, or what is wrong with it. */
  reason?: string;
}

const TS = new Set(['ts', 'typescript']);
const SHELL = new Set(['sh', 'bash', 'shell']);
const TS_ATTRIBUTES = ['no-run'];

/** Every fenced code block of a Markdown text (``` or ~~~, in a list item too), classified. */
export function extractBlocks(markdown: string, file: string): CodeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*(?:[-*+]|\d+[.)])?\s*)(`{3,}|~{3,})\s*([^`]*)$/.exec(lines[i] as string);
    if (!open) continue;
    const indent = (open[1] as string).length;
    const fence = open[2] as string;
    const close = new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !close.test(lines[j] as string); j++) {
      const line = lines[j] as string;
      // A block inside a list item is indented like its fence: that indentation is not the code's.
      body.push(line.slice(Math.min(indent, line.length - line.trimStart().length)));
    }
    const info = (open[3] as string).trim();
    const [lang = '', ...attributes] = info.split(/\s+/).filter(Boolean);
    const code = body.join('\n');
    blocks.push({ file, line: i + 1, info, lang: lang.toLowerCase(), attributes, code, ...classify(lang.toLowerCase(), attributes, code) });
    i = j;
  }
  return blocks;
}

function classify(lang: string, attributes: string[], code: string): { mode: SampleMode; reason?: string } {
  if (lang === '') return { mode: 'invalid', reason: 'a code block needs an info string: ts, sh, or text (json, http, …) for output and illustrations' };
  if (TS.has(lang)) {
    const unknown = attributes.find((a) => !TS_ATTRIBUTES.includes(a));
    if (unknown) return { mode: 'invalid', reason: `unknown attribute "${unknown}" of a \`${lang}\` block (known: ${TS_ATTRIBUTES.join(', ')})` };
    return { mode: attributes.includes('no-run') ? 'typecheck' : 'run' };
  }
  if (SHELL.has(lang)) {
    const commands = shellCommands(code);
    if (commands.some((c) => c.curlCalls > 0)) return { mode: 'shell' };
    const programs = [...new Set(commands.map((c) => c.command.split(/\s+/)[0]))].join(', ');
    return { mode: 'skip', reason: `no curl in it (it runs ${programs || 'nothing'}): only blocks that call the server are run` };
  }
  return { mode: 'other' };
}
