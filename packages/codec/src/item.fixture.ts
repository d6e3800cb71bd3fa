import type { OpenApiDocument } from './document.js';

/** A tiny description whose `Item` uses every XML mapping the codec reads and writes. */
export const itemDescription: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'codec test', version: '1' },
  components: {
    schemas: {
      Item: {
        type: 'object',
        xml: { name: 'Item' },
        properties: {
          name: { type: 'string' },
          count: { type: 'integer' },
          ratio: { type: 'number' },
          done: { type: 'boolean' },
          note: { type: ['string', 'null'] },
          tags: { type: 'array', xml: { wrapped: true }, items: { type: 'string', xml: { name: 'string' } } },
          labels: { type: 'array', items: { type: 'string', xml: { name: 'Label' } } },
          inner: { anyOf: [{ $ref: '#/components/schemas/Inner' }, { type: 'null' }] },
        },
      },
      Inner: { type: 'object', properties: { size: { type: 'integer' } } },
    },
  },
};

export const ITEM = { $ref: '#/components/schemas/Item' };
