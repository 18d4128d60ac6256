/** Kept for older imports: the one test-Redis helper is test/helpers/testRedis.ts. */
export { START_REDIS_HINT, connectTestRedis, deleteByPrefix, uniquePrefix } from './testRedis';
