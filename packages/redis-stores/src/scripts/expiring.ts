/**
 * The ExpiringStore's writes. KEYS[1] is the entry (a hash of `value`, the
 * JSON, and `expiresAt`), KEYS[2] the store's index of live entries (a
 * sorted set of encoded keys by expiry) that its capacity counts. ARGV[1]
 * is now, ARGV[2] the index member.
 *
 * @module
 */
import { LuaScript } from './lua-script.js';

/**
 * The entry's expiry and its place in the index, for set and extend alike;
 * an expiry already past removes the entry. Answers whether it is live.
 */
const EXPIRE_AT = `
local function expire_at(member, at, now)
  local expires_at = tonumber(at)
  if expires_at <= now then
    redis.call('DEL', KEYS[1])
    redis.call('ZREM', KEYS[2], member)
    return false
  end
  redis.call('HSET', KEYS[1], 'expiresAt', at)
  keep_for(KEYS[1], expires_at - now)
  redis.call('ZADD', KEYS[2], at, member)
  keep_at_least(KEYS[2], expires_at - now)
  return true
end
`;

/** ARGV 3..5: value, expiresAt, capacity. Answers 1, or 0 when full and the key is not live. */
export const expiringSet = new LuaScript(
  'expiring-set',
  `${EXPIRE_AT}
local now, member, value, capacity = tonumber(ARGV[1]), ARGV[2], ARGV[3], tonumber(ARGV[5])
purge(KEYS[2], now)
local score = redis.call('ZSCORE', KEYS[2], member)
local live = score and tonumber(score) > now
if not live and live_count(KEYS[2], ARGV[1]) >= capacity then return 0 end
if expire_at(member, ARGV[4], now) then redis.call('HSET', KEYS[1], 'value', value) end
return 1
`,
);

/** ARGV 3: expiresAt. Answers 1, or 0 when the entry is not live (it is never revived). */
export const expiringExtend = new LuaScript(
  'expiring-extend',
  `${EXPIRE_AT}
local now, member = tonumber(ARGV[1]), ARGV[2]
local at = redis.call('HGET', KEYS[1], 'expiresAt')
if not at or tonumber(at) <= now then return 0 end
expire_at(member, ARGV[3], now)
return 1
`,
);

/** Removes the entry; answers its value if it was live (take), else false. */
export const expiringTake = new LuaScript(
  'expiring-take',
  `
local entry = redis.call('HMGET', KEYS[1], 'value', 'expiresAt')
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[2])
if entry[2] and tonumber(entry[2]) > tonumber(ARGV[1]) then return entry[1] end
return false
`,
);
