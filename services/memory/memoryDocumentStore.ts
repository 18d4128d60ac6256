import { Clock, systemClock } from '../clock';
import { DocumentStore, StoredDocument, WriteResult } from '../kv/documentStore';

interface Entry {
  json: string;
  etag: string;
  expiresAt: number | null;
}

export class MemoryDocumentStore implements DocumentStore {
  private readonly docs = new Map<string, Entry>();
  private counter = 0;
  constructor(private readonly clock: Clock = systemClock) {}

  private live(key: string): Entry | undefined {
    const entry = this.docs.get(key);
    if (entry && entry.expiresAt !== null && entry.expiresAt <= this.clock.now().getTime()) {
      this.docs.delete(key);
      return undefined;
    }
    return entry;
  }

  async read(keys: string[]): Promise<Map<string, StoredDocument>> {
    const out = new Map<string, StoredDocument>();
    for (const key of keys) {
      const entry = this.live(key);
      if (entry) out.set(key, { value: JSON.parse(entry.json), etag: entry.etag });
    }
    return out;
  }

  async write(key: string, value: unknown, expectedEtag: string | undefined, ttlSeconds?: number): Promise<WriteResult> {
    const current = this.live(key);
    if (expectedEtag !== undefined && expectedEtag !== '*' && (!current || current.etag !== expectedEtag)) {
      return { ok: false, reason: 'conflict' };
    }
    const etag = String(++this.counter);
    const expiresAt = ttlSeconds ? this.clock.now().getTime() + ttlSeconds * 1000 : null;
    this.docs.set(key, { json: JSON.stringify(value), etag, expiresAt });
    return { ok: true, etag };
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.docs.delete(key);
  }
}
