// Templates that cannot serve: each gives a code, one sentence naming the file and a hint, and never
// throws — including hostile files (zip bombs, a million parts, lying directories, random damage).
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { TemplateError } from '../../src/template/model.js';
import { readTemplate } from '../../src/template/read.js';
import { LIMITS } from '../../src/template/unzip.js';
import { buildPackage, packageParts, zipParts } from './package-builder.js';

function errorOf(bytes: Uint8Array, name = 'corp.pptx'): TemplateError {
  const r = readTemplate(bytes, name);
  if (!('error' in r)) throw new Error('expected an error');
  expect(r.error.message).toContain(name);
  expect(r.error.message).not.toMatch(/\n/);
  expect(r.error.hint.length).toBeGreaterThan(10);
  return r.error;
}

function utf16(s: string): number[] {
  return Array.from(s).flatMap((c) => [c.charCodeAt(0), 0]);
}

/** An OLE compound file header followed by a directory entry name, as Office writes them. */
function compoundFile(streamName: string): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  bytes.set(utf16(streamName), 1024);
  return bytes;
}

describe('files that are not PowerPoint packages', () => {
  it.each([
    ['an empty file', new Uint8Array(0), 'template-empty'],
    ['random bytes', strToU8('hello, this is not a presentation at all'), 'template-not-zip'],
    ['a PDF', strToU8('%PDF-1.7\n%…'), 'template-not-presentation'],
    ['a password-protected file (an OLE container)', compoundFile('EncryptedPackage'), 'template-encrypted'],
    ['a PowerPoint 97-2003 .ppt', compoundFile('PowerPoint Document'), 'template-ppt'],
    ['a Word 97-2003 .doc', compoundFile('WordDocument'), 'template-not-presentation'],
  ] as const)('refuses %s', (_what, bytes, code) => {
    expect(errorOf(bytes).code).toBe(code);
  });

  it('says "saved with a password" for an encrypted file', () => {
    expect(errorOf(compoundFile('EncryptedPackage')).message).toContain('saved with a password');
  });

  it('recognises a Keynote file by its name or its contents', () => {
    expect(errorOf(strToU8('bplist00…'), 'deck.key').code).toBe('template-keynote');
    expect(errorOf(zipSync({ 'Index/Document.iwa': new Uint8Array([1, 2, 3]), 'Metadata/Properties.plist': strToU8('x') }), 'deck.pptx').code).toBe('template-keynote');
  });

  it('recognises OpenDocument and Word packages', () => {
    expect(errorOf(zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.presentation'), 'content.xml': strToU8('<x/>') })).code).toBe('template-odp');
    const docx = packageParts();
    docx.set('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
    docx.set('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>');
    docx.delete('ppt/presentation.xml');
    expect(errorOf(zipParts(docx)).code).toBe('template-not-presentation');
  });
});

describe('damaged packages', () => {
  const good = buildPackage({ slides: 1 });

  it('refuses a file cut short', () => {
    expect(errorOf(good.subarray(0, Math.floor(good.length / 2))).code).toBe('template-truncated');
  });

  it('refuses a package without ppt/presentation.xml', () => {
    expect(errorOf(buildPackage({ omit: ['ppt/presentation.xml'] })).code).toBe('template-no-presentation');
  });

  it('refuses a presentation without a slide master', () => {
    expect(errorOf(buildPackage({ masters: [] })).code).toBe('template-no-master');
  });

  it('refuses a part that is not well-formed XML, naming the part', () => {
    const e = errorOf(buildPackage({ extra: { 'ppt/slideLayouts/slideLayout2.xml': '<p:sldLayout xmlns:p="x"><p:cSld>' } }));
    expect(e.code).toBe('template-bad-xml');
    expect(e.message).toContain('ppt/slideLayouts/slideLayout2.xml');
    expect(errorOf(buildPackage({ extra: { 'ppt/theme/theme1.xml': '<a:theme' } })).code).toBe('template-bad-xml');
  });

  it('does not mind damage in the template\'s own slides, which the deck leaves out', () => {
    const r = readTemplate(buildPackage({ slides: 1, extra: { 'ppt/slides/slide1.xml': '<p:sld' } }), 'x.pptx');
    expect('template' in r).toBe(true);
  });

  it('refuses Strict Open XML with a hint to save it as a normal presentation', () => {
    const parts = packageParts();
    parts.set('ppt/presentation.xml', '<?xml version="1.0"?><p:presentation xmlns:p="http://purl.oclc.org/ooxml/presentationml/main"/>');
    const e = errorOf(zipParts(parts));
    expect(e.code).toBe('template-strict');
    expect(e.hint).toContain('Strict');
  });
});

describe('hostile packages', () => {
  it('refuses more parts than a template can have before inflating any', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= LIMITS.parts; i++) files[`p/${i}`] = new Uint8Array(0);
    expect(errorOf(zipSync(files, { level: 0 })).code).toBe('template-too-large');
  });

  it('refuses a zip bomb (a part that inflates to hundreds of times its size)', () => {
    const bomb = zipSync({ 'ppt/media/bomb.bin': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    const e = errorOf(bomb);
    expect(e.code).toBe('template-too-large');
    expect(e.message).toContain('bomb.bin');
  });

  it('refuses a directory that declares more than the unpacked limit', () => {
    const zip = buildPackage();
    // Patch every central directory entry's uncompressed size to 100 MB.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let i = 0; i + 46 < zip.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 100 * 1024 * 1024, true);
    expect(errorOf(zip).code).toBe('template-too-large');
  });

  it('never throws on damaged bytes: every result is a template or a located error', () => {
    const base = buildPackage({ slides: 1, masters: [{}, { clrMap: { bg1: 'dk1', tx1: 'lt1' } }] });
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const codes = new Set<string>();
    for (let i = 0; i < Number(process.env.TEMPLATE_FUZZ ?? 150); i++) {
      const bytes = base.slice();
      const flips = 1 + rand(8);
      for (let k = 0; k < flips; k++) bytes[rand(bytes.length)] = rand(256);
      const cut = rand(4) === 0 ? bytes.subarray(0, rand(bytes.length)) : bytes;
      const r = readTemplate(cut, 'fuzz.pptx');
      if ('error' in r) codes.add(r.error.code);
      else expect(r.template.layouts.length).toBeGreaterThan(0);
    }
    expect(codes.size).toBeGreaterThan(0);
  });

  it('never throws on well-formed parts with strange values (sizes, types, indices, colours)', () => {
    let seed = 777;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const strange = ['', '-1', '0', '1e309', 'NaN', '99999999999999', 'abc', '+mj-xx', 'ZZZZZZ', 'phClr', 'bg1', '-2147483648', '4294967295'];
    const base = packageParts({ slides: 1, masters: [{}, { layouts: [] }] });
    for (let i = 0; i < Number(process.env.TEMPLATE_FUZZ ?? 60); i++) {
      const parts = new Map(base);
      for (const [name, data] of parts) {
        if (typeof data !== 'string' || !name.endsWith('.xml') || rand(2)) continue;
        // Replace some attribute values by strange ones; the XML stays well-formed.
        parts.set(name, data.replace(/="([^"]*)"/g, (m) => (rand(6) === 0 ? `="${strange[rand(strange.length)]}"` : m)));
      }
      const r = readTemplate(zipParts(parts), 'odd.pptx');
      if ('template' in r) {
        for (const l of r.template.layouts) for (const p of l.placeholders) expect(Number.isFinite(p.box.x + p.box.y + p.box.w + p.box.h)).toBe(true);
      }
    }
  });
});
