/**
 * What every AssociationStore must do, run on the memory and the Redis adapter.
 * `store` and `other` are two clients on the same data (two connections on
 * Redis; the same object in memory), to show the compare-and-set holds across
 * bot processes.
 */
import { strict as assert } from 'node:assert';
import { AssociationStore } from '../../../services/association/associationStore';
import { AssociationService, ConcurrentUpdateError } from '../../../services/association/associationService';
import { LinkRequest } from '../../../services/association/associationRules';
import { DEFAULT_LIMITS, emptyRecord, McidRecord } from '../../../services/association/types';
import { DAY_MS, ManualClock } from '../../../services/clock';

export interface AssociationStoreFixture {
  store: AssociationStore;
  other: AssociationStore;
  /** Lets go of what the fixture holds on shared connections, after each test. */
  dispose?: () => void;
}

const A = '1111111';
const B = '2222222';

interface Who {
  mpnId: string;
  tenantId: string;
  userId: string;
}

/** The record after linking `who`, from `prev`, as the service would write it. */
function linked(prev: McidRecord, who: Who, at = '2026-01-05T09:00:00.000Z'): McidRecord {
  return {
    ...prev,
    version: prev.version + 1,
    link: { ...who, since: at, proof: 'email' },
    starts: [...prev.starts, { mpnId: who.mpnId, at }],
  };
}

function unlinked(prev: McidRecord): McidRecord {
  return { ...prev, version: prev.version + 1, link: null };
}

async function members(store: AssociationStore, mpnId: string, batchSize?: number): Promise<string[][]> {
  const batches: string[][] = [];
  for await (const batch of store.scanOrgMembers(mpnId, batchSize)) batches.push(batch);
  return batches;
}

async function memberSet(store: AssociationStore, mpnId: string): Promise<string[]> {
  return (await members(store, mpnId)).flat().sort();
}

const alice: Who = { mpnId: A, tenantId: 'tenant-a', userId: 'alice' };
const aliceAtB: Who = { mpnId: B, tenantId: 'tenant-b', userId: 'alice-b' };

