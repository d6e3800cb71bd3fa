import { randomUUID } from 'node:crypto';
import type { AttemptCounter, Clock, CountedLimit, Reservation } from '@loginspec/login-kit';
import type { RedisConnection } from './connection.js';
import { encodeKey, type StoreKeys } from './keys.js';
import { attemptsClear, attemptsRelease, attemptsReserve } from './scripts/attempts.js';

/** An AttemptCounter in Redis: see scripts/attempts.ts for the keys and each step. */
export class RedisAttemptCounter implements AttemptCounter {
  constructor(
    readonly name: string,
    readonly capacity: number,
    private readonly connection: RedisConnection,
    private readonly clock: Clock,
    private readonly keys: StoreKeys,
  ) {}

  async reserve(limits: readonly CountedLimit[]): Promise<Reservation> {
    // Random, not a counter: ids must not collide between processes sharing the keys.
    const id = randomUUID();
    const args = limits.flatMap((l) => [encodeKey(l.key), l.max, l.windowMs]);
    const answer = (await this.connection.call(`${this.name} reserve`, (r) =>
      attemptsReserve.run(r, this.#keysOf(limits.map((l) => l.key)), [this.clock.now(), this.capacity, id, ...args]),
    )) as [number, number?];
    if (answer[0] !== 1) return { granted: false, retryAfterMs: Number(answer[1]) };
    return { granted: true, id, keys: limits.map((l) => l.key) };
  }

  async release(reservation: Reservation & { granted: true }): Promise<void> {
    const { id, keys } = reservation;
    await this.connection.call(`${this.name} release`, (r) => attemptsRelease.run(r, this.#keysOf(keys), [this.clock.now(), id, ...keys.map(encodeKey)]));
  }

  async clear(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.connection.call(`${this.name} clear`, (r) => attemptsClear.run(r, this.#keysOf(keys), [this.clock.now(), ...keys.map(encodeKey)]));
  }

  #keysOf(keys: readonly string[]): string[] {
    return [this.keys.index('attempt'), ...keys.map((k) => this.keys.of('attempt', k))];
  }
}
