// A number for an object's identity, for cache keys that must tell objects apart (a template model
// is one object for every build that uses it): the same object always gets the same number.
const ids = new WeakMap<object, number>();
let count = 0;

export function objectId(o: object): number {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = ++count));
  return id;
}
