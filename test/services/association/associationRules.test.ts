import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { ManualClock } from '../../../services/clock';
import { availability, creditMayBePending, decideLink, LinkRequest } from '../../../services/association/associationRules';
import { AssociationService } from '../../../services/association/associationService';
import { DEFAULT_LIMITS } from '../../../services/association/types';
import { MemoryAssociationStore } from '../../../services/memory/memoryAssociationStore';

const A = '1111111';
const B = '2222222';
const asA: LinkRequest = { mpnId: A, tenantId: 'tenant-a', userId: 'alice-at-a', proof: 'email' };
const asB: LinkRequest = { mpnId: B, tenantId: 'tenant-b', userId: 'alice-at-b', proof: 'email' };
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`).toISOString();

function setup(start = '2026-01-05T09:30:00Z', limits = DEFAULT_LIMITS) {
  const clock = new ManualClock(start);
  const store = new MemoryAssociationStore();
  const service = new AssociationService({ store, clock, limits });
  return { clock, store, service };
}

async function orgMembers(store: MemoryAssociationStore, mpnId: string): Promise<string[]> {
  const all: string[] = [];
  for await (const batch of store.scanOrgMembers(mpnId)) all.push(...batch);
  return all;
}

describe('association rules (R1–R4) on the seed timeline', () => {
  it('follows link A, refused B, B, A again, then the yearly limit', async () => {
    const { clock, store, service } = setup();
    const mcid = '10203040';

    // 5 Jan: link to A.
    let out = await service.link(mcid, asA);
    assert.equal(out.decision.kind, 'allowed');
    assert.deepEqual(await orgMembers(store, A), [mcid]);

    // 15 Jan: B refused by the 30-day cool-off, next date 4 Feb.
    clock.set('2026-01-15T12:00:00Z');
    out = await service.link(mcid, asB);
    assert.equal(out.decision.kind, 'refused');
    if (out.decision.kind !== 'refused') return;
    assert.deepEqual(out.decision.blockedBy, ['cooldown']);
    assert.equal(out.decision.nextDate.toISOString(), day('2026-02-04'));
    assert.equal(out.record.link?.mpnId, A, 'a refusal changes nothing');

    // 5 Feb: B works and A no longer has the person (R2, same step).
    clock.set('2026-02-05T08:00:00Z');
    out = await service.link(mcid, asB);
    assert.equal(out.decision.kind, 'allowed');
    if (out.decision.kind !== 'allowed') return;
    assert.equal(out.decision.switchFrom, A);
    assert.equal(out.record.link?.mpnId, B);
    assert.deepEqual(await orgMembers(store, A), []);
    assert.deepEqual(await orgMembers(store, B), [mcid]);
    assert.equal(out.record.ended.at(-1)?.reason, 'switched');

    // 16 Mar: back to A works; that is 3 in the window.
    clock.set('2026-03-16T10:00:00Z');
    out = await service.link(mcid, asA);
    assert.equal(out.decision.kind, 'allowed');
    if (out.decision.kind !== 'allowed') return;
    assert.equal(out.decision.usedAfter, 3);
    assert.equal(out.decision.nextDateAfter.toISOString(), day('2027-01-05'));

    // 25 Apr: a 4th is refused until 5 Jan of the next year, by the yearly limit alone.
    clock.set('2026-04-25T10:00:00Z');
    out = await service.link(mcid, asB);
    assert.equal(out.decision.kind, 'refused');
    if (out.decision.kind !== 'refused') return;
    assert.deepEqual(out.decision.blockedBy, ['yearlyLimit']);
    assert.equal(out.decision.nextDate.toISOString(), day('2027-01-05'));

    // The day before is still refused; 5 Jan 2027 is allowed.
    clock.set('2027-01-04T23:59:00Z');
    assert.equal((await service.link(mcid, asB)).decision.kind, 'refused');
    clock.set('2027-01-05T00:00:00Z');
    assert.equal((await service.link(mcid, asB)).decision.kind, 'allowed');
  });

  it('reports both limits when both block, with the later date', () => {
    const starts = [
      { mpnId: A, at: '2026-01-05T10:00:00Z' },
      { mpnId: B, at: '2026-02-05T10:00:00Z' },
      { mpnId: A, at: '2026-03-16T10:00:00Z' },
    ];
    const av = availability(starts, new Date('2026-03-20T10:00:00Z'), DEFAULT_LIMITS);
    assert.deepEqual(av.blockedBy, ['cooldown', 'yearlyLimit']);
    assert.equal(av.date.toISOString(), day('2027-01-05'));
    assert.equal(av.usedInWindow, 3);
  });

  it('re-linking to the current org is a no-op that uses no association', async () => {
    const { clock, service } = setup();
    await service.link('1', asA);
    clock.advanceDays(40);
    const out = await service.link('1', asA);
    assert.equal(out.decision.kind, 'noop');
    assert.equal(out.record.starts.length, 1);
  });

  it('removing a link never gives an association back', async () => {
    const { clock, service } = setup();
    await service.link('1', asA);
    const removed = await service.unlink('1', asA.userId);
    assert.equal(removed.kind, 'unlinked');
    clock.advanceDays(1);
    const out = await service.link('1', asA);
    assert.equal(out.decision.kind, 'refused', 'the 30 days still run from the first start');
    if (out.decision.kind === 'refused') assert.equal(out.decision.nextDate.toISOString(), day('2026-02-04'));
  });

  it('only the person who linked may remove their link (R5)', async () => {
    const { service } = setup();
    await service.link('1', asA);
    assert.equal((await service.unlink('1', 'someone-else')).kind, 'notOwner');
    assert.equal((await service.unlink('2', asA.userId)).kind, 'notLinked');
    assert.equal((await service.status('1')).record.link?.userId, asA.userId);
  });

  it('an admin removes only from their own org, and the reason is recorded', async () => {
    const { service } = setup();
    await service.link('1', asA);
    assert.equal((await service.removeFromOrg('1', B, 'admin-b')).kind, 'notOwner');
    const out = await service.removeFromOrg('1', A, 'admin-a');
    assert.equal(out.kind, 'unlinked');
    if (out.kind === 'unlinked') assert.equal(out.record.ended.at(-1)?.reason, 'removedByAdmin');
  });

  it('another person in the org cannot take a linked MCID by email; signing in proves ownership (R6)', async () => {
    const { service } = setup();
    await service.link('1', asA);
    const bob: LinkRequest = { ...asA, userId: 'bob-at-a' };
    assert.equal((await service.link('1', bob)).decision.kind, 'ownedByOther');
    const out = await service.link('1', { ...bob, proof: 'signin' });
    assert.equal(out.decision.kind, 'takeover');
    assert.equal(out.record.link?.userId, 'bob-at-a');
    assert.equal(out.record.starts.length, 1, 'a takeover in the same org is not a new association');
    assert.equal(await service.recordOfPerson('tenant-a', 'alice-at-a'), null);
    assert.equal((await service.recordOfPerson('tenant-a', 'bob-at-a'))?.mcid, '1');
  });

  it('supports a calendar-year window and other limits', () => {
    const limits = { ...DEFAULT_LIMITS, windowKind: 'calendar' as const };
    const starts = [
      { mpnId: A, at: '2026-01-05T10:00:00Z' },
      { mpnId: B, at: '2026-02-05T10:00:00Z' },
      { mpnId: A, at: '2026-03-16T10:00:00Z' },
    ];
    const av = availability(starts, new Date('2026-04-25T10:00:00Z'), limits);
    assert.equal(av.date.toISOString(), day('2027-01-01'));
    const loose = { ...DEFAULT_LIMITS, maxPerWindow: 5, cooldownDays: 7 };
    assert.deepEqual(availability(starts, new Date('2026-03-24T10:00:00Z'), loose).blockedBy, []);
    assert.deepEqual(availability(starts, new Date('2026-03-22T10:00:00Z'), loose).blockedBy, ['cooldown']);
  });

  it('counts the credit delay (R8) from the start of the link', () => {
    const link = { mpnId: A, tenantId: 't', userId: 'u', since: '2026-01-05T10:00:00Z', proof: 'email' as const };
    assert.equal(creditMayBePending(link, new Date('2026-01-14T10:00:00Z')), true);
    assert.equal(creditMayBePending(link, new Date('2026-01-15T10:00:01Z')), false);
  });

  it('decideLink on an empty record allows and reports the next date 30 days on', () => {
    const d = decideLink({ mcid: '1', version: 0, link: null, starts: [], ended: [] }, asA, new Date('2026-01-05T10:00:00Z'), DEFAULT_LIMITS);
    assert.equal(d.kind, 'allowed');
    if (d.kind === 'allowed') {
      assert.equal(d.usedAfter, 1);
      assert.equal(d.nextDateAfter.toISOString(), day('2026-02-04'));
    }
  });

  it('a record read ahead of a link that went stale meanwhile is read again: the rules see the write in between', async () => {
    const { clock, store, service } = setup();
    const mcid = '10203040';
    const readAhead = await service.record(mcid);
    assert.equal(readAhead.version, 0);
    // Someone else's link lands between the read and this person's click.
    await service.link(mcid, asA);
    clock.set('2026-01-06T10:00:00Z');
    const out = await service.link(mcid, asB, { record: readAhead });
    assert.equal(out.decision.kind, 'refused', 'decided on the stored record (linked to A yesterday), not on the stale empty one');
    assert.equal((await store.getRecord(mcid))?.link?.mpnId, A);
    assert.deepEqual(await orgMembers(store, B), []);
  });

  it('a record read ahead that is still current is used as read, and one for another MCID is refused', async () => {
    const { service, store } = setup();
    const current = await service.record('10203040');
    const out = await service.link('10203040', asA, { record: current });
    assert.equal(out.decision.kind, 'allowed');
    assert.equal((await store.getRecord('10203040'))?.version, 1);
    await assert.rejects(service.link('99999999', asA, { record: current }), /another MCID/);
  });

  it('previews on a record read ahead without reading it again, and refuses one for another MCID', async () => {
    const { service, store } = setup();
    const current = await service.record('10203040');
    const reads = sinon.spy(store, 'getRecord');
    const out = await service.preview('10203040', asA, current);
    assert.equal(out.decision.kind, 'allowed');
    assert.equal(out.record, current);
    assert.equal(reads.callCount, 0);
    await assert.rejects(service.preview('99999999', asA, current), /another MCID/);
  });

  it('tells the listeners of a link while the store writes its indexes, and answers once both are done', async () => {
    const clock = new ManualClock('2026-01-05T09:30:00Z');
    const store = new MemoryAssociationStore();
    const heard: string[] = [];
    const service = new AssociationService({
      store,
      clock,
      limits: DEFAULT_LIMITS,
      listeners: [
        {
          onRecordChanged: async (change) => {
            await new Promise((resolve) => setTimeout(resolve, 10));
            heard.push(`${change.prev.version}->${change.next.version} ${change.next.link?.mpnId}`);
          },
        },
      ],
    });
    const save = sinon.spy(store, 'saveRecord');
    await service.link('10203040', asA);
    assert.deepEqual(heard, [`0->1 ${A}`], 'the listener finished before link() resolved');
    assert.equal(typeof save.firstCall.args[2], 'function', 'the listeners ride with the save');
  });

  it('statusOf a record just read says what status says', async () => {
    const { clock, service } = setup();
    await service.link('10203040', asA);
    clock.set('2026-01-20T10:00:00Z');
    const byMcid = await service.status('10203040');
    assert.deepEqual(service.statusOf(byMcid.record), byMcid);
    assert.equal(byMcid.availability.usedInWindow, 1);
  });
});

describe('the yearly window: the same date one year later by default, rolling days as a setting', () => {
  const starts = (...days: string[]) => days.map((d) => ({ mpnId: 'org', at: `${d}T10:00:00Z` }));
  const full = (limits: typeof DEFAULT_LIMITS, last: string) => availability(starts('2027-03-10', '2027-05-01', last), new Date('2027-12-01T00:00:00Z'), limits);

  it('a place taken on 10 March 2027 frees on 10 March 2028, across the leap day', () => {
    const av = full(DEFAULT_LIMITS, '2027-07-01');
    assert.deepEqual(av.blockedBy, ['yearlyLimit']);
    assert.equal(av.date.toISOString(), '2028-03-10T00:00:00.000Z');
  });

  it('a place taken on 29 February frees on 1 March the year after', () => {
    const av = availability(starts('2028-02-29', '2028-04-01', '2028-06-01'), new Date('2028-12-01T00:00:00Z'), DEFAULT_LIMITS);
    assert.equal(av.date.toISOString(), '2029-03-01T00:00:00.000Z');
    // The day before, the 29 February start still counts; that day it no longer does.
    assert.equal(availability(starts('2028-02-29'), new Date('2029-02-28T12:00:00Z'), DEFAULT_LIMITS).usedInWindow, 1);
    assert.equal(availability(starts('2028-02-29'), new Date('2029-03-01T00:00:00Z'), DEFAULT_LIMITS).usedInWindow, 0);
  });

  it('LIMIT_WINDOW_KIND=rolling keeps counting LIMIT_WINDOW_DAYS: 365 days from 10 March 2027 is 9 March 2028', () => {
    const av = full({ ...DEFAULT_LIMITS, windowKind: 'rolling', windowDays: 365 }, '2027-07-01');
    assert.equal(av.date.toISOString(), '2028-03-09T00:00:00.000Z');
  });
});
