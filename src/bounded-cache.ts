// A small cache that keeps the most recently added entries: templates and built-in template parts are
// read once per process (watch, serve, a library caller) without growing without bound.

/** The value cached under `key`, made (and the oldest entry dropped beyond `limit`) when missing. */
export function remember<K, V>(cache: Map<K, V>, key: K, limit: number, make: () => V): V {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const made = make();
  cache.set(key, made);
  if (cache.size > limit) cache.delete(cache.keys().next().value!);
  return made;
}
