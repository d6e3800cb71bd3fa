/**
 * Cases that change one parameter of a valid request: a path parameter
 * outside its schema, overlong, with unicode edges or broken percent-escapes
 * in its segment; a required query, header or cookie parameter left out,
 * or one given a value its schema refuses.
 *
 * @module
 */
import fc from 'fast-check';
import type { GeneratedRequest, MutationKind } from './generated-request.js';
import { type OperationContext, type PathParameter, sendableSegment } from './operation-context.js';
import { BAD_PERCENT_ESCAPES, headerText, longString, token68Char, unicodeEdgeString } from './payloads.js';
import { anyBase, type Builders, draftOf, encodeSegment, finish, placeParameter } from './request-draft.js';
import { printable } from './request-summary.js';
import { insertAt, repeatedTo, withEscape } from './value-edits.js';

/** A case per path parameter: a valid base with that parameter's segment changed, refused when its raw value is outside its schema. */
function pathCase(
  ctx: OperationContext,
  kind: MutationKind,
  parameters: PathParameter[],
  mutate: (p: PathParameter) => fc.Arbitrary<{ raw: string | undefined; segment: string; label: string }>,
): fc.Arbitrary<GeneratedRequest> | undefined {
  if (parameters.length === 0) return undefined;
  return fc.oneof(
    ...parameters.map((p) =>
      fc.tuple(anyBase(ctx), mutate(p)).map(([base, mutation]) => {
        const draft = draftOf(ctx, base);
        draft.segments[p.name] = p.prefix + mutation.segment;
        draft.parametersRefused = mutation.raw !== undefined && !p.accepts(mutation.raw);
        return finish(ctx, kind, `${p.name} ${mutation.label}`, draft);
      }),
    ),
  );
}

/** The parameter mutations, by kind. */
export const PARAMETER_MUTATIONS = {
  'path-pattern'(ctx) {
    const constrained = ctx.pathParameters.filter((p) => p.constrained);
    if (constrained.length === 0) return undefined;
    return pathCase(ctx, 'path-pattern', constrained, (p) =>
      fc
        .oneof(
          p.valid.map((v) => v.toUpperCase()),
          p.valid.map((v) => `-${v}`),
          p.valid.map((v) => `${v}-`),
          p.valid.map((v) => `${v}_x`),
          p.valid.map((v) => `${v}.`),
          p.valid.map((v) => `${v} `),
          fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 16 }),
          fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
        )
        .filter((raw) => sendableSegment(raw) && !p.accepts(raw))
        .map((raw) => ({ raw, segment: encodeSegment(raw), label: `"${printable(raw)}"` })),
    );
  },

  'path-overlong'(ctx) {
    return pathCase(ctx, 'path-overlong', ctx.pathParameters, (p) => {
      const past = p.maxLength === undefined ? undefined : fc.integer({ min: p.maxLength + 1, max: p.maxLength + 64 });
      const lengths = past ? fc.oneof(past, fc.integer({ min: 64, max: 4000 })) : fc.integer({ min: 64, max: 4000 });
      return fc.tuple(p.valid, lengths).map(([valid, length]) => {
        const raw = repeatedTo(valid, length);
        return { raw, segment: encodeSegment(raw), label: `${length} characters` };
      });
    });
  },

  'path-unicode'(ctx) {
    return pathCase(ctx, 'path-unicode', ctx.pathParameters, (p) =>
      fc
        .tuple(p.valid, unicodeEdgeString, fc.nat(), fc.boolean())
        .map(([valid, edge, at, alone]) => (alone ? edge : insertAt(valid, at, edge)))
        .filter(sendableSegment)
        .map((raw) => ({ raw, segment: encodeSegment(raw), label: `"${printable(raw)}"` })),
    );
  },

  'path-percent'(ctx) {
    const escapes = [...BAD_PERCENT_ESCAPES, '%2F', '%2f', '%00', '%5C', '%3B', '%25', '%3F', '%23', '%20', '%0A', '%0D%0A', '%C0%AE%C0%AE'];
    return pathCase(ctx, 'path-percent', ctx.pathParameters, (p) =>
      fc.tuple(p.valid, fc.constantFrom(...escapes), fc.constantFrom('replacing', 'before', 'after', 'inside')).map(([valid, escape, how]) => {
        const segment = withEscape(encodeSegment(valid), escape, how);
        // What a server makes of a broken escape is its own reading: no verdict.
        return { raw: undefined, segment, label: `"${segment}"` };
      }),
    );
  },

  'parameter-missing'(ctx) {
    const required = ctx.otherParameters.filter((p) => p.required);
    if (required.length === 0) return undefined;
    return fc.tuple(anyBase(ctx), fc.constantFrom(...required)).map(([base, p]) => {
      const draft = draftOf(ctx, { ...base, others: { ...base.others, [`${p.in} ${p.name}`]: undefined } });
      draft.parametersRefused = true;
      return finish(ctx, 'parameter-missing', `${p.in} ${p.name}`, draft);
    });
  },

  'parameter-invalid'(ctx) {
    if (ctx.otherParameters.length === 0) return undefined;
    const escapes = fc.constantFrom(...BAD_PERCENT_ESCAPES, '%00', '%26', '%3D', '%23', '%0D%0A');
    return fc.oneof(
      ...ctx.otherParameters.map((p) => {
        type Drawn = { texts: string[]; raw: boolean; label: string };
        const values: fc.Arbitrary<Drawn> =
          p.in === 'query'
            ? fc.oneof(
                fc.constant<Drawn>({ texts: [''], raw: false, label: 'empty' }),
                unicodeEdgeString.map((text) => ({ texts: [text], raw: false, label: `"${printable(text)}"` })),
                longString(64, 4000).map((text) => ({ texts: [text], raw: false, label: `${text.length} characters` })),
                fc.tuple(p.valid, p.valid).map(([a, b]) => ({ texts: [a, b], raw: false, label: 'given twice' })),
                fc.tuple(p.valid, escapes).map(([valid, escape]) => ({ texts: [`${encodeSegment(valid)}${escape}`], raw: true, label: `"${valid}${escape}" (raw)` })),
              )
            : fc.oneof(
                fc.constant<Drawn>({ texts: [''], raw: false, label: 'empty' }),
                headerText(64).map((text) => ({ texts: [text], raw: false, label: `"${printable(text)}"` })),
                fc.string({ unit: token68Char, minLength: 513, maxLength: 4000 }).map((text) => ({ texts: [text], raw: false, label: `${text.length} characters` })),
              );
        return fc.tuple(anyBase(ctx), values).map(([base, { texts, raw, label }]) => {
          const draft = draftOf(ctx, { ...base, others: { ...base.others, [`${p.in} ${p.name}`]: undefined } });
          placeParameter(draft, p, texts, raw);
          // What a server makes of a broken escape is its own reading: no verdict.
          draft.parametersRefused = !raw && !p.accepts(p.in === 'header' ? [texts.join(', ')] : texts);
          return finish(ctx, 'parameter-invalid', `${p.in} ${p.name} ${label}`, draft);
        });
      }),
    );
  },
} satisfies Builders;
