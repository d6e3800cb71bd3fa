/**
 * The SessionSlots' changes, each conditional on what the slot holds.
 * KEYS[1] is the slot (a hash of `holder` and `expiresAt`); ARGV[1] is now.
 * A slot whose session expired is empty.
 *
 * @module
 */
import { LuaScript } from './lua-script.js';

const LIVE_HOLDER = `
local function live_holder(slot, now)
  local held = redis.call('HMGET', slot, 'holder', 'expiresAt')
  if held[2] and tonumber(held[2]) > now then return held[1] end
  return nil
end

local function hold(slot, id, expires_at, now)
  if tonumber(expires_at) > now then
    redis.call('HSET', slot, 'holder', id, 'expiresAt', expires_at)
    keep_for(slot, tonumber(expires_at) - now)
  else
    redis.call('DEL', slot)
  end
end
`;

/** ARGV 2, 3: id, expiresAt. Answers {1}, or {0, holder}. */
export const slotClaim = new LuaScript(
  'slot-claim',
  `${LIVE_HOLDER}
local now = tonumber(ARGV[1])
local holder = live_holder(KEYS[1], now)
if holder then return {0, holder} end
hold(KEYS[1], ARGV[2], ARGV[3], now)
return {1}
`,
);

/** ARGV 2..4: current, next, expiresAt. Answers 1 if the slot held current. */
export const slotReplace = new LuaScript(
  'slot-replace',
  `${LIVE_HOLDER}
local now = tonumber(ARGV[1])
if live_holder(KEYS[1], now) ~= ARGV[2] then return 0 end
hold(KEYS[1], ARGV[3], ARGV[4], now)
return 1
`,
);

/** ARGV 2: id. Answers 1 if the slot held it (and is now empty). */
export const slotRelease = new LuaScript(
  'slot-release',
  `${LIVE_HOLDER}
if live_holder(KEYS[1], tonumber(ARGV[1])) ~= ARGV[2] then return 0 end
redis.call('DEL', KEYS[1])
return 1
`,
);
