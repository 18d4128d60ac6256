/**
 * Keys of the once-only store built from several parts that a client may choose (a conversation
 * id, an activity id). Joined with a separator, `a:T` + `x:1` and `a:T:x` + `1` would be the same
 * key; each part is written as its length and itself, so two different lists of parts never make
 * the same key.
 */
export function onceKey(kind: string, ...parts: readonly string[]): string {
  let key = kind;
  for (const part of parts) key += `:${part.length}.${part}`;
  return key;
}
