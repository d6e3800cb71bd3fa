/**
 * Cases about a body's size and presence: larger than the servers' limit,
 * sent with a Content-Length or chunked (a limit must hold when no length
 * is announced), and a body sent to an operation that takes none.
 *
 * @module
 */
import fc from 'fast-check';
import { byteLength, type GeneratedRequest, type MutationKind } from './generated-request.js';
import { type OperationContext, stringTargets } from './operation-context.js';
import { alphanumeric, OTHER_MEDIA_TYPES, unicodeEdgeString } from './payloads.js';
import { baseArbitrary, type Builders, draftOf, encoded, finish, perBody } from './request-draft.js';
import { where } from './request-summary.js';
import { withValue } from './value-edits.js';

/** A body past the limit: padding in a string of a valid body, or filler where the operation takes no body. */
function oversized(ctx: OperationContext, chunked: boolean): fc.Arbitrary<GeneratedRequest> {
  const kind: MutationKind = chunked ? 'oversized-chunked' : 'oversized';
  const over = ctx.maxBodyBytes + 1;
  const largest = Math.max(over, ctx.largestBodyBytes - 4096);
  // Just past the limit as often as far past it.
  const size = fc.oneof(fc.integer({ min: over, max: over + 1024 }), fc.integer({ min: over, max: largest }));
  const framing = chunked ? 'chunked' : 'with Content-Length';
  if (ctx.bodies.length === 0) {
    return fc.tuple(baseArbitrary(ctx, undefined), size, fc.option(fc.constantFrom('application/json', 'application/octet-stream', 'text/plain'), { nil: undefined })).map(([base, bytes, type]) => {
      const draft = draftOf(ctx, base);
      draft.body = 'x'.repeat(bytes);
      draft.chunked = chunked;
      if (type !== undefined) draft.headers['content-type'] = type;
      return finish(ctx, kind, `${bytes} bytes ${framing}, though it takes no body`, draft);
    });
  }
  return perBody(
    ctx,
    () => true,
    () => fc.tuple(size, alphanumeric),
    (base, draft, [bytes, fill]) => {
      const { context, value } = base.body;
      // The padding goes where the schema has a string, else in a member of its own.
      const target = stringTargets(context)[0] ?? { path: context.targets[0]?.object ? ['padding'] : [] };
      draft.body = target.path.length === 0 && !context.targets[0]?.string ? fill.repeat(bytes) : encoded(base, withValue(value, target.path, fill.repeat(bytes)));
      draft.chunked = chunked;
      return { kind, label: `${byteLength(draft.body)} bytes ${framing}, ${where(target.path)} padded`, draft };
    },
  ) as fc.Arbitrary<GeneratedRequest>;
}

/** The size mutations, by kind. */
export const SIZE_MUTATIONS = {
  oversized: (ctx) => (ctx.bodiless ? undefined : oversized(ctx, false)),
  'oversized-chunked': (ctx) => (ctx.bodiless ? undefined : oversized(ctx, true)),

  'unexpected-body'(ctx) {
    if (ctx.plan.requestBody || ctx.bodiless) return undefined;
    return fc
      .record({
        base: baseArbitrary(ctx, undefined),
        body: fc.oneof(fc.json().map(String), fc.string({ maxLength: 64 }), unicodeEdgeString, fc.uint8Array({ minLength: 1, maxLength: 256 })),
        type: fc.option(fc.constantFrom(...OTHER_MEDIA_TYPES), { nil: undefined }),
        chunked: fc.boolean(),
      })
      .map(({ base, body, type, chunked }) => {
        const draft = draftOf(ctx, base);
        draft.body = body;
        draft.chunked = chunked;
        if (type !== undefined) draft.headers['content-type'] = type;
        return finish(ctx, 'unexpected-body', `${byteLength(body)} bytes${type === undefined ? '' : ` as "${type}"`}${chunked ? ', chunked' : ''}`, draft);
      });
  },
} satisfies Builders;
