/**
 * Reading a shell sample: its commands, how many `curl` calls each makes,
 * and what the doc says each answers. A comment `# → 401` (or `# => 401`),
 * at the end of a command or on the line under it, is the HTTP status its
 * calls answer, optionally followed by text the body holds:
 * `# → 401 "Code":401`. Without one, a call must be answered with a status
 * that is neither a 5xx nor 404 (a wrong path in a doc is a 404).
 *
 * @module
 */

export interface ShellCommand {
  /** The command, its `\`-continued lines joined, its comment dropped. */
  command: string;
  /** Its first line in the block (0-based). */
  line: number;
  /** How many times it calls curl (`$(curl …)` inside an assignment counts). */
  curlCalls: number;
  expect?: Expectation;
}

export interface Expectation {
  status: number;
  bodyContains?: string;
}

/** The commands of a shell block, in order. */
export function shellCommands(code: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  const lines = code.split('\n');
  let lastEnd = -2;
  for (let i = 0; i < lines.length; i++) {
    const first = i;
    let text = lines[i] as string;
    while (/\\\s*$/.test(text) && i + 1 < lines.length) text = text.replace(/\\\s*$/, ' ') + (lines[++i] as string).trim();
    const { code: command, comment } = splitComment(text);
    const expect = parseExpectation(comment);
    if (command.trim() === '') {
      // A comment line right under a command says what that command answers.
      const last = commands.at(-1);
      if (expect && last && !last.expect && first === lastEnd + 1) last.expect = expect;
      continue;
    }
    commands.push({ command: command.trim(), line: first, curlCalls: countCurl(command), ...(expect ? { expect } : {}) });
    lastEnd = i;
  }
  return commands;
}

/** `curl` as a command word: at the start, or after `|`, `;`, `&`, `(`, `$(`. */
function countCurl(command: string): number {
  return (command.match(/(?:^|[|;&(]\s*|\$\(\s*)curl(?=\s)/g) ?? []).length;
}

function parseExpectation(comment: string | undefined): Expectation | undefined {
  const match = comment === undefined ? null : /^#\s*(?:→|=>)\s*(\d{3})\b\s*(.*)$/.exec(comment.trim());
  if (!match) return undefined;
  const bodyContains = (match[2] as string).trim();
  return { status: Number(match[1]), ...(bodyContains ? { bodyContains } : {}) };
}

/** A shell line's code and its trailing comment: a `#` outside quotes, at the start or after a blank. */
function splitComment(line: string): { code: string; comment?: string } {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '\\') i++;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] as string))) return { code: line.slice(0, i), comment: line.slice(i) };
  }
  return { code: line };
}

/** What is wrong with a call's answer, if anything. */
export function judgeAnswer(status: number, body: string, expect: Expectation | undefined): string | undefined {
  if (expect) {
    if (status !== expect.status) return `answered ${status || 'nothing'}, the doc says ${expect.status}`;
    if (expect.bodyContains && !body.includes(expect.bodyContains)) return `the answer lacks ${expect.bodyContains}`;
    return undefined;
  }
  if (status === 0) return 'got no answer';
  if (status >= 500 || status === 404) return `answered ${status} (a 5xx or 404 needs a \`# → ${status}\` comment saying so)`;
  return undefined;
}
