/**
 * The alphabets of the negative cases: characters, byte sequences and
 * syntax breakages that parsers and validators get wrong. Which field they
 * land in, and in which media type, is read off the description
 * (`operation-context.ts`) by the `*-mutations.ts` modules; these are only
 * what fast-check draws from.
 *
 * @module
 */
import fc from 'fast-check';
import { repeatedTo } from './value-edits.js';

/** One unicode edge case per entry: each a single unit for `fc.string({ unit })`. */
export const UNICODE_EDGES: readonly string[] = [
  '\uD800', // lone high surrogate
  '\uDBFF',
  '\uDC00', // lone low surrogate
  '\uDFFF',
  '\uDFFF\uD800', // a pair the wrong way round
  '\u0000', // NUL
  '\u0001',
  '\u001F',
  '\u007F',
  '\u0085', // NEL
  '\u200E', // LRM
  '\u200F', // RLM
  '\u202E', // RLO: reverses what follows
  '\u2066', // LRI
  '\u200B', // zero width space
  '\u200D', // ZWJ
  '\u2028', // line separator
  '\u2029',
  '\u00A0',
  '\u3000',
  '\uFEFF', // BOM / ZWNBSP
  '\uFFFD', // the replacement character
  '\uFFFE', // noncharacters
  '\uFFFF',
  '\uDBFF\uDFFF', // U+10FFFF
  '😀',
  '👩‍👩‍👧‍👦', // a ZWJ family
  '🏳️‍🌈',
  '🇫🇷', // regional indicators
  'e\u0301', // combining acute
  '\u0301', // a combining mark with nothing to combine with
  'Z\u0351\u036B\u0343\u036A\u0302\u036B\u033D\u034F\u0334\u0319\u0324\u031E\u0349\u035A\u032F\u031E\u0320\u034D', // zalgo
  'İ', // changes length when lower-cased
  'ß',
  'ﬃ',
  'Ω', // U+2126, NFC-normalizes to U+03A9
  '\u0130\u0131',
  'ا', // Arabic
  '\u05D0', // Hebrew
  '\r\n',
  '\t',
  ' ',
];

/** Strings made of unicode edge cases, mixed with ordinary text. */
export const unicodeEdgeString: fc.Arbitrary<string> = fc.string({
  unit: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...UNICODE_EDGES) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) }),
  minLength: 1,
  maxLength: 12,
});

/** Byte sequences that are not UTF-8. */
export const INVALID_UTF8: readonly (readonly number[])[] = [
  [0xff], // never in UTF-8
  [0xfe],
  [0x80], // a continuation byte alone
  [0xbf],
  [0xc3, 0x28], // a lead byte without its continuation
  [0xe2, 0x82], // truncated three-byte sequence
  [0xf0, 0x9f, 0x98], // truncated four-byte sequence
  [0xc0, 0xaf], // overlong "/"
  [0xe0, 0x80, 0xaf], // overlong "/"
  [0xed, 0xa0, 0x80], // a surrogate encoded (CESU-8)
  [0xed, 0xbf, 0xbf],
  [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
  [0xf8, 0x88, 0x80, 0x80, 0x80], // five-byte form
  [0xfe, 0xff], // a UTF-16 BOM
];

/** Percent-escapes that decode to nothing, or to bytes that are not UTF-8. */
export const BAD_PERCENT_ESCAPES: readonly string[] = ['%', '%z', '%zz', '%G0', '%2', '%%', '%%41', '%E0%A4', '%C3%28', '%FF', '%fe', '%80', '%ED%A0%80', '%C0%AF', '%F4%90%80%80', '%u0041', '+%'];

/** A token68 character (RFC 9110 §11.2): what a well-formed credential is made of. */
export const token68Char = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/'.split(''));

/** A well-formed credential of token68 characters. */
export const credentialToken = (maxLength: number): fc.Arbitrary<string> => fc.string({ unit: token68Char, minLength: 1, maxLength });

/** Letters and digits: filler that every codec writes as it is, one byte a character. */
export const alphanumeric = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split(''));

