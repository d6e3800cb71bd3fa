/**
 * A Lua script run by its SHA1 (EVALSHA), loaded on first use and again
 * after Redis restarts (NOSCRIPT): each runs as one atomic step on the
 * Redis server, so check and act cannot be split by another process.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/** Redis keeps what its own expiry collects this long past the logical expiry, so that a test clock that stands still does not lose live data. */
export const GC_GRACE_MS = 3_600_000;
/** The most expired index members one call drops: each call adds at most a few, so the index keeps up without ever walking all of it. */
export const PURGE_BATCH = 100;

/**
 * Helpers every script starts with. Times are absolute milliseconds of the
 * servers' clock, passed in as ARGV (Redis's own clock is never read), and
 * compared as numbers: Lua's doubles hold them exactly.
 */
const PRELUDE = `
local GC_GRACE_MS = ${GC_GRACE_MS}
local PURGE_BATCH = ${PURGE_BATCH}

-- Redis's expiry only collects garbage: the logical remaining time plus the grace.
local function keep_for(key, remaining)
  redis.call('PEXPIRE', key, math.ceil(math.max(remaining, 0) + GC_GRACE_MS))
end

-- An index lives as long as its longest-lived member.
local function keep_at_least(key, remaining)
  local ttl = math.ceil(math.max(remaining, 0) + GC_GRACE_MS)
  if redis.call('PTTL', key) < ttl then redis.call('PEXPIRE', key, ttl) end
end

-- Drops a bounded batch of index members whose expiry has passed (counting ignores them anyway).
local function purge(index, now)
  local gone = redis.call('ZRANGEBYSCORE', index, '-inf', now, 'LIMIT', 0, PURGE_BATCH)
  if #gone > 0 then redis.call('ZREM', index, unpack(gone)) end
end

-- How many members of an index are live at now.
local function live_count(index, now)
  return redis.call('ZCOUNT', index, '(' .. now, '+inf')
end
`;

export class LuaScript {
  readonly source: string;
  readonly sha: string;

  constructor(
    readonly name: string,
    body: string,
  ) {
    this.source = `${PRELUDE}\n${body}`;
    this.sha = createHash('sha1').update(this.source).digest('hex');
  }

  async run(redis: Redis, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      // Not loaded yet, or Redis restarted empty: EVAL loads it (and runs it once, not twice: EVALSHA did nothing).
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}
