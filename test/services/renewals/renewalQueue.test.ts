/**
 * Renewal reminders on the durable queue (BullMQ on the shared Redis): two notice processes (two
 * stores, two queue connections, two workers) schedule and run the same reminders; each is sent
 * once, also when it is queued again after it was sent (a restart, a second import), and the
 * person's reminders are found and removed by the privacy paths.
 */
import { strict as assert } from 'node:assert';
import type Redis from 'ioredis';
import { loadConfig } from '../../../bot/config';
import { renewalHandlers } from '../../../bot/proactive/renewalNotices';
import { Notices, startNotices } from '../../../bot/proactive/startNotices';
import { ManualClock } from '../../../services/clock';
import { CertificationProfile } from '../../../services/directory/types';
import { NoticeOutcome } from '../../../services/notices/noticeWorker';
import { ConversationRef, DueNotice, NoticeTransport } from '../../../services/notices/types';
import { PersonNotices } from '../../../services/privacy/personNotices';
import { redisNoticeStores } from '../../../services/redis/redisNotices';
import { planRenewals } from '../../../services/renewals/renewalPlanner';
import { waitFor } from '../../support/notices/waitFor';
import { dumpKeys } from '../../support/redisScan';
import { connectTestRedis, deleteByPrefix, TEST_REDIS_URL, uniquePrefix } from '../../support/testRedis';

const TENANT = 'tenant-renewals';
const person = { tenantId: TENANT, userId: 'aad-alice', mcid: '10203040' };
const TITLE = 'Microsoft Certified: Fabric Analytics Engineer Associate';
const profile: CertificationProfile = {
  mcid: person.mcid,
  firstName: 'Alice',
  lastName: 'Martin',
  emails: ['alice@contoso.com'],
  certifications: [{ number: 'DP-600', title: TITLE, type: 'certification', earnedOn: '2025-10-02', expiresOn: '2026-10-02' }],
};
const ref: ConversationRef = { serviceUrl: 'https://smba.example/', conversationId: 'a:alice', tenantId: TENANT, userId: person.userId, botId: '28:bot', locale: 'fr' };
const settings = { windowDays: 180, lastCallDays: 30 };

describe('renewal reminders on the Redis queue, two processes', function () {
  this.timeout(30_000);
  let redis: Redis;
  const prefix = uniquePrefix('renewal-queue');
  const sent: { worker: string; card: object }[] = [];
  const outcomes: NoticeOutcome[] = [];
  const processes: Notices[] = [];
  // The window opens on 5 April 2026 at midnight: the reminder is due as soon as it is queued.
  const clock = new ManualClock('2026-04-05T00:00:00Z');

  before(async () => {
    redis = await connectTestRedis();
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    for (const name of ['A', 'B']) {
      const stores = redisNoticeStores({ client: redis, queueTarget: TEST_REDIS_URL, keyPrefix: prefix, clock });
      const transport: NoticeTransport = { send: async (_ref, card) => (sent.push({ worker: name, card }), { ok: true }) };
      processes.push(
        await startNotices({
          config,
          stores,
          transport,
          clock,
          runWorkers: true,
          currentAvailability: async () => ({ nextDate: clock.now(), associationsLeft: 3, link: null, lastStartAt: null }),
          onOutcome: (n: DueNotice, outcome) => {
            if (n.renewal) outcomes.push(outcome);
          },
          renewals: renewalHandlers({
            settings,
            clock,
            linkOf: async () => ({ mpnId: '1234567', tenantId: TENANT, userId: person.userId, since: '2026-01-05T09:00:00Z', proof: 'email' }),
            profiles: { get: async () => profile },
            isAdmin: async () => false,
            people: async function* () {},
            orgName: () => 'Contoso',
          }),
        }),
      );
    }
    await processes[0].refs.save(ref);
  });

  after(async () => {
    for (const p of processes) await p.stop();
    await deleteByPrefix(redis, prefix);
    redis.disconnect();
  });

  it('sends each reminder once, however many processes queue and run it, in the person’s language', async () => {
    // Both processes plan the same person at once (two bots seeing the same import).
    const queued = await Promise.all(processes.map((p) => planRenewals(p.scheduler, person, profile, clock.now(), settings)));
    assert.ok(queued[0] + queued[1] >= 2, 'the window and the last call are queued');
    await waitFor(() => outcomes.length >= 1, 'the window reminder handled');
    const pending = await (processes[1].scheduler as unknown as PersonNotices).pendingFor(TENANT, person.userId);
    assert.deepEqual(
      pending.map((n) => n.renewal?.stage),
      ['lastCall'],
      'the last call waits in the queue, found by the person (privacy export)',
    );
    // Queued again after it was sent (a restart, the next import): the ledger remembers it.
    await processes[1].scheduler.schedule({ ...person, dueAt: clock.now(), reason: 'renewal', renewal: { title: TITLE, expiresOn: '2026-10-02', stage: 'window' } });
    await waitFor(() => outcomes.length >= 2, 'the reminder queued again handled');
    assert.deepEqual(outcomes, ['sent', 'duplicate']);
    assert.equal(sent.length, 1);
    assert.match(JSON.stringify(sent[0].card), /Il est temps de renouveler Microsoft Certified: Fabric Analytics Engineer Associate/);
    assert.match(JSON.stringify(sent[0].card), /dans 180 jours/);
    // An erasure removes the pending reminders too.
    assert.equal(await (processes[0].scheduler as unknown as PersonNotices).cancelAllFor(TENANT, person.userId), 1);
    assert.deepEqual(await (processes[0].scheduler as unknown as PersonNotices).pendingFor(TENANT, person.userId), []);
  });

  it('keys every reminder in hash-tagged slots: the ledger under its own tag, the queue under {bull}', async () => {
    const keys = [...(await dumpKeys(redis, prefix)).keys()];
    const untagged = keys.filter((k) => !/\{[^}]+\}/.test(k.slice(prefix.length)));
    assert.deepEqual(untagged, []);
    assert.ok(keys.some((k) => k.startsWith(`${prefix}ledger:{renewal:`)));
  });
});
