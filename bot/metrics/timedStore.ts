/**
 * Wraps a store so every method call is timed and its failures counted,
 * without the adapters knowing about metrics. Applied once, in the composition
 * root (bot/app.ts), to whatever stores createStores returned.
 */
import type { Stores } from '../../services/storeFactory';

export type StoreCallObserver = (store: string, op: string, durationMs: number, error: unknown) => void;

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * Returns `target` behind a Proxy that times each method returning a promise.
 * Methods returning anything else (async iterators such as scanOrgMembers) pass
 * through untimed: their cost is spread over the caller's loop.
 */
export function timedStore<T extends object>(storeName: string, target: T, observe: StoreCallObserver): T {
  // One wrapper per method, made on first use: a store is called a dozen times a turn.
  type Method = (...args: unknown[]) => unknown;
  const wrappers = new Map<string, { method: Method; wrapper: Method }>();
  const wrap = (prop: string, method: Method): Method => {
    const wrapper = (...args: unknown[]): unknown => {
      const started = performance.now();
      let result: unknown;
      try {
        result = method.apply(target, args);
      } catch (err) {
        observe(storeName, prop, performance.now() - started, err);
        throw err;
      }
      if (!isPromiseLike(result)) return result;
      return Promise.resolve(result).then(
        (v) => {
          observe(storeName, prop, performance.now() - started, null);
          return v;
        },
        (err: unknown) => {
          observe(storeName, prop, performance.now() - started, err ?? new Error('rejected'));
          throw err;
        },
      );
    };
    wrappers.set(prop, { method, wrapper });
    return wrapper;
  };
  return new Proxy(target, {
    get(obj, prop) {
      const value: unknown = Reflect.get(obj, prop, obj);
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      const known = wrappers.get(prop);
      // A method replaced on the object (tests stub them) gets a new wrapper.
      if (known && known.method === value) return known.wrapper;
      return wrap(prop, value as Method);
    },
  });
}

/** The stores a turn calls, each timed; the rest as they are. */
export function timedStores(stores: Stores, observe: StoreCallObserver): Stores {
  return {
    ...stores,
    associations: timedStore('associations', stores.associations, observe),
    once: timedStore('once', stores.once, observe),
    documents: timedStore('documents', stores.documents, observe),
    profiles: timedStore('profiles', stores.profiles, observe),
    counters: timedStore('counters', stores.counters, observe),
  };
}
