import type { Redis } from 'ioredis';

/** Keys SCAN is asked for per step, and the most one UNLINK removes: neither Redis nor the client holds more at once. */
export const SCAN_BATCH = 500;

/**
 * Removes every key matching `pattern`, walking the keyspace with SCAN in
 * batches and removing each batch with UNLINK (freed in Redis's background),
 * so that Redis is never blocked by one large command. Answers how many went.
 */
export async function unlinkMatching(redis: Redis, pattern: string): Promise<number> {
  let cursor = '0';
  let removed = 0;
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', SCAN_BATCH);
    cursor = next;
    // COUNT is a hint: a step may answer more, so UNLINK goes in chunks too.
    for (let i = 0; i < found.length; i += SCAN_BATCH) removed += await redis.unlink(...found.slice(i, i + SCAN_BATCH));
  } while (cursor !== '0');
  return removed;
}
