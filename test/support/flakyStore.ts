import { StoreUnavailableError } from '../../services/errors';

/**
 * Wraps a store so every method rejects with StoreUnavailableError while
 * `isDown()` says so, as a Redis adapter does during an outage.
 */
export function unavailableWhen<T extends object>(store: T, isDown: () => boolean): T {
  return new Proxy(store, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => (isDown() ? Promise.reject(new StoreUnavailableError('connection refused')) : (value as (...a: unknown[]) => unknown).apply(target, args));
    },
  });
}
