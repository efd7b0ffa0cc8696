// Reading a well-formed zip quickly: the entries from its central directory, each deflated one inflated
// by node:zlib (native, ~10× fflate's inflate when cold, which a one-off CLI build always is). The
// result is the same bytes fflate gives, since inflating is exact. Anything unusual (zip64, encryption,
// a damaged header, an entry that inflates to another size, any limit reached) returns undefined, and
// the caller reads the zip with fflate, which reports the problem as it always has.
import zlib from 'node:zlib';

export interface FastEntry {
  name: string;
  /** Compressed and declared uncompressed sizes, as the directory gives them. */
  size: number;
  originalSize: number;
  compression: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const decoder = new TextDecoder();

/**
 * The parts of `bytes` when it is a plain zip whose every entry `accept` allows, else undefined.
 * `accept` sees each entry before anything is inflated.
 */
export function unzipFast(bytes: Uint8Array, accept: (e: FastEntry) => boolean): Map<string, Uint8Array> | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  while (end >= stop && view.getUint32(end, true) !== EOCD) end--;
  if (end < stop) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) return undefined; // zip64
  const entries: (FastEntry & { offset: number })[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return undefined;
    const flags = view.getUint16(at + 8, true);
    const entry = {
      compression: view.getUint16(at + 10, true),
      size: view.getUint32(at + 20, true),
      originalSize: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
      name: '',
    };
    const nameLength = view.getUint16(at + 28, true);
    // Encrypted entries and names that are not UTF-8 (flag 11 unset and non-ASCII bytes) go to fflate.
    const raw = bytes.subarray(at + 46, at + 46 + nameLength);
    if (flags & 1 || (!(flags & 0x800) && raw.some((b) => b > 0x7f))) return undefined;
    if (entry.size === 0xffffffff || entry.originalSize === 0xffffffff || entry.offset === 0xffffffff) return undefined;
    entry.name = decoder.decode(raw);
    if (!accept(entry)) return undefined;
    entries.push(entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  const parts = new Map<string, Uint8Array>();
  try {
    for (const e of entries) {
      if (e.offset + 30 > bytes.length || view.getUint32(e.offset, true) !== LOCAL) return undefined;
      const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
      if (start + e.size > bytes.length) return undefined;
      const packed = bytes.subarray(start, start + e.size);
      let data: Uint8Array;
      if (e.compression === 0) data = packed.slice();
      else if (e.compression === 8) data = zlib.inflateRawSync(packed, { maxOutputLength: Math.max(1, e.originalSize) });
      else return undefined;
      if (data.length !== e.originalSize) return undefined;
      parts.set(e.name, data);
    }
  } catch {
    return undefined;
  }
  return parts;
}
