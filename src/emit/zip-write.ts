// The deck's zip, written the way fflate's zipSync writes it (the same bytes: the determinism tests and
// every deck's sha256 pin that), with each part's deflated bytes kept by a hash of its content: a rebuild
// in watch or serve deflates only the parts that changed (a text edit: a slide and docProps/app.xml)
// instead of all ~100. The deflating itself is still fflate's, at the same level, so nothing changes.
import { createHash } from 'node:crypto';
import { deflateSync, type DeflateOptions } from 'fflate';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** 0 stores the part; 1–9 deflate it at that level. */
  level: number;
}

export interface Packed {
  crc: number;
  bytes: Uint8Array;
}

const CACHE_BYTES = 64 * 1024 * 1024;
const cache = new Map<string, Packed>();
let cachedBytes = 0;

const CRC_TABLE = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** A part's crc and deflated bytes, computed afresh. */
function packPart(data: Uint8Array, level: number): Packed {
  return { crc: crc32(data), bytes: level === 0 ? data : deflateSync(data, { level: level as DeflateOptions['level'] }) };
}

/** Keeps a part's deflated bytes, the least recently used going first beyond CACHE_BYTES. */
function keepPack(key: string, p: Packed): void {
  cache.set(key, p);
  cachedBytes += p.bytes.length;
  for (const [k, old] of cache) {
    if (cachedBytes <= CACHE_BYTES) break;
    cache.delete(k);
    cachedBytes -= old.bytes.length;
  }
}

/** Content hashes by the bytes' object, so that a part packed ahead (packAhead) is not hashed again. Parts are replaced, never changed in place. */
const hashes = new WeakMap<Uint8Array, string>();

function contentHash(data: Uint8Array): string {
  let h = hashes.get(data);
  if (h === undefined) {
    h = createHash('sha1').update(data).digest('hex');
    hashes.set(data, h);
  }
  return h;
}

function pack(data: Uint8Array, level: number): Packed {
  // Stored parts (pictures, workbooks) are copied as they are: nothing to keep.
  if (level === 0) return packPart(data, 0);
  const key = `${level}:${contentHash(data)}`;
  let p = cache.get(key);
  if (p) {
    cache.delete(key); // most recently used last
    cache.set(key, p);
  } else {
    p = packPart(data, level);
    keepPack(key, p);
  }
  return p;
}

/**
 * Deflates a part now, for writeZip to find ready: emit packs the XML while the chart worker may still
 * be drawing the pictures that the zip waits for.
 */
export function packAhead(data: Uint8Array, level: number): void {
  if (level !== 0) pack(data, level);
}

/** The DOS time and date of `date`'s UTC fields, as one little-endian word (time low, date high). */
function dosDateTime(date: Date): number {
  const y = date.getUTCFullYear() - 1980;
  if (y < 0 || y > 119) throw new Error('internal: a zip date must lie within 1980–2099');
  return ((y << 25) | ((date.getUTCMonth() + 1) << 21) | (date.getUTCDate() << 16) | (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1)) >>> 0;
}

const encoder = new TextEncoder();

/** The entries, in order, as a zip: version 2.0, no extra fields or comments, UTF-8 flag for non-ASCII names. */
export function writeZip(entries: ZipEntry[], date: Date): Uint8Array {
  const when = dosDateTime(date);
  const files = entries.map((e) => {
    const name = encoder.encode(e.name);
    if (name.length > 65535) throw new Error(`internal: zip entry name too long: ${e.name}`);
    return { name, utf8: name.length !== e.name.length, size: e.data.length, method: e.level === 0 ? 0 : 8, ...pack(e.data, e.level), offset: 0 };
  });
  let local = 0;
  let central = 0;
  for (const f of files) {
    f.offset = local;
    local += 30 + f.name.length + f.bytes.length;
    central += 46 + f.name.length;
  }
  const out = new Uint8Array(local + central + 22);
  const view = new DataView(out.buffer);
  const header = (at: number, f: (typeof files)[number], centralEntry: boolean): number => {
    view.setUint32(at, centralEntry ? 0x02014b50 : 0x04034b50, true);
    let b = at + 4;
    if (centralEntry) view.setUint16(b, 20, true), (b += 2); // made by: version 2.0, MS-DOS
    view.setUint16(b, 20, true); // needed to extract: 2.0
    view.setUint16(b + 2, f.utf8 ? 0x800 : 0, true);
    view.setUint16(b + 4, f.method, true);
    view.setUint32(b + 6, when, true);
    view.setUint32(b + 10, f.crc, true);
    view.setUint32(b + 14, f.bytes.length, true);
    view.setUint32(b + 18, f.size, true);
    view.setUint16(b + 22, f.name.length, true);
    b += 26; // extra field length 0
    if (centralEntry) view.setUint32(b + 10, f.offset, true), (b += 14); // comment, disk, attributes: 0
    out.set(f.name, b);
    return b + f.name.length;
  };
  let at = local;
  for (const f of files) {
    out.set(f.bytes, header(f.offset, f, false));
    at = header(at, f, true);
  }
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, files.length, true);
  view.setUint16(at + 10, files.length, true);
  view.setUint32(at + 12, central, true);
  view.setUint32(at + 16, local, true);
  return out;
}
