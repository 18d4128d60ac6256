/**
 * Versioned JSON documents with optimistic concurrency. Backs botbuilder's
 * conversation and user state (bot/runtime/botbuilder/storeBackedStorage.ts), so dialogs and
 * pending confirmations survive a hop to another bot process.
 */
export interface StoredDocument {
  value: unknown;
  etag: string;
}

export type WriteResult = { ok: true; etag: string } | { ok: false; reason: 'conflict' };

export interface DocumentStore {
  read(keys: string[]): Promise<Map<string, StoredDocument>>;
  /**
   * Writes a document. `expectedEtag` undefined or '*' = last writer wins;
   * otherwise the write happens only if the stored etag still matches.
   */
  write(key: string, value: unknown, expectedEtag: string | undefined, ttlSeconds?: number): Promise<WriteResult>;
  delete(keys: string[]): Promise<void>;
}
