/**
 * The SDKs' Storage over our DocumentStore, so conversation and user state
 * (dialog stacks, prompts, pending confirmations) live in Redis and a
 * conversation can continue on whichever bot process gets the next message.
 * botbuilder and the Agents SDK define the same Storage interface (read, write,
 * delete of eTagged items) and the same conversation-state keys, so both
 * runtimes read and write the same documents.
 *
 * The eTag contract: an item written with eTag '*' or without one
 * overwrites; any other eTag must still be the stored one or the write is
 * rejected; items read carry their current eTag.
 */
import { DocumentStore } from '../../services/kv/documentStore';

/** An item as both SDKs store it: its data, and the eTag of the stored copy. */
export interface StoreItem {
  eTag?: string;
  [key: string]: unknown;
}

export interface StoreItems {
  [key: string]: StoreItem;
}

export interface StoreBackedStorageOptions {
  /** Keeps the SDKs' keys apart from other documents in the same store. Default "botstate:". */
  namespace?: string;
  /** Forget state untouched for this long; 0 or unset = keep it. */
  ttlSeconds?: number;
}

export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

export class StoreBackedStorage {
  private readonly namespace: string;
  private readonly ttlSeconds: number | undefined;

  constructor(
    private readonly documents: DocumentStore,
    opts: StoreBackedStorageOptions = {},
  ) {
    this.namespace = opts.namespace ?? 'botstate:';
    this.ttlSeconds = opts.ttlSeconds && opts.ttlSeconds > 0 ? opts.ttlSeconds : undefined;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const docs = await this.documents.read(keys.map((k) => this.namespace + k));
    const items: StoreItems = {};
    for (const key of keys) {
      const doc = docs.get(this.namespace + key);
      if (doc) items[key] = { ...asObject(doc.value), eTag: doc.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    await Promise.all(
      Object.entries(changes).map(async ([key, item]: [string, StoreItem]) => {
        // The eTag describes the stored copy; it is not part of the item's data.
        const { eTag, ...value } = item ?? {};
        const result = await this.documents.write(this.namespace + key, value, eTag || undefined, this.ttlSeconds);
        if (!result.ok) throw new ETagConflictError(key);
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    await this.documents.delete(keys.map((k) => this.namespace + k));
  }
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
}