/** A long ASCII string, cheap to make at any length. */
export const longString = (min: number, max: number): fc.Arbitrary<string> =>
  fc.tuple(fc.string({ unit: alphanumeric, minLength: 1, maxLength: 8 }), fc.integer({ min, max })).map(([seed, length]) => repeatedTo(seed, length));

/** Header text that fetch can send: Latin-1, no CR, LF or NUL. */
export const headerText = (maxLength: number): fc.Arbitrary<string> =>
  fc.string({
    unit: fc.oneof({ weight: 8, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }).filter((c) => c >= ' ' && c !== '\u007F') }, { weight: 1, arbitrary: fc.integer({ min: 0xa0, max: 0xff }).map((c) => String.fromCharCode(c)) }),
    maxLength,
  });

/** How a JSON document is broken; each takes the valid text and a position drawn by fast-check. */
export const JSON_BREAKAGES: Record<string, (text: string, at: number) => string> = {
  truncated: (text, at) => text.slice(0, at % Math.max(text.length, 1)),
  'trailing comma': (text) => (text.endsWith('}') ? `${text.slice(0, -1)},}` : text.endsWith(']') ? `${text.slice(0, -1)},]` : `${text},`),
  'single quotes': (text) => (text.includes('"') ? text.replaceAll('"', "'") : `'${text}'`),
  'unquoted keys': (text) => (/"([A-Za-z_]\w*)":/.test(text) ? text.replace(/"([A-Za-z_]\w*)":/g, '$1:') : `{a:${text}}`),
  'block comment': (text, at) => (at % 2 === 0 ? `/* comment */${text}` : `${text}/* comment */`),
  'line comment': (text) => `// comment\n${text}`,
  'trailing garbage': (text, at) => `${text}${['x', '}', ']', ',', '{}', 'null', '\u0000'][at % 7]}`,
  'leading garbage': (text, at) => `${[")]}'\n", 'x', ',', '\u0000', '<'][at % 5]}${text}`,
  'two documents': (text) => `${text}${text}`,
  'unterminated string': (text, at) => `${text.slice(0, at % (text.length + 1))}"unterminated`,
  'lone bracket': (_, at) => ['{', '}', '[', ']', '{]', '[}', '{"a"', '{"a":}', '{:1}', '{,}', '[,]', '"'][at % 12] as string,
  'bare words': (_, at) => ['NaN', 'Infinity', '-Infinity', 'undefined', 'True', 'None', 'nul', 'tru', "{'a':1}"][at % 9] as string,
  'number forms': (_, at) => ['01', '1.', '.5', '+1', '0x10', '1e', '-', '1_000', '١'][at % 9] as string,
  'invalid escape': (_, at) => ['"\\x41"', '"\\u12"', '"\\q"', '"\\uD800\\u"', '"\\"', '"\\U0001F600"'][at % 6] as string,
  'raw control character': (text, at) => {
    const quote = text.indexOf('"');
    const raw = String.fromCharCode(at % 32);
    return quote < 0 ? `"a${raw}b"` : `${text.slice(0, quote + 1)}${raw}${text.slice(quote + 1)}`;
  },
};

