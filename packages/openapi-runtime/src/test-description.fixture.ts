import type { OpenApiDocument } from './document.js';

/**
 * A small description exercising every media type the runtime handles:
 * the runtime's own tests use it instead of any vendor's spec.
 */
export const testDescription: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'runtime test', version: '1' },
  paths: {
    '/items/{group}': {
      post: {
        operationId: 'createItem',
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/Item' } },
            'application/x-www-form-urlencoded': { schema: { $ref: '#/components/schemas/Item' } },
            'application/xml': { schema: { $ref: '#/components/schemas/Item' } },
            'text/xml': { schema: { $ref: '#/components/schemas/Item' } },
          },
        },
        responses: {
          '200': {
            description: 'created',
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/Item' } },
              'application/xml': { schema: { $ref: '#/components/schemas/Item' } },
            },
          },
          '204': { description: 'nothing to say' },
          '400': { $ref: '#/components/responses/Problem' },
          '413': { $ref: '#/components/responses/Problem' },
          '415': { $ref: '#/components/responses/Problem' },
        },
      },
    },
  },
  components: {
    responses: {
      Problem: {
        description: 'refused',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } },
      },
    },
    schemas: {
      Item: {
        type: 'object',
        xml: { name: 'Item' },
        additionalProperties: false,
        required: ['name', 'count'],
        properties: {
          name: { type: 'string', minLength: 1 },
          count: { type: 'integer', minimum: 0 },
          note: { type: ['string', 'null'] },
          tags: { type: 'array', xml: { wrapped: true }, items: { type: 'string', xml: { name: 'string' } } },
          labels: { type: 'array', items: { type: 'string', xml: { name: 'Label' } } },
        },
      },
      Problem: {
        type: 'object',
        required: ['kind', 'message'],
        properties: { kind: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};
