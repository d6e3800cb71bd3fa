import { readFileSync } from 'node:fs';
import { Description, operationRouter, type RequestProblem } from '@loginspec/openapi-runtime';
import { Hono } from 'hono';
import { load } from 'js-yaml';
import type { TestHarness } from './harness.js';
import { localOnly } from './local-only.js';

/**
 * The controls' own description: the routes, their checks and their error
 * answers come from it. It has no generated types (it is no vendor API and
 * has no client package), so its handlers are loosely typed: each body is
 * typed where it is read, after the router has validated it.
 */
export const controlsDescription = new Description<Record<string, unknown>, string>(
  load(readFileSync(new URL('../../test-controls.openapi.yaml', import.meta.url), 'utf8')) as ConstructorParameters<typeof Description>[0],
);

type Answer = { status: number; body?: unknown };
interface LooseRequest {
  body: unknown;
  path: Record<string, unknown>;
  query: Record<string, unknown>;
}
type LooseRoute = (operationId: string, handlers: { reject: (...args: never[]) => unknown; handle: (request: LooseRequest) => Answer | Promise<Answer> }) => void;

/** What a 401 of the controls says of the scheme they take (RFC 9110 §11.6.1). */
const CHALLENGE = { headers: { 'www-authenticate': 'Bearer realm="loginspec test controls"' } };

/**
 * The test controls, as `test-controls.openapi.yaml` describes them, over
 * `harness`; its paths start with `/_controls`. Each request must carry the
 * harness's token (`Authorization: Bearer …`), and come from no other site.
 */
export function createControlsApp(harness: TestHarness): Hono {
  const app = new Hono();
  app.use('/_controls', localOnly());
  app.use('/_controls/*', localOnly());
  const route = operationRouter(app, controlsDescription, { security: { controlsToken: (credential: string) => (harness.knows(credential) ? true : undefined) } }) as unknown as LooseRoute;
  const errors = (operationId: string) => controlsDescription.errors(operationId as never);
  const invalid = (problem: RequestProblem) => (problem.kind === 'invalid-parameter' && problem.in === 'path' ? 'unknown-api' : 'invalid-request');
  const problems = {
    'invalid-parameter': invalid,
    unauthenticated: 'unauthorized',
    'invalid-body': 'invalid-request',
    'malformed-body': 'invalid-request',
    'missing-body': 'invalid-request',
    'body-too-large': 'body-too-large',
    'unsupported-media-type': 'unsupported-media-type',
  } as const;
  const reject = (operationId: string) => errors(operationId).rejectWith(problems, (problem) => (problem.kind === 'unauthenticated' ? CHALLENGE : undefined));
  const clockState = () => ({ now: harness.clock.now(), frozen: harness.clock.frozen });
  /** The API the path names, or the documented 404. */
  const apiOf = (operationId: string, path: Record<string, unknown>) => harness.apis.get(String(path.api)) ?? (errors(operationId).answer('unknown-api') as Answer);
  const isAnswer = (value: unknown): value is Answer => typeof (value as Answer).status === 'number';

  route('describeControls', {
    reject: reject('describeControls'),
    handle: () => ({ status: 200, body: { clock: clockState(), apis: Object.fromEntries([...harness.apis].map(([name, api]) => [name, { stores: [...api.stores.names] }])) } }),
  });

  route('moveClock', {
    reject: reject('moveClock'),
    handle({ body }) {
      const { action, ms } = body as { action: 'freeze' | 'advance' | 'thaw' | 'reset'; ms?: number };
      if (action === 'freeze') harness.clock.freeze();
      else if (action === 'thaw') harness.clock.thaw();
      else if (action === 'reset') harness.clock.reset();
      else if (ms === undefined) return errors('moveClock').answer('invalid-request', { body: { message: 'advance needs ms' } });
      else harness.clock.advance(ms);
      return { status: 200, body: clockState() };
    },
  });

  route('resetApi', {
    reject: reject('resetApi'),
    async handle({ path }) {
      const api = apiOf('resetApi', path);
      if (isAnswer(api)) return api;
      try {
        await harness.reset(api);
      } catch {
        // Shared stores that did not answer (Redis down): nothing is certain to be emptied, and the test must know.
        return errors('resetApi').answer('store-unavailable') as Answer;
      }
      return { status: 204 };
    },
  });

  route('injectFault', {
    reject: reject('injectFault'),
    handle({ path, body }) {
      const api = apiOf('injectFault', path);
      if (isAnswer(api)) return api;
      const fault = body as { kind: 'error' | 'busy' | 'full'; count?: number; store?: string };
      if (fault.kind === 'full' && !api.stores.names.includes(fault.store ?? '')) {
        return errors('injectFault').answer('invalid-request', { body: { message: `a full fault names one of the API's stores: ${api.stores.names.join(', ')}` } });
      }
      api.faults.arm(fault);
      return { status: 204 };
    },
  });

  route('readInbox', {
    reject: reject('readInbox'),
    handle({ path, query }) {
      const api = apiOf('readInbox', path);
      if (isAnswer(api)) return api;
      return { status: 200, body: api.inbox.read(String(query.to)) };
    },
  });

  return app;
}
