import { SaxesParser } from 'saxes';

/** An element of a parsed XML document, names without namespace prefix. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own character data (not its descendants'). */
  text: string;
}

/** Why a body could not be read: its syntax, a DOCTYPE (never read), nesting past the limit, a shape its schema cannot hold, or bytes that are not UTF-8. */
export type MalformedReason = 'syntax' | 'doctype' | 'depth' | 'shape' | 'encoding';

/** The XML was refused: not well-formed, carrying a DTD, or nested too deep. */
export class XmlRefusedError extends Error {
  override readonly name = 'XmlRefusedError';

  constructor(
    message: string,
    readonly reason: MalformedReason = 'syntax',
  ) {
    super(message);
  }
}

export interface ParseXmlOptions {
  /** Deeper documents are refused: they serve no login body and could exhaust the stack. */
  maxDepth?: number;
}

const localName = (qualified: string): string => qualified.slice(qualified.indexOf(':') + 1);

/**
 * Parses XML with saxes, a strict (well-formedness checking) parser. Any
 * DOCTYPE is refused outright, which closes XXE and entity-expansion
 * ("billion laughs") attacks before they start: no DTD is ever read, so no
 * entity is ever declared, and a reference to an undeclared entity is an
 * error. Parsing stops at the first error and at the depth limit (a handler
 * that throws stops saxes where it is), so a malformed document costs no
 * more than the part of it read so far.
 */
export function parseXml(text: string, { maxDepth = 32 }: ParseXmlOptions = {}): XmlElement {
  const parser = new SaxesParser({ position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const refuse = (message: string, reason?: MalformedReason): never => {
    throw new XmlRefusedError(message, reason);
  };

  parser.on('error', (err) => refuse(`malformed XML: ${err.message}`));
  parser.on('doctype', () => refuse('a DOCTYPE is not accepted (no DTDs, no entity declarations)', 'doctype'));
  parser.on('opentag', (tag) => {
    if (stack.length >= maxDepth) refuse(`XML nested deeper than ${maxDepth} elements`, 'depth');
    const element: XmlElement = { name: localName(tag.name), attributes: {}, children: [], text: '' };
    for (const [name, value] of Object.entries(tag.attributes)) element.attributes[localName(name)] = String(value);
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (data) => {
    const current = stack.at(-1);
    if (current) current.text += data;
  });
  parser.on('cdata', (data) => {
    const current = stack.at(-1);
    if (current) current.text += data;
  });

  try {
    parser.write(text).close();
  } catch (err) {
    if (err instanceof XmlRefusedError) throw err;
    throw new XmlRefusedError(`malformed XML: ${(err as Error).message}`);
  }
  if (!root) throw new XmlRefusedError('malformed XML: no root element');
  return root;
}
