/**
 * Takes a fetch slot for one host, atomically across every worker, using Redis's clock (so workers' clocks
 * need not agree). A slot is a lease in a sorted set scored by its expiry, so the slot of a worker that died
 * mid-fetch frees itself. Returns 0 when the slot is taken, or how many ms to wait before asking again.
 *
 * KEYS[1] leases (sorted set: holder -> lease expiry, ms)
 * KEYS[2] next start allowed (ms), a plain key
 * ARGV[1] holder, ARGV[2] max concurrent fetches, ARGV[3] min delay between starts (ms), ARGV[4] lease (ms)
 */
export const ACQUIRE_HOST_SLOT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local maxConcurrent = tonumber(ARGV[2])
local minDelay = tonumber(ARGV[3])
local lease = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + lease, ARGV[1])
  return 0
end
local nextStart = tonumber(redis.call('GET', KEYS[2]) or '0')
if nextStart > now then return nextStart - now end
if redis.call('ZCARD', KEYS[1]) >= maxConcurrent then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return math.max(50, math.min(tonumber(first[2]) - now, 1000))
end
redis.call('ZADD', KEYS[1], now + lease, ARGV[1])
redis.call('PEXPIRE', KEYS[1], lease)
if minDelay > 0 then
  redis.call('SET', KEYS[2], now + minDelay, 'PX', minDelay)
end
return 0
`;

/** KEYS[1] leases; ARGV[1] holder. */
export const RELEASE_HOST_SLOT = `return redis.call('ZREM', KEYS[1], ARGV[1])`;