export function describeAssociationStoreContract(name: string, make: () => Promise<AssociationStoreFixture>): void {
  describe(`AssociationStore contract: ${name}`, () => {
    let store: AssociationStore;
    let other: AssociationStore;
    let dispose: (() => void) | undefined;
    beforeEach(async () => {
      ({ store, other, dispose } = await make());
    });
    afterEach(() => dispose?.());

    it('stores a new record and reads it back from another client', async () => {
      assert.equal(await store.getRecord('100'), null);
      const next = linked(emptyRecord('100'), alice);
      assert.equal(await store.saveRecord(emptyRecord('100'), next), true);
      assert.deepEqual(await other.getRecord('100'), next);
      assert.equal(await other.mcidForPerson('tenant-a', 'alice'), '100');
      assert.deepEqual(await memberSet(other, A), ['100']);
      assert.equal(await other.countOrgMembers(A), 1);
    });

    it('refuses a stale version and writes nothing, indexes included', async () => {
      const v1 = linked(emptyRecord('100'), alice);
      assert.equal(await store.saveRecord(emptyRecord('100'), v1), true);
      const stale = linked(emptyRecord('100'), aliceAtB);
      assert.equal(await other.saveRecord(emptyRecord('100'), stale), false);
      assert.deepEqual(await store.getRecord('100'), v1);
      assert.deepEqual(await memberSet(store, B), []);
      assert.equal(await store.mcidForPerson('tenant-b', 'alice-b'), null);
      assert.deepEqual(await memberSet(store, A), ['100']);
    });

    it('lets exactly one of many concurrent saves with the same prev win, across two clients', async () => {
      const prev = emptyRecord('100');
      const attempts = Array.from({ length: 20 }, (_, i) => {
        const who: Who = { mpnId: String(3000000 + i), tenantId: `tenant-${i}`, userId: `user-${i}` };
        const client = i % 2 === 0 ? store : other;
        return client.saveRecord(prev, linked(prev, who)).then((won) => ({ won, who }));
      });
      const results = await Promise.all(attempts);
      const winners = results.filter((r) => r.won);
      assert.equal(winners.length, 1);
      const stored = await store.getRecord('100');
      assert.deepEqual(stored?.link?.mpnId, winners[0].who.mpnId);
      for (const r of results) {
        assert.deepEqual(await memberSet(store, r.who.mpnId), r.won ? ['100'] : [], `org ${r.who.mpnId}`);
      }
    });

    it('runs onWritten once the record is written, beside the indexes, and waits for it; never after a refused write', async () => {
      const v1 = linked(emptyRecord('100'), alice);
      let seen: McidRecord | null | undefined;
      let finished = false;
      const saved = await store.saveRecord(emptyRecord('100'), v1, async () => {
        seen = await other.getRecord('100');
        await new Promise((resolve) => setTimeout(resolve, 20));
        finished = true;
      });
      assert.equal(saved, true);
      assert.deepEqual(seen, v1, 'onWritten ran after the record was written');
      assert.equal(finished, true, 'saveRecord waited for onWritten');

      let calledOnRefusal = false;
      const refused = await other.saveRecord(emptyRecord('100'), linked(emptyRecord('100'), aliceAtB), async () => {
        calledOnRefusal = true;
      });
      assert.equal(refused, false);
      assert.equal(calledOnRefusal, false);
    });

    it('reports a save as done even when onWritten fails: the record is written', async () => {
      const v1 = linked(emptyRecord('100'), alice);
      assert.equal(await store.saveRecord(emptyRecord('100'), v1, () => Promise.reject(new Error('listener down'))), true);
      assert.deepEqual(await other.getRecord('100'), v1);
      assert.equal(await other.mcidForPerson('tenant-a', 'alice'), '100');
    });

    it('moves org membership from A to B on a switch', async () => {
      const v1 = linked(emptyRecord('100'), alice);
      await store.saveRecord(emptyRecord('100'), v1);
      const v2 = linked(v1, aliceAtB, '2026-02-05T09:00:00.000Z');
      assert.equal(await other.saveRecord(v1, v2), true);
      assert.deepEqual(await memberSet(store, A), []);
      assert.deepEqual(await memberSet(store, B), ['100']);
      assert.equal(await store.countOrgMembers(A), 0);
      assert.equal(await store.mcidForPerson('tenant-a', 'alice'), null);
      assert.equal(await store.mcidForPerson('tenant-b', 'alice-b'), '100');
    });

    it('clears org membership and the person index on unlink', async () => {
      const v1 = linked(emptyRecord('100'), alice);
      await store.saveRecord(emptyRecord('100'), v1);
      assert.equal(await store.saveRecord(v1, unlinked(v1)), true);
      assert.deepEqual(await memberSet(store, A), []);
      assert.equal(await store.mcidForPerson('tenant-a', 'alice'), null);
      assert.equal((await store.getRecord('100'))?.link, null);
    });

    it('leaves the person index alone when it already names another MCID', async () => {
      const first = linked(emptyRecord('100'), alice);
      await store.saveRecord(emptyRecord('100'), first);
      const second = linked(emptyRecord('200'), alice);
      await store.saveRecord(emptyRecord('200'), second);
      assert.equal(await store.mcidForPerson('tenant-a', 'alice'), '200');
      await store.saveRecord(first, unlinked(first));
      assert.equal(await store.mcidForPerson('tenant-a', 'alice'), '200');
    });

    it('finds a person whatever the case of the tenant id', async () => {
      await store.saveRecord(emptyRecord('100'), linked(emptyRecord('100'), { ...alice, tenantId: 'AbC-Tenant' }));
      assert.equal(await store.mcidForPerson('abc-tenant', 'alice'), '100');
      assert.equal(await store.mcidForPerson('ABC-TENANT', 'alice'), '100');
    });

    it('scans 1,200 members in batches no larger than asked, each once', async () => {
      const all = Array.from({ length: 1200 }, (_, i) => String(500000 + i));
      for (let i = 0; i < all.length; i += 100) {
        await Promise.all(all.slice(i, i + 100).map((mcid) => store.saveRecord(emptyRecord(mcid), linked(emptyRecord(mcid), { ...alice, userId: `u${mcid}` }))));
      }
      const batches = await members(other, A, 100);
      assert.ok(batches.length >= 12, `expected at least 12 batches, got ${batches.length}`);
      for (const b of batches) assert.ok(b.length > 0 && b.length <= 100, `batch of ${b.length}`);
      const flat = batches.flat();
      assert.equal(flat.length, 1200, 'no duplicates, none missing');
      assert.deepEqual([...flat].sort(), [...all].sort());
      assert.equal(await other.countOrgMembers(A), 1200);
    });

    it('reads many records in the order asked, with null for the missing', async () => {
      const r1 = linked(emptyRecord('100'), alice);
      const r2 = linked(emptyRecord('300'), aliceAtB);
      await store.saveRecord(emptyRecord('100'), r1);
      await store.saveRecord(emptyRecord('300'), r2);
      assert.deepEqual(await other.getRecords(['300', '999', '100']), [r2, null, r1]);
      assert.deepEqual(await other.getRecords([]), []);
    });

    it('keeps R1–R3 when services on two clients race 200 conflicting links on one MCID', async () => {
      const clock = new ManualClock('2026-01-05T09:00:00Z');
      const services = [store, other].map((s) => new AssociationService({ store: s, clock, limits: DEFAULT_LIMITS }));
      const orgs = ['4000001', '4000002', '4000003', '4000004'];
      const mcid = '777';
      let allowed = 0;

      const round = async () => {
        const outcomes = await Promise.allSettled(
          Array.from({ length: 200 }, (_, i) => {
            const req: LinkRequest = { mpnId: orgs[i % orgs.length], tenantId: `t${i % orgs.length}`, userId: `u${i}`, proof: 'email' };
            return services[i % 2].link(mcid, req);
          }),
        );
        for (const o of outcomes) {
          if (o.status === 'rejected') assert.ok(o.reason instanceof ConcurrentUpdateError, String(o.reason));
          else if (o.value.decision.kind === 'allowed') allowed++;
        }
      };

      // Day 0: one start. Day 10 and 20: the cool-off refuses every attempt. Day 31, 62: one more each. Day 70: cool-off again.
      for (const day of [0, 10, 20, 31, 62, 70]) {
        clock.set(new Date(Date.parse('2026-01-05T09:00:00Z') + day * DAY_MS));
        await round();
      }

      const record = await store.getRecord(mcid);
      assert.ok(record?.link);
      assert.equal(record.starts.length, 3);
      assert.equal(allowed, 3, 'each start was reported as allowed exactly once');
      const times = record.starts.map((s) => Date.parse(s.at));
      for (let i = 1; i < times.length; i++) assert.ok(times[i] - times[i - 1] >= 30 * DAY_MS, 'no two starts within 30 days');
      const inOrgs = [];
      for (const org of orgs) if ((await memberSet(store, org)).includes(mcid)) inOrgs.push(org);
      assert.deepEqual(inOrgs, [record.link.mpnId], 'in exactly the one org it is linked to');
    });
  });
}
