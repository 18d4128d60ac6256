/** A runtime's turn state, as both SDKs keep it (a map on their TurnContext). */
export interface TurnStateMap {
  get(key: symbol): unknown;
  set(key: symbol, value: unknown): unknown;
}

/** What `make` gives, made once per turn and kept in the SDK's turn state under `key`. */
export function oncePerTurn<T>(state: TurnStateMap, key: symbol, make: () => T): T {
  let value = state.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    state.set(key, value);
  }
  return value;
}
