/**
 * Pretty-prints an XML document for reading: one element per line, indented
 * by depth, an element holding only text kept on one line. Whitespace
 * between elements is dropped; text, attributes, comments, CDATA and
 * declarations are kept as written. Answers the text unchanged when it does
 * not read as well-formed XML, so that nothing is ever lost.
 */
export function prettyXml(text: string, indent = '  '): string {
  const tokens = tokenize(text.trim());
  if (!tokens) return text;
  const lines: string[] = [];
  const stack: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const pad = indent.repeat(stack.length);
    if (token.kind === 'open') {
      const text = tokens[i + 1];
      const close = tokens[i + 2];
      // <a>text</a> and <a></a> stay on one line.
      if (text?.kind === 'text' && close?.kind === 'close' && close.name === token.name) {
        lines.push(pad + token.raw + text.raw + close.raw);
        i += 2;
        continue;
      }
      if (text?.kind === 'close' && text.name === token.name) {
        lines.push(pad + token.raw + text.raw);
        i += 1;
        continue;
      }
      lines.push(pad + token.raw);
      stack.push(token.name);
    } else if (token.kind === 'close') {
      if (stack.pop() !== token.name) return text;
      lines.push(indent.repeat(stack.length) + token.raw);
    } else if (token.kind === 'text') {
      lines.push(pad + token.raw.trim());
    } else {
      lines.push(pad + token.raw);
    }
  }
  return stack.length === 0 ? lines.join('\n') : text;
}

type Token = { kind: 'open' | 'close'; name: string; raw: string } | { kind: 'text' | 'other'; raw: string };

/** Tags, text, comments, CDATA, processing instructions and declarations; undefined when a markup does not close. */
function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    if (text[at] !== '<') {
      const end = text.indexOf('<', at);
      const raw = text.slice(at, end === -1 ? text.length : end);
      if (raw.trim() !== '') tokens.push({ kind: 'text', raw });
      at = end === -1 ? text.length : end;
      continue;
    }
    const ends: [string, string][] = [
      ['<!--', '-->'],
      ['<![CDATA[', ']]>'],
      ['<?', '?>'],
      ['<!', '>'],
    ];
    const special = ends.find(([start]) => text.startsWith(start, at));
    if (special) {
      const end = text.indexOf(special[1], at);
      if (end === -1) return undefined;
      const raw = text.slice(at, end + special[1].length);
      // CDATA is text: it stays inline with its element.
      tokens.push({ kind: special[0] === '<![CDATA[' ? 'text' : 'other', raw });
      at = end + special[1].length;
      continue;
    }
    const end = tagEnd(text, at);
    if (end === -1) return undefined;
    const raw = text.slice(at, end + 1);
    const name = /^<\/?\s*([^\s/>]+)/.exec(raw)?.[1];
    if (!name) return undefined;
    if (raw.startsWith('</')) tokens.push({ kind: 'close', name, raw });
    else if (raw.endsWith('/>')) tokens.push({ kind: 'other', raw });
    else tokens.push({ kind: 'open', name, raw });
    at = end + 1;
  }
  return tokens;
}

/** The `>` that ends the tag starting at `start`, skipping quoted attribute values. */
function tagEnd(text: string, start: number): number {
  let quote: string | undefined;
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
    else if (c === '<') return -1;
  }
  return -1;
}
