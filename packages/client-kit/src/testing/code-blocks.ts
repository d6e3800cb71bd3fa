/**
 * The fenced code blocks of a Markdown file, for tests that compile and run
 * the examples of READMEs and guides. The convention shared with docs/:
 * a ```ts block is compiled under --strict and run against the reference
 * servers (`http://localhost:4010` replaced by their real address); a
 * ```ts no-run block is compiled only (pseudo-code, a flow needing a mail).
 * Each block is a module of its own: it imports what it uses.
 */

export interface CodeBlock {
  /** The info string's first word: `ts`, `sh`, … */
  lang: string;
  /** The info string's other words: `no-run`, … */
  flags: string[];
  code: string;
  /** The line of the opening fence, from 1. */
  line: number;
}

/** Every fenced block (``` or ~~~, not indented) of `markdown`, in order. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})\s*(\S*)\s*(.*)$/.exec(lines[i] as string);
    if (!open) continue;
    const [, fence = '', lang = '', rest = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !(lines[j] as string).startsWith(fence); j++) body.push(lines[j] as string);
    blocks.push({ lang, flags: rest.split(/\s+/).filter(Boolean), code: body.join('\n'), line: i + 1 });
    i = j;
  }
  return blocks;
}

/** The TypeScript examples of `markdown`: each ```ts block, and whether it is to be run. */
export function typeScriptExamples(markdown: string): (CodeBlock & { run: boolean })[] {
  return codeBlocks(markdown)
    .filter((block) => block.lang === 'ts' || block.lang === 'typescript')
    .map((block) => ({ ...block, run: !block.flags.includes('no-run') }));
}
