/**
 * `npm run bench:footprint`: bytes per person in Redis. Seeds a fresh prefix
 * on the bench Redis by linking BENCH_PEOPLE people (default 2,000) through the
 * real bot over HTTP (message + Confirm click, member lookups at the connector
 * stand-in), then sums MEMORY USAGE per key family and reads INFO memory.
 * Deletes its keys afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startCertLink } from '../bot/app';
import { loadConfig } from '../bot/config';
import { createRedis, waitUntilReady } from '../services/redis/redisConnection';
import { buttons } from '../test/support/conversationHarness';
import { startFakeConnector } from '../scripts/connectorStandIn';
import { infoField } from './redisCpu';
import { BENCH_REDIS_URL as REDIS_URL } from './scenarios';
import { activityFrom, clickActivity, Member, membersOf, postActivity } from '../test/support/liveBot';
import { runPool } from '../test/reliability/support/conflictLoad';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 2000);
const TENANT = 'f0f0f0f0-0000-4000-8000-000000000001';

function family(rest: string): string {
  const m = /^\{(\w+):/.exec(rest) ?? /^(\w+):/.exec(rest);
  if (!m) return 'other';
  if (m[1] === 'org') {
    const suffix = rest.slice(rest.indexOf('}:') + 2).split(':')[0];
    return { members: 'org members index', memberVersion: 'org membership versions (kept one day)', audit: 'org audit log (stream)' }[suffix] ?? `org ${suffix}`;
  }
  if (m[1] === 'person' && rest.endsWith(':convref')) return 'conversation reference (notices)';
  return (
    { mcid: 'association record', person: 'person → MCID', profile: 'profile', email: 'email → MCID', doc: 'session state (TTL 30 d)', once: 'redelivery claims (TTL 24 h)', count: 'rate counters (TTL)' }[m[1]] ?? m[1]
  );
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'certlink-footprint-'));
  const prefix = `bench:fp:${randomBytes(4).toString('hex')}:`;
  const people: Member[] = Array.from({ length: PEOPLE }, (_, i) => ({
    id: `29:fp${i}`,
    aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    tenantId: TENANT,
    email: `person${i}@footprint.example`,
    name: `Person ${i}`,
  }));
  const profiles = people.map((p, i) => ({
    mcid: String(80000000 + i),
    firstName: 'Bench',
    lastName: `Person ${i}`,
    emails: [p.email],
    certifications: [
      { number: 'AZ-104', title: 'Microsoft Certified: Azure Administrator Associate', type: 'certification', earnedOn: '2025-04-02', expiresOn: '2026-04-02' },
      { number: 'AZ-900', title: 'Microsoft Certified: Azure Fundamentals', type: 'certification', earnedOn: '2024-01-10' },
    ],
  }));
  writeFileSync(path.join(dir, 'orgs.json'), JSON.stringify({ orgs: [{ mpnId: '5550002', name: 'Footprint Org', tenantIds: [TENANT], globalAdmins: [] }] }));
  writeFileSync(path.join(dir, 'profiles.json'), JSON.stringify({ profiles }));
  const redis = createRedis(REDIS_URL);
  await waitUntilReady(redis, 5000);
  const before = Number(infoField(await redis.info('memory'), 'used_memory'));
  const connector = await startFakeConnector({ members: membersOf(people) as never, keepReplies: false });
  const replies = new Map<string, unknown>();
  connector.onReply((r) => r.replyToId && replies.set(r.replyToId, r.activity));
  const app = await startCertLink(
    loadConfig({ PORT: '0', REDIS_URL, REDIS_KEY_PREFIX: prefix, ORGS_FILE: path.join(dir, 'orgs.json'), PROFILES_FILE: path.join(dir, 'profiles.json'), RATE_LIMIT_LINK_ATTEMPTS: '0' }),
    pino({ level: 'silent' }),
  );
  const url = `http://127.0.0.1:${app.port}`;
  try {
    let linked = 0;
    await runPool(
      people.map((who) => async () => {
        const message = activityFrom(who, connector.url, { type: 'message', text: 'link my certification' });
        await postActivity(url, message);
        const button = buttons([replies.get(message.id as string)]).find((b) => b.verb === 'link.confirm');
        replies.delete(message.id as string);
        if (!button) return;
        const res = await postActivity(url, clickActivity(who, connector.url, button.verb, button.cardId));
        if (/Linked to/.test(JSON.stringify(res.json))) linked += 1;
      }),
      16,
    );
    const bytes = new Map<string, { keys: number; bytes: number }>();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      const sizes = await Promise.all(keys.map((k) => redis.memory('USAGE', k, 'SAMPLES', '0')));
      keys.forEach((k, i) => {
        const f = family(k.slice(prefix.length));
        const entry = bytes.get(f) ?? { keys: 0, bytes: 0 };
        entry.keys += 1;
        entry.bytes += Number(sizes[i] ?? 0);
        bytes.set(f, entry);
      });
    } while (cursor !== '0');
    const after = Number(infoField(await redis.info('memory'), 'used_memory'));
    console.log(`\nRedis footprint of ${linked} linked people (of ${PEOPLE}), one org, 2 certifications per profile, prefix ${prefix}\n`);
    console.log('| key family | keys | bytes (MEMORY USAGE) | bytes per person |');
    console.log('|---|---:|---:|---:|');
    let total = 0;
    let durable = 0;
    for (const [f, e] of [...bytes].sort((a, b) => b[1].bytes - a[1].bytes)) {
      total += e.bytes;
      if (!/TTL/.test(f)) durable += e.bytes;
      console.log(`| ${f} | ${e.keys} | ${e.bytes} | ${Math.round(e.bytes / PEOPLE)} |`);
    }
    console.log(`| **all** | | ${total} | **${Math.round(total / PEOPLE)}** |`);
    console.log(`| durable only (no TTL) | | ${durable} | **${Math.round(durable / PEOPLE)}** |`);
    console.log(`\nINFO memory used_memory grew by ${after - before} bytes (${Math.round((after - before) / PEOPLE)} per person; shared Redis, other users' keys move it too).`);
  } finally {
    await app.close();
    await connector.close();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
    redis.disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
