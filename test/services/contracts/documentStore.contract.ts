import { strict as assert } from 'node:assert';
import { DocumentStore } from '../../../services/kv/documentStore';

export interface DocumentStoreFixture {
  store: DocumentStore;
  /** A second client on the same data. */
  other: DocumentStore;
  elapse(seconds: number): Promise<void>;
}

async function written(store: DocumentStore, key: string, value: unknown, etag?: string, ttl?: number): Promise<string> {
  const r = await store.write(key, value, etag, ttl);
  assert.ok(r.ok, `write of ${key} refused`);
  return r.etag;
}

export function describeDocumentStoreContract(name: string, make: () => Promise<DocumentStoreFixture>): void {
  describe(`DocumentStore contract: ${name}`, () => {
    let store: DocumentStore;
    let other: DocumentStore;
    let elapse: (s: number) => Promise<void>;
    beforeEach(async () => {
      ({ store, other, elapse } = await make());
    });

    it('reads back what was written, with its etag, and only the keys that exist', async () => {
      const etag = await written(store, 'conv/1', { dialogStack: [{ id: 'ask' }], n: 1 });
      const docs = await other.read(['conv/1', 'conv/missing']);
      assert.deepEqual([...docs.keys()], ['conv/1']);
      assert.deepEqual(docs.get('conv/1'), { value: { dialogStack: [{ id: 'ask' }], n: 1 }, etag });
    });

    it('writes with the current etag and refuses a stale one, changing nothing', async () => {
      const e1 = await written(store, 'k', { v: 1 });
      const e2 = await written(other, 'k', { v: 2 }, e1);
      assert.notEqual(e2, e1);
      assert.deepEqual(await store.write('k', { v: 3 }, e1), { ok: false, reason: 'conflict' });
      assert.deepEqual(await store.read(['k']), new Map([['k', { value: { v: 2 }, etag: e2 }]]));
    });

    it("lets '*' and a missing etag overwrite whatever is there", async () => {
      await written(store, 'k', { v: 1 });
      await written(store, 'k', { v: 2 });
      const e3 = await written(other, 'k', { v: 3 }, '*');
      assert.deepEqual((await store.read(['k'])).get('k'), { value: { v: 3 }, etag: e3 });
    });

    it('refuses an etag for a document that does not exist', async () => {
      assert.deepEqual(await store.write('nothing-here', { v: 1 }, 'some-etag'), { ok: false, reason: 'conflict' });
      assert.equal((await store.read(['nothing-here'])).size, 0);
    });

    it('deletes, and an etag from before the delete never matches again', async () => {
      const e1 = await written(store, 'k', { v: 1 });
      await written(store, 'j', { v: 1 });
      await other.delete(['k', 'j', 'never-there']);
      assert.equal((await store.read(['k', 'j'])).size, 0);
      await written(store, 'k', { v: 2 });
      assert.deepEqual(await store.write('k', { v: 3 }, e1), { ok: false, reason: 'conflict' });
    });

    it('drops a document when its time to live is up; a later write without one keeps it', async () => {
      await written(store, 'expiring', { v: 1 }, undefined, 1);
      await written(store, 'kept', { v: 1 }, undefined, 1);
      await written(store, 'kept', { v: 2 }, '*');
      await written(store, 'long', { v: 1 }, undefined, 60);
      await elapse(1.2);
      const docs = await store.read(['expiring', 'kept', 'long']);
      assert.deepEqual([...docs.keys()].sort(), ['kept', 'long']);
    });
  });
}
