/**
 * Cases whose body does not read: JSON or XML broken in its syntax, a
 * DOCTYPE with entities, a form's percent-escapes that decode to nothing,
 * bytes that are not UTF-8, byte order marks. What the codec would write
 * is broken after it is written.
 *
 * @module
 */
import fc from 'fast-check';
import { type BodyContext, nonRoot, stringTargets } from './operation-context.js';
import { BAD_PERCENT_ESCAPES, INVALID_UTF8, JSON_BREAKAGES, XML_BREAKAGES, XML_DOCTYPES } from './payloads.js';
import { type Builders, encoded, perBody } from './request-draft.js';
import { printable, where } from './request-summary.js';
import { MARKER, withEscape, withValue, xmlInner } from './value-edits.js';

const utf8 = new TextEncoder();

/** The text as UTF-8, with `bytes` where the marker was. */
function replaceBytes(text: string, marker: string, bytes: readonly number[]): Uint8Array {
  const [before = '', after = ''] = text.split(marker);
  const head = utf8.encode(before);
  const tail = utf8.encode(after);
  const out = new Uint8Array(head.length + bytes.length + tail.length);
  out.set(head, 0);
  out.set(bytes, head.length);
  out.set(tail, head.length + bytes.length);
  return out;
}

/** The text as UTF-8, with `bytes` put in at `at` (wrapped to its length), even inside a character. */
function insertBytes(text: string, at: number, bytes: readonly number[]): Uint8Array {
  const whole = utf8.encode(text);
  const cut = at % (whole.length + 1);
  const out = new Uint8Array(whole.length + bytes.length);
  out.set(whole.subarray(0, cut), 0);
  out.set(bytes, cut);
  out.set(whole.subarray(cut), cut + bytes.length);
  return out;
}

/** The broken-body mutations, by kind. */
export const BROKEN_BODY_MUTATIONS = {
  'malformed-json'(ctx) {
    return perBody(
      ctx,
      (body) => body.format === 'json',
      () => fc.tuple(fc.constantFrom(...Object.keys(JSON_BREAKAGES)), fc.nat()),
      (_, draft, [breakage, at]) => {
        draft.body = (JSON_BREAKAGES[breakage] as (text: string, at: number) => string)(draft.body as string, at);
        return { kind: 'malformed-json', label: breakage, draft };
      },
    );
  },

  'malformed-xml'(ctx) {
    return perBody(
      ctx,
      (body) => body.format === 'xml',
      () => fc.tuple(fc.constantFrom(...Object.keys(XML_BREAKAGES)), fc.nat()),
      (base, draft, [breakage, at]) => {
        const root = base.body.context.root ?? /^<([^\s/>]+)/.exec(draft.body as string)?.[1] ?? 'Request';
        // An empty root is written `<Root />`; broken from its long form.
        const text = (draft.body as string).replace(new RegExp(`^<${root} />$`), `<${root}></${root}>`);
        draft.body = (XML_BREAKAGES[breakage] as (text: string, at: number, root: string) => string)(text, at, root);
        return { kind: 'malformed-xml', label: breakage, draft };
      },
    );
  },

  'xml-doctype'(ctx) {
    const strings = (body: BodyContext) => body.targets.filter((t) => nonRoot(t) && t.string);
    return perBody(
      ctx,
      (body) => body.format === 'xml',
      (body) => fc.tuple(fc.constantFrom(...Object.keys(XML_DOCTYPES)), strings(body).length > 0 ? fc.option(fc.constantFrom(...strings(body)), { nil: undefined }) : fc.constant(undefined)),
      (base, draft, [doctype, target]) => {
        const root = base.body.context.root ?? 'Request';
        const { prolog, reference } = (XML_DOCTYPES[doctype] as (root: string) => { prolog: string; reference: string })(root);
        const document = target
          ? encoded(base, withValue(base.body.value, target.path, MARKER)).replace(MARKER, reference)
          : `<${root}>${reference}${xmlInner(draft.body as string, root)}</${root}>`;
        draft.body = `${prolog}${document}`;
        return { kind: 'xml-doctype', label: `${doctype}${target ? ` in ${where(target.path)}` : ''}`, draft };
      },
    );
  },

  'bad-percent-encoding'(ctx) {
    return perBody(
      ctx,
      (body) => body.format === 'form',
      () => fc.record({ escape: fc.constantFrom(...BAD_PERCENT_ESCAPES), at: fc.nat(), inKey: fc.boolean(), how: fc.constantFrom('replacing', 'before', 'after') }),
      (_, draft, { escape, at, inKey, how }) => {
        const pairs = (draft.body as string).split('&').filter(Boolean);
        if (pairs.length === 0) pairs.push('x=1');
        const i = at % pairs.length;
        const [key = '', value = ''] = (pairs[i] as string).split(/=(.*)/s);
        pairs[i] = inKey ? `${withEscape(key, escape, how)}=${value}` : `${key}=${withEscape(value, escape, how)}`;
        draft.body = pairs.join('&');
        return { kind: 'bad-percent-encoding', label: `${escape} ${how} the ${inKey ? 'name' : 'value'} of ${printable(key)}`, draft };
      },
    );
  },

  'invalid-utf8'(ctx) {
    return perBody(
      ctx,
      () => true,
      (body) => fc.record({ bytes: fc.constantFrom(...INVALID_UTF8), target: stringTargets(body).length > 0 ? fc.option(fc.constantFrom(...stringTargets(body)), { nil: undefined, freq: 4 }) : fc.constant(undefined), at: fc.nat() }),
      (base, draft, { bytes, target, at }) => {
        draft.body = target ? replaceBytes(encoded(base, withValue(base.body.value, target.path, `a${MARKER}b`)), MARKER, bytes) : insertBytes(draft.body as string, at, bytes);
        const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join(' ');
        return { kind: 'invalid-utf8', label: `${hex} ${target ? `in ${where(target.path)}` : 'anywhere'}`, draft };
      },
    );
  },

  'bom-prefix'(ctx) {
    return perBody(
      ctx,
      () => true,
      () => fc.constantFrom('before the body', 'twice before the body', 'after the body'),
      (_, draft, where) => {
        const text = draft.body as string;
        draft.body = where === 'before the body' ? `\uFEFF${text}` : where === 'twice before the body' ? `\uFEFF\uFEFF${text}` : `${text}\uFEFF`;
        return { kind: 'bom-prefix', label: `a BOM ${where}`, draft };
      },
    );
  },
} satisfies Builders;