/** How an XML document is broken (each keeps a root element the schema names, unless it says otherwise). */
export const XML_BREAKAGES: Record<string, (text: string, at: number, root: string) => string> = {
  'unclosed tags': (text, at) => text.slice(0, Math.max(1, at % Math.max(text.length, 1))),
  'closing tag missing': (text, _, root) => text.replace(new RegExp(`</${root}>$`), ''),
  'mismatched closing tag': (text, _, root) => text.replace(new RegExp(`</${root}>$`), `</${root}x>`),
  'two roots': (text) => `${text}${text}`,
  'undeclared entity': (text, at, root) => text.replace(`<${root}>`, `<${root}>${['&nbsp;', '&foo;', '&#xD800;', '&#0;', '&#x110000;', '&amp'][at % 6]}`),
  'unescaped markup': (text, at, root) => text.replace(`<${root}>`, `<${root}>${['<', '&', 'a < b', ']]>'][at % 4]}`),
  'attribute without quotes': (text, _, root) => text.replace(`<${root}`, `<${root} a=1`),
  'duplicate attribute': (text, _, root) => text.replace(`<${root}`, `<${root} a="1" a="2"`),
  'declaration out of place': (text, _, root) => text.replace(`<${root}>`, `<${root}><?xml version="1.0"?>`),
  'unterminated CDATA': (text, _, root) => text.replace(`<${root}>`, `<${root}><![CDATA[x`),
  'unterminated comment': (text, _, root) => text.replace(`<${root}>`, `<${root}><!-- x`),
  'empty tag name': (text, _, root) => text.replace(`<${root}>`, `<${root}><></>`),
  'not XML': (_, at) => ['Request', '{"a":1}', 'a=1&b=2', '<', '<>', '</Request>', '<?xml version="1.0"?>', '<!-- only a comment -->'][at % 8] as string,
  'text before the root': (text) => `garbage${text}`,
};

/** A DOCTYPE before the document, its entities used inside it: refused before anything is expanded. */
export const XML_DOCTYPES: Record<string, (root: string) => { prolog: string; reference: string }> = {
  'billion laughs': (root) => ({
    prolog: `<?xml version="1.0"?><!DOCTYPE ${root} [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>`,
    reference: '&lol3;',
  }),
  'external entity (XXE)': (root) => ({ prolog: `<?xml version="1.0"?><!DOCTYPE ${root} [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`, reference: '&xxe;' }),
  'parameter entity': (root) => ({ prolog: `<!DOCTYPE ${root} [<!ENTITY % p SYSTEM "http://127.0.0.1:1/evil.dtd"> %p;]>`, reference: '' }),
  'internal entity': (root) => ({ prolog: `<!DOCTYPE ${root} [<!ENTITY name "John.Doo">]>`, reference: '&name;' }),
  'harmless DOCTYPE': (root) => ({ prolog: `<!DOCTYPE ${root}>`, reference: '' }),
  'public DTD': (root) => ({ prolog: `<!DOCTYPE ${root} PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">`, reference: '' }),
};

/** Media types no operation of these descriptions documents, or not in that spelling. */
export const OTHER_MEDIA_TYPES: readonly string[] = [
  'text/plain',
  'text/plain; charset=utf-8',
  'text/html',
  'application/octet-stream',
  'multipart/form-data; boundary=----x',
  'application/x-www-form-urlencoded',
  'application/json',
  'text/json',
  'application/xml',
  'text/xml',
  'application/merge-patch+json',
  'application/problem+json',
  'application/soap+xml',
  'application/jsonx',
  'application/json-seq',
  'application/x-json',
  'json',
  'application/',
  '/json',
  '*/*',
  'application/*',
  'application/json, application/xml',
  'application/json application/xml',
  'foo/bar',
  '',
];

/** Parameters after a documented media type: the charsets a body may claim, and parameters that mean nothing. */
export const MEDIA_TYPE_PARAMETERS: readonly string[] = [
  '; charset=utf-8',
  '; charset=UTF-8',
  ';charset=utf-8',
  '; charset="utf-8"',
  '; charset=utf8',
  '; charset=latin1',
  '; charset=iso-8859-1',
  '; charset=windows-1252',
  '; charset=us-ascii',
  '; charset=utf-16',
  '; charset=utf-16le',
  '; charset=utf-32',
  '; charset=',
  '; charset',
  '; charset=utf-8; charset=latin1',
  '; boundary=x',
  '; q=0.5',
  ';',
  ';;',
  '; version=2',
];
