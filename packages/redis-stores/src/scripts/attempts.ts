/**
 * The AttemptCounter's steps. KEYS[1] is the counter's index (a sorted set
 * of encoded keys by the time they stop counting: the newest attempt plus
 * the window it was counted under), which its capacity counts; KEYS[2..]
 * are the counted keys, each a sorted set of reservation ids by the time
 * of the attempt, at most `max` of them. ARGV[1] is now.
 *
 * @module
 */
import { LuaScript } from './lua-script.js';

/**
 * ARGV 2, 3: capacity, reservation id; then per key: index member, max,
 * windowMs. All or none: every limit is checked before any is written.
 * Answers {1}, or {0, retryAfterMs}.
 */
export const attemptsReserve = new LuaScript(
  'attempts-reserve',
  `
local now, capacity, id = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3]
local retry, new_keys, longest = 0, 0, 0
local limits = {}
for i = 2, #KEYS do
  local at = 4 + (i - 2) * 3
  local limit = { key = KEYS[i], member = ARGV[at], max = tonumber(ARGV[at + 1]), window = tonumber(ARGV[at + 2]) }
  limits[#limits + 1] = limit
  longest = math.max(longest, limit.window)
  local count = redis.call('ZCOUNT', limit.key, '(' .. (now - limit.window), '+inf')
  if count == 0 then new_keys = new_keys + 1 end
  if count >= limit.max then
    -- The place that frees first is the oldest of the newest max attempts (all inside the window).
    local nth = limit.max > 0 and redis.call('ZRANGE', limit.key, -limit.max, -limit.max, 'WITHSCORES') or {}
    local frees = nth[2] and tonumber(nth[2]) + limit.window - now or limit.window
    retry = math.max(retry, frees)
  end
end
if retry > 0 then return {0, math.ceil(retry)} end
if new_keys > 0 then
  purge(KEYS[1], now)
  if live_count(KEYS[1], ARGV[1]) + new_keys > capacity then return {0, longest} end
end
for _, limit in ipairs(limits) do
  redis.call('ZREMRANGEBYSCORE', limit.key, '-inf', now - limit.window)
  redis.call('ZADD', limit.key, now, id)
  -- Only the newest max attempts can ever matter: each key stays bounded.
  redis.call('ZREMRANGEBYRANK', limit.key, 0, -(limit.max + 1))
  keep_for(limit.key, limit.window)
  redis.call('ZADD', KEYS[1], now + limit.window, limit.member)
  keep_at_least(KEYS[1], limit.window)
end
return {1}
`,
);

/** ARGV 2: reservation id; then the index member of each key. Gives the attempt's place back under each key still counted. */
export const attemptsRelease = new LuaScript(
  'attempts-release',
  `
local now, id = tonumber(ARGV[1]), ARGV[2]
for i = 2, #KEYS do
  local key, member = KEYS[i], ARGV[i + 1]
  local until_at = redis.call('ZSCORE', KEYS[1], member)
  local newest = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
  if until_at and tonumber(until_at) > now and newest[2] and redis.call('ZREM', key, id) == 1 then
    -- The index holds the newest attempt's time plus its window: the window is their difference.
    local window = tonumber(until_at) - tonumber(newest[2])
    local last = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
    local counts_until = last[2] and tonumber(last[2]) + window or now
    if counts_until > now then
      redis.call('ZADD', KEYS[1], counts_until, member)
      keep_for(key, counts_until - now)
    else
      redis.call('DEL', key)
      redis.call('ZREM', KEYS[1], member)
    end
  end
end
return 1
`,
);

/** ARGV 2..: the index member of each key. Forgets every attempt under them. */
export const attemptsClear = new LuaScript(
  'attempts-clear',
  `
for i = 2, #KEYS do
  redis.call('DEL', KEYS[i])
  redis.call('ZREM', KEYS[1], ARGV[i])
end
return 1
`,
);
