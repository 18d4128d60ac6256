/**
 * "delete my data" on real Redis, with notices on BullMQ: afterwards no key
 * under the deployment's prefix (strings, hashes, sets, sorted sets, lists,
 * streams; names and values) holds the person's name, email or MCID in clear,
 * other people's data is untouched, and the abuse limits still refuse a
 * too-early link of the same MCID (R4).
 */
import { strict as assert } from 'node:assert';
import { ManualClock } from '../../../../services/clock';
import { dumpKeys, findInDump } from '../../../support/redisScan';
import { button, people, sampleProfiles, textOf } from '../../../support/conversationHarness';
import { useRedisConversations } from '../../../support/redisConversation';

const ALICE = ['10203040', 'alice@contoso.com', 'Alice', 'Martin'];

describe('privacy: erasure on Redis leaves no trace of the person', () => {
  const conversations = useRedisConversations();

  it('erases every key and value naming Alice, keeps Benoît’s data, and still refuses a too-early re-link with the R4 message', async function () {
    this.timeout(20_000);
    const clock = new ManualClock('2026-01-05T09:00:00Z');
    const { h, stores, client, prefix } = await conversations.open(clock);

    // Alice leaves data in every category: link, Partner University, a pending notice, a notice setting, an export link.
    await h.click(people.alice, button(await h.say(people.alice, 'link my certification'), 'link.confirm'));
    await h.click(people.benoit, button(await h.say(people.benoit, 'link my certification'), 'link.confirm'));
    await h.services.university.link(people.alice.tenantId, people.alice.userId, 'alice@contoso.com');
    const notify = await h.click(people.alice, button(await h.say(people.alice, 'status'), 'notices.notifyMe'));
    assert.match(textOf(notify.body), /I will tell you here on February 4, 2026/);
    await h.say(people.alice, 'stop notifications');
    await h.say(people.contosoAdmin, 'audit log');
    assert.match(textOf(await h.say(people.alice, 'my data')), /MCID 10203040: Alice Martin, alice@contoso.com/);

    const before = findInDump(await dumpKeys(client, prefix), ALICE);
    for (const needle of ALICE)
      assert.ok(
        before.some((f) => f.needle === needle),
        `the scan sees ${needle} before the erasure`,
      );
    assert.ok(
      before.some((f) => f.key.includes(':audit')),
      'the audit stream names her MCID before',
    );
    assert.ok(
      before.some((f) => f.key.includes('bull')),
      'the pending notice (BullMQ job) names her MCID before',
    );

    const confirm = await h.say(people.alice, 'delete my data');
    assert.match(textOf(confirm), /Kept: only the start dates of your associations, under a keyed hash of your MCID/);
    const done = await h.click(people.alice, button(confirm, 'privacy.erase.confirm'));
    assert.match(textOf(done.body), /Your data is deleted/);
    assert.match(textOf(done.body), /Your link to Contoso ended/);

    const dump = await dumpKeys(client, prefix);
    assert.deepEqual(findInDump(dump, ALICE), [], 'no key or value names Alice after the erasure');
    assert.ok(findInDump(dump, ['benoit@contoso.com', '10204151']).length >= 2, 'Benoît’s profile and link are still there');
    assert.ok(
      [...dump.keys()].some((k) => k.includes(':audit')),
      'the audit stream is still there (pseudonymized)',
    );

    // What is kept: start dates only, under the hash, expiring with the window.
    const pstarts = [...dump.keys()].filter((k) => k.includes('{pstarts:'));
    assert.equal(pstarts.length, 1);
    assert.deepEqual(JSON.parse(dump.get(pstarts[0])!), ['2026-01-05T09:00:00.000Z']);
    const ttl = await client.pttl(pstarts[0]);
    assert.ok(ttl > 0, 'the kept start dates expire');
    assert.match(pstarts[0], /\{pstarts:erased:[A-Za-z0-9_-]{32}\}$/);

    // The report counters followed the link: only Benoît is counted in Contoso now.
    assert.deepEqual(await client.zrange(`${prefix}{org:1234567}:report:starts`, 0, -1), ['10204151']);

    // Her profile comes back (a new Partner Center import); linking again 5 days later is still refused (R3/R4).
    await stores.profiles.upsert(sampleProfiles().find((p) => p.mcid === '10203040')!);
    clock.advanceDays(5);
    const again = textOf(await h.say(people.alice, 'link my certification'));
    assert.match(again, /However, we require a period of 30 days between associations\. Your next available date for a subsequent association is February 4, 2026 \(UTC\)\./);
  });
});
