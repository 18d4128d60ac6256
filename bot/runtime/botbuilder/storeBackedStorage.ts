/** botbuilder's Storage: CertLink's SDK-neutral one (bot/runtime/storeBackedStorage.ts), with botbuilder's types. */
import type { Storage, StoreItems } from 'botbuilder';
import { StoreBackedStorage as SharedStorage } from '../storeBackedStorage';

export { ETagConflictError, StoreBackedStorageOptions } from '../storeBackedStorage';

export class StoreBackedStorage extends SharedStorage implements Storage {
  override read(keys: string[]): Promise<StoreItems> {
    return super.read(keys);
  }
}
