/**
 * Cases that change the Content-Type of a valid body: a media type the
 * operation does not document, none at all, parameters after a documented
 * one, and its letters' case (media types are case-insensitive).
 *
 * @module
 */
import { parseMediaType } from '@loginspec/codec';
import fc from 'fast-check';
import { MEDIA_TYPE_PARAMETERS, OTHER_MEDIA_TYPES } from './payloads.js';
import { type Builders, perBody } from './request-draft.js';

/** The Content-Type mutations, by kind. */
export const MEDIA_TYPE_MUTATIONS = {
  'media-undocumented'(ctx) {
    const documented = new Set(ctx.plan.requestBody?.bodies.keys() ?? []);
    const others = OTHER_MEDIA_TYPES.filter((type) => !documented.has(parseMediaType(type)?.essence ?? ''));
    return perBody(
      ctx,
      () => others.length > 0,
      () => fc.constantFrom(...others),
      (_, draft, type) => {
        draft.headers['content-type'] = type;
        return { kind: 'media-undocumented', label: `Content-Type "${type}"`, draft };
      },
    );
  },

  'media-missing'(ctx) {
    return perBody(
      ctx,
      () => true,
      () => fc.constant(undefined),
      (_, draft) => {
        delete draft.headers['content-type'];
        return { kind: 'media-missing', label: 'no Content-Type', draft };
      },
    );
  },

  'media-charset'(ctx) {
    return perBody(
      ctx,
      () => true,
      () => fc.constantFrom(...MEDIA_TYPE_PARAMETERS),
      (base, draft, parameters) => {
        draft.headers['content-type'] = `${base.body.context.plan.mediaType}${parameters}`;
        return { kind: 'media-charset', label: `Content-Type "${draft.headers['content-type']}"`, draft };
      },
    );
  },

  'media-case'(ctx) {
    return perBody(
      ctx,
      () => true,
      (body) => fc.array(fc.boolean(), { minLength: body.plan.mediaType.length, maxLength: body.plan.mediaType.length }),
      (base, draft, flips) => {
        const type = base.body.context.plan.mediaType;
        let cased = [...type].map((c, i) => (flips[i] ? c.toUpperCase() : c)).join('');
        if (cased === type) cased = type.toUpperCase();
        draft.headers['content-type'] = cased;
        return { kind: 'media-case', label: `Content-Type "${cased}"`, draft };
      },
    );
  },
} satisfies Builders;
