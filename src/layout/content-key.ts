// A value's content as a string, for caches keyed by what a result depends on rather than by object
// identity (every rebuild makes new model objects). Unlike plain JSON it keeps apart what JSON merges:
// undefined and a missing key, NaN and null, -0 and 0, Maps, Sets; bytes stand as their hash.
import { createHash } from 'node:crypto';

const hashes = new WeakMap<Uint8Array, string>();

function bytesKey(b: Uint8Array): string {
  let h = hashes.get(b);
  if (h === undefined) {
    h = `\0bytes:${b.length}:${createHash('sha1').update(b).digest('base64')}`;
    hashes.set(b, h);
  }
  return h;
}

// Outline text holds no NUL (parseOutline refuses it), so these markers cannot meet a real string.
function replacer(this: Record<string, unknown>, key: string, converted: unknown): unknown {
  // The value before its toJSON (a Buffer's, a Date's) ran.
  const value = this[key];
  if (value instanceof Date) return `\0date:${value.getTime()}`;
  if (value !== converted && !(value instanceof Uint8Array)) return converted;
  if (value === undefined) return '\0u';
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? value : `\0n:${Object.is(value, -0) ? '-0' : String(value)}`;
  if (typeof value === 'string') return value.startsWith('\0') ? `\0s${value}` : value;
  if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol') throw UNKEYED;
  if (value instanceof Uint8Array) return bytesKey(value);
  if (ArrayBuffer.isView(value)) return bytesKey(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  if (value instanceof Map) return ['\0map', ...value];
  if (value instanceof Set) return ['\0set', ...value];
  return value;
}

const UNKEYED = new Error('no content key');

/** The key, or undefined for a value with a function, symbol, bigint or cycle in it (not cached then). */
export function contentKey(value: unknown): string | undefined {
  try {
    return JSON.stringify(value, replacer);
  } catch {
    return undefined;
  }
}
