import type { ContractRecorder, ScenarioContext, ScenarioNeed } from '@loginspec/contract-testkit';
import type { RemoteControls } from './remote-controls.js';
import type { OpenSessions } from './sessions.js';

type Fetch = ScenarioContext<unknown>['fetch'];

/**
 * A scenario's context against a server over HTTP: its fetch goes through
 * the recorder, and, where the server has test controls, the clock, inbox,
 * faults and client addresses it declared it needs. A move of the clock is
 * sent before the scenario's next request, so that the clock keeps the
 * synchronous shape the scenarios use in process. Given `sessions`, the
 * sessions the scenario opens are closed when it is done.
 */
export async function remoteContext<Demo>({
  api,
  baseUrl,
  demo,
  recorder,
  needs,
  controls,
  sessions,
}: {
  api: string;
  baseUrl: string;
  demo: Demo;
  recorder: ContractRecorder;
  needs: readonly ScenarioNeed[];
  controls?: RemoteControls;
  sessions?: OpenSessions;
}): Promise<{ context: ScenarioContext<Demo>; done: () => Promise<void> }> {
  let pending: Promise<unknown> = Promise.resolve();
  /** A control that failed unawaited (a move of the clock): the scenario's next request reports it. */
  let broken: unknown;
  const after = <T>(step: () => Promise<T>): Promise<T> => {
    const next = pending.then(step);
    pending = next.catch((error: unknown) => {
      broken ??= error;
    });
    return next;
  };
  const watched = sessions ? sessions.watch(recorder.fetch) : recorder.fetch;
  const ordered =
    (fetch: Fetch): Fetch =>
    async (input, init) => {
      await pending;
      if (broken !== undefined) throw broken;
      return fetch(input, init);
    };
  const context: ScenarioContext<Demo> = {
    baseUrl,
    fetch: ordered(watched),
    send: async (request) => {
      await pending;
      return recorder.send(request);
    },
    demo,
  };
  const closeSessions = async () => sessions?.close();
  if (!controls) return { context, done: closeSessions };

  const wanted = new Set(needs);
  let frozen = false;
  if (wanted.has('clock')) {
    let now = await controls.clock('freeze');
    frozen = true;
    context.clock = {
      now: () => now,
      advance(ms) {
        now += ms;
        after(() => controls.clock('advance', ms)).catch(() => undefined);
      },
    };
  }
  if (wanted.has('inbox')) context.inbox = (to) => after(() => controls.inbox(api, to));
  if (wanted.has('faults')) context.faults = { inject: (fault) => after(() => controls.inject(api, fault)) };
  if (wanted.has('addresses')) {
    // Under test controls the gateway believes X-Forwarded-For from its loopback peer, sent with the controls' token.
    context.from = (address) =>
      ordered((input, init) => {
        const request = new Request(input, init);
        for (const [name, value] of Object.entries(controls.from(address))) request.headers.set(name, value);
        return watched(request);
      });
  }
  return {
    context,
    async done() {
      await pending;
      if (frozen) await controls.clock('thaw');
      await closeSessions();
    },
  };
}
