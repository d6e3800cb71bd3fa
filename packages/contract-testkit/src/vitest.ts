/**
 * Runs an API's contract scenarios in vitest, each on a fresh reference
 * server on loopback with a manual clock, every response checked by one
 * recorder.
 *
 * @module
 */
import { type DeliveredMessage, HashingPool, ManualClock, memoryStores, type Stores } from '@loginspec/login-kit';
import { ControlledHashingPool, controlledStores, Faults } from '@loginspec/login-kit/controls';
import { clientAddress } from '@loginspec/openapi-runtime/node';
import type { Context, Hono } from 'hono';
import { afterEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { exampleExchanges } from './examples.js';
import { ContractRecorder } from './recorder.js';
import type { ScenarioSuite } from './scenario.js';
import { type RunningServer, serveOnLoopback } from './serve.js';

/**
 * What the runner gives the server it starts: a clock it moves, a client
 * address that believes the tester as a proxy, an inbox, and stores and a
 * hashing pool it can make fail.
 */
export interface LoopbackServerOptions {
  clock: ManualClock;
  clientAddress: (c: Context) => string;
  deliver: (message: DeliveredMessage) => void;
  stores: Stores;
  hashing: HashingPool;
}

export interface LoopbackOptions {
  /** The reference server, built with the runner's clock and client address. */
  start(options: LoopbackServerOptions): Promise<Hono>;
}

/** On loopback the tester is the only peer, and is trusted to say which client it speaks for. */
const fromLoopback = clientAddress({ trustedProxies: ['127.0.0.1', '::1'] });

function loopbackOptions(clock: ManualClock, deliver: LoopbackServerOptions['deliver'], faults: Faults): LoopbackServerOptions {
  return {
    clock,
    clientAddress: fromLoopback,
    deliver,
    stores: controlledStores(() => memoryStores(clock), faults),
    hashing: new ControlledHashingPool(new HashingPool(), faults),
  };
}

/**
 * Registers one test per example exchange and per scenario. Answers the
 * recorder and a `serve` for the file's own white-box tests, and
 * `expectFullCoverage`, to call last: it registers the test that every
 * documented status of every operation was seen.
 *
 * @example
 * const contract = contractTests(enosSuite, { start: (options) => server.create({ ...options, scrypt: FAST }) });
 * it('…', async () => { const { baseUrl } = await contract.serve(app); … });
 * contract.expectFullCoverage();
 */
export function contractTests<Demo>(suite: ScenarioSuite<Demo>, { start }: LoopbackOptions) {
  const recorder = new ContractRecorder(suite.description);
  const servers: RunningServer[] = [];
  const serve = async (app: Hono) => {
    const server = await serveOnLoopback(app);
    servers.push(server);
    return server;
  };
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  describe(`${suite.api}: the description's examples`, () => {
    for (const op of suite.description.operations) {
      const exchanges = exampleExchanges(suite.description, op.operationId);
      if (exchanges.length === 0) continue;
      const path = suite.description.examplePath(op.operationId);
      it.each(exchanges)(`replays the $name example of ${op.operationId} ($mediaType) with status $status`, async (example) => {
        const { baseUrl } = await serve(await start(loopbackOptions(new ManualClock(), () => {}, new Faults())));
        const res = await recorder.fetch(`${baseUrl}${path}`, { method: op.method.toUpperCase(), body: example.body, headers: { 'content-type': example.mediaType } });
        expect(res.status).toBe(example.status);
      });
    }
  });

  describe(`${suite.api}: contract scenarios`, () => {
    for (const scenario of suite.scenarios) {
      it(scenario.name, async () => {
        const clock = new ManualClock();
        const delivered: DeliveredMessage[] = [];
        const faults = new Faults();
        const { baseUrl } = await serve(await start(loopbackOptions(clock, (message) => delivered.push(message), faults)));
        const inbox = async (to: string) => delivered.filter((m) => m.to === to).map((m) => m.text);
        const from = (address: string) => (input: Request | string | URL, init?: RequestInit) => {
          const request = new Request(input, init);
          request.headers.set('x-forwarded-for', address);
          return recorder.fetch(request);
        };
        // A scenario gets what it declared it needs, and nothing else: an undeclared need fails here, not against a real server.
        const needs = new Set(scenario.needs ?? []);
        await scenario.run({
          baseUrl,
          fetch: recorder.fetch,
          send: recorder.send,
          demo: suite.demo,
          ...(needs.has('clock') ? { clock } : {}),
          ...(needs.has('addresses') ? { from } : {}),
          ...(needs.has('inbox') ? { inbox } : {}),
          ...(needs.has('faults') ? { faults: { inject: async (fault) => faults.arm(fault) } } : {}),
        });
      });
    }
  });

  return {
    recorder,
    /** Serves an app on loopback for one test; it is closed after the test. */
    serve,
    /** Registers the file's last tests: every documented (operation, status), and every error code the server answers, has been seen. */
    expectFullCoverage() {
      it('has exercised every documented status of every operation', () => {
        expect(recorder.missing(), 'documented statuses no test exercised').toEqual([]);
      });
      it('has seen every error code the server answers, under each of its statuses', () => {
        expect(recorder.missingCodes(), 'documented error codes no test saw').toEqual([]);
      });
    },
  };
}

/** A reference server that can be made to fail: what its `create` takes of a harness. */
interface FailableServer {
  create(options: { clock: ManualClock; stores: Stores; scrypt: { N: number; r: number; p: number } }): Promise<Hono>;
}

/**
 * A reference server on a manual clock whose stores fail once `failStores`
 * is called, with fast hashing: for a server's answer to a store down.
 * `failStores` arms the fault and captures stderr, where the cause is
 * reported, and answers the capture.
 *
 * @example
 * const { app, failStores } = await storeFailureHarness(server);
 * const reported = failStores();
 * expect((await app.request('/login', { method: 'POST', body })).status).toBe(500);
 * expect(reported).toHaveBeenCalledTimes(1);
 */
export async function storeFailureHarness(server: FailableServer) {
  const clock = new ManualClock();
  const faults = new Faults();
  const app = await server.create({ clock, stores: controlledStores(() => memoryStores(clock), faults), scrypt: { N: 2 ** 10, r: 8, p: 1 } });
  const failStores = () => {
    const reported = vi.spyOn(console, 'error').mockImplementation(() => {});
    faults.arm({ kind: 'error' });
    return reported;
  };
  return { clock, app, failStores };
}

/**
 * The one report a failure made: told once, as one argument on one line
 * (no stack), and that line parsed as the JSON it must be.
 */
export function theOneReport(reported: MockInstance): unknown {
  expect(reported).toHaveBeenCalledTimes(1);
  const [line, ...rest] = reported.mock.calls[0] as unknown[];
  expect(rest).toEqual([]);
  expect(String(line)).not.toContain('\n');
  return JSON.parse(String(line));
}
