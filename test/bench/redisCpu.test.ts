import { strict as assert } from 'node:assert';
import { infoField, parseRedisCpuSeconds, redisCpuSeconds } from '../../bench/redisCpu';
import { createRedis } from '../../services/redis/redisConnection';
import { connectTestRedis } from '../support/testRedis';

describe('bench: Redis CPU time', () => {
  it('adds used_cpu_sys and used_cpu_user from INFO cpu, ignoring the children and main-thread lines', () => {
    const info = '# CPU\r\nused_cpu_sys:1.250000\r\nused_cpu_user:2.500000\r\nused_cpu_sys_children:9.000000\r\nused_cpu_user_children:9.000000\r\nused_cpu_sys_main_thread:1.000000\r\n';
    assert.equal(parseRedisCpuSeconds(info), 3.75);
  });

  it('reads one field by its whole name, not one that merely starts with it', () => {
    const info = '# Memory\r\nused_memory_rss:999\r\nused_memory:1048576\r\n';
    assert.equal(infoField(info, 'used_memory'), 1048576);
    assert.equal(infoField(info, 'used_memory_peak'), null);
  });

  it('says it does not know when a field is missing', () => {
    assert.equal(parseRedisCpuSeconds('# CPU\r\nused_cpu_sys:1.0\r\n'), null);
    assert.equal(parseRedisCpuSeconds(''), null);
  });

  it('reads a real server, whose CPU time only grows', async () => {
    const client = await connectTestRedis();
    try {
      const before = await redisCpuSeconds(client);
      assert.ok(before !== null && before > 0);
      for (let i = 0; i < 200; i++) await client.ping();
      const after = await redisCpuSeconds(client);
      assert.ok(after !== null && after >= before);
    } finally {
      client.disconnect();
    }
  });

  it('gives null, not an error, when Redis cannot be asked', async () => {
    const client = createRedis('redis://127.0.0.1:1', { connectTimeoutMs: 200, maxReconnectDelayMs: 200 });
    try {
      assert.equal(await redisCpuSeconds(client), null);
    } finally {
      client.disconnect();
    }
  });
});
