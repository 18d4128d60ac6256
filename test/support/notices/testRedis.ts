/** Kept for older imports: the one test-Redis helper is test/helpers/testRedis.ts. */
import type Redis from 'ioredis';
import { deleteByPrefix } from '../../helpers/testRedis';

export { connectTestRedis, uniquePrefix, TEST_REDIS_URL as REDIS_URL } from '../../helpers/testRedis';

export async function cleanUp(redis: Redis, prefix: string): Promise<void> {
  await deleteByPrefix(redis, prefix);
}
