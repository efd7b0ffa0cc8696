// Tests for src/emit/finalize.ts. The deck built here uses every pptxgenjs feature the deck writer uses:
// LAYOUT_WIDE, a slide master with objects and a slide number, multi-run text, two bullet levels, zh-CN
// text, a table with right-aligned cells, PNG images with alt text, notes, rect/roundRect/line shapes,
// hyperlinks and a slide without notes.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import JSZip from 'jszip';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import {
  dedupeShapeIds,
  dropOrphanOverrides,
  escapeAppCompany,
  finalizePackage,
  moveNotesMasterIdLst,
  naturalCompare,
  singleParagraphProps,
} from '../../src/emit/finalize.js';
import { missingTool } from '../helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VALIDATOR = join(ROOT, '..', 'shared', 'ooxml', 'validate-pptx');
const MODIFIED = new Date('2024-10-21T00:00:00Z');
const OPTS = { modified: MODIFIED, title: 'ETDZ briefing & <review>', author: 'Briefdeck', language: 'zh-CN' };
const SLIDES = 4;

// Skipped loudly when the tools are missing; under CI=true a missing tool fails instead (helpers.ts).
const canValidate = missingTool('validator') === undefined;
const hasSoffice = missingTool('soffice') === undefined;

const work = mkdtempSync(join(tmpdir(), 'briefdeck-finalize-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => {
  vi.useRealTimers();
});

function png(w: number, h: number, color: string): string {
  const canvas = createCanvas(w, h);
  const g = canvas.getContext('2d');
  g.fillStyle = color;
  g.fillRect(0, 0, w, h);
  g.fillStyle = '#FFFFFF';
  g.fillRect(w / 4, h / 4, w / 2, h / 2);
  return `image/png;base64,${canvas.toBuffer('image/png').toString('base64')}`;
}

/** pptxgenjs's types describe a CJS module (default = { default: class }); Node's ESM import yields the class. */
async function loadPptxGenJS() {
  const mod = await import('pptxgenjs');
  const ctor: unknown = (mod.default as { default?: unknown }).default ?? mod.default;
  return ctor as typeof mod.default.default;
}

/** Builds the test deck with a fresh pptxgenjs instance and returns pptxgenjs's own bytes. */
async function buildDeck(): Promise<Uint8Array> {
  const PptxGenJS = await loadPptxGenJS();
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = 'pptxgenjs title';
  pptx.author = 'pptxgenjs author';
  pptx.company = 'Briefdeck & Co';
  pptx.subject = 'Quarterly <brief>';
  pptx.defineSlideMaster({
    title: 'BRIEFDECK',
    background: { color: 'FFFFFF' },
    objects: [
      { rect: { x: 0, y: 0, w: 13.33, h: 0.15, fill: { color: '1F3A5F' } } },
      { text: { text: 'Briefdeck', options: { x: 0.4, y: 7.0, w: 4, h: 0.3, fontSize: 10, color: '6B7280' } } },
    ],
    slideNumber: { x: 12.3, y: 7.0, w: 0.6, h: 0.3, fontFace: 'Calibri', fontSize: 10, color: '6B7280' },
  });

  const s1 = pptx.addSlide({ masterName: 'BRIEFDECK' });
  s1.addText(
    [
      { text: 'Exports rose ', options: { bold: true } },
      { text: 'sharply', options: { italic: true } },
      { text: ' (source)', options: { hyperlink: { url: 'https://example.com/report?a=1&b=2', tooltip: 'Report' } } },
    ],
    { x: 0.5, y: 0.4, w: 12, h: 0.9, fontSize: 28 },
  );
  s1.addText(
    [
      { text: 'First point', options: { bullet: true } },
      { text: 'Detail ', options: { bullet: true, indentLevel: 1 } },
      { text: 'in bold', options: { bold: true } },
      { text: 'Second point', options: { bullet: true, breakLine: true } },
    ],
    { x: 0.5, y: 1.5, w: 12, h: 2, fontSize: 18, valign: 'top' },
  );
  s1.addText('经济技术开发区简报', { x: 0.5, y: 4, w: 8, h: 0.8, fontSize: 20, lang: 'zh-CN' });
  s1.addNotes('Open with the export figure.');

  const s2 = pptx.addSlide({ masterName: 'BRIEFDECK' });
  s2.addTable(
    [
      [{ text: 'Indicator', options: { bold: true } }, { text: '2024', options: { bold: true, align: 'right' } }],
      [{ text: 'GDP (bn)' }, { text: '1,234.5', options: { align: 'right' } }],
      [{ text: 'Firms' }, { text: '87', options: { align: 'right' } }],
    ],
    { x: 0.5, y: 0.5, w: 6, colW: [4, 2], fontSize: 14, border: { type: 'solid', pt: 1, color: '999999' } },
  );
  s2.addImage({ data: png(64, 48, '#336699'), x: 7, y: 0.5, w: 5, h: 3.75, altText: 'Chart of GDP by year' });
  s2.addShape(pptx.ShapeType.rect, { x: 0.5, y: 4.5, w: 2, h: 1, fill: { color: 'EEEEEE' } });
  s2.addShape(pptx.ShapeType.roundRect, { x: 3, y: 4.5, w: 2, h: 1, fill: { color: 'DDEEFF' }, rectRadius: 0.1 });
  s2.addShape(pptx.ShapeType.line, { x: 5.5, y: 5, w: 3, h: 0, line: { color: '1F3A5F', width: 1.5 } });
  s2.addNotes('Table and chart.');

  const s3 = pptx.addSlide({ masterName: 'BRIEFDECK' });
  s3.addText('A slide without notes', { x: 0.5, y: 0.5, w: 12, h: 1, fontSize: 24 });

  const s4 = pptx.addSlide({ masterName: 'BRIEFDECK' });
  s4.addImage({ data: png(32, 32, '#993333'), x: 1, y: 1, w: 2, h: 2, altText: 'Logo', hyperlink: { url: 'https://example.org' } });
  s4.addText('More at example.net', { x: 1, y: 4, w: 6, h: 0.6, hyperlink: { url: 'https://example.net' } });
  s4.addNotes('Closing slide.');

  const out = await pptx.write({ outputType: 'uint8array' });
  if (!(out instanceof Uint8Array)) throw new Error('pptxgenjs did not return a Uint8Array');
  return out;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function partText(pkg: Uint8Array, name: string): Promise<string> {
  const file = (await JSZip.loadAsync(pkg)).file(name);
  if (!file) throw new Error(`no part ${name}`);
  return file.async('string');
}

function validate(pkg: Uint8Array, name: string): { status: number | null; last: string; out: string } {
  const file = join(work, name);
  writeFileSync(file, pkg);
  const r = spawnSync(process.execPath, [VALIDATOR, '--strict', file], { encoding: 'utf8' });
  const out = `${r.stdout}${r.stderr}`;
  const lines = out.trim().split('\n');
  return { status: r.status, last: lines[lines.length - 1] ?? '', out };
}

/** Reads name, method and DOS date/time of every central-directory entry, straight from the bytes. */
function centralDirectory(zip: Uint8Array): Array<{ name: string; method: number; time: number; date: number }> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    entries.push({
      name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLen)),
      method: view.getUint16(at + 10, true),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

describe('finalizePackage on a pptxgenjs deck', async () => {
  const raw = await buildDeck();
  const final = await finalizePackage(raw, OPTS);

  it.skipIf(!canValidate)('passes validate-pptx --strict with 0 problems', () => {
    const r = validate(final, 'final.pptx');
    expect(r.out).not.toMatch(/^(error|warning):/m);
    expect(r.last).toMatch(/\b0 problems\b/);
    expect(r.status).toBe(0);
  });

  it.skipIf(!canValidate)('is checked by a validator that does catch a re-broken package', async () => {
    const zip = await JSZip.loadAsync(final);
    const pres = await partText(final, 'ppt/presentation.xml');
    const list = /<p:notesMasterIdLst>[\s\S]*?<\/p:notesMasterIdLst>/.exec(pres)?.[0] ?? '';
    zip.file('ppt/presentation.xml', pres.replace(list, '').replace('</p:sldIdLst>', `</p:sldIdLst>${list}`));
    const broken = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const r = validate(broken, 'broken.pptx');
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/notesMasterIdLst/);
  });

  it('is byte-identical for two separate builds made at different times', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-05-06T07:08:09Z'));
    const rawLater = await buildDeck();
    vi.useRealTimers();
    expect(sha256(rawLater)).not.toBe(sha256(raw)); // pptxgenjs output itself depends on the clock
    expect(sha256(await finalizePackage(rawLater, OPTS))).toBe(sha256(final));
  });

  it('does not depend on the TZ environment variable', async () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Shanghai';
      expect(new Date(Date.UTC(2024, 0, 1)).getTimezoneOffset()).toBe(-480);
      const shanghai = await finalizePackage(await buildDeck(), OPTS);
      process.env.TZ = 'America/Los_Angeles';
      expect(new Date(Date.UTC(2024, 0, 1)).getTimezoneOffset()).toBe(480);
      const losAngeles = await finalizePackage(await buildDeck(), OPTS);
      expect(sha256(shanghai)).toBe(sha256(final));
      expect(sha256(losAngeles)).toBe(sha256(final));
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('writes a fixed zip layout: [Content_Types].xml first, natural order, DEFLATE (pictures stored), fixed dates, no folders', () => {
    const entries = centralDirectory(final);
    const names = entries.map((e) => e.name);
    expect(names[0]).toBe('[Content_Types].xml');
    expect(names.slice(1)).toEqual([...names.slice(1)].sort(naturalCompare));
    expect(names.filter((n) => n.endsWith('/'))).toEqual([]);
    // 2024-10-21 00:00:00 as a DOS date/time: ((2024-1980)<<9 | 10<<5 | 21), 0. Method 8 is DEFLATE,
    // 0 is STORE (for pictures, which are compressed already).
    const dosDate = (44 << 9) | (10 << 5) | 21;
    for (const e of entries) expect(e).toEqual({ name: e.name, method: /\.(png|jpe?g)$/.test(e.name) ? 0 : 8, date: dosDate, time: 0 });
    expect(entries.some((e) => e.name.endsWith('.png'))).toBe(true);
  });

  it('is idempotent', async () => {
    expect(sha256(await finalizePackage(final, OPTS))).toBe(sha256(final));
  });

  it('puts p:notesMasterIdLst after p:sldMasterIdLst and before p:sldIdLst', async () => {
    const pres = await partText(final, 'ppt/presentation.xml');
    const master = pres.indexOf('</p:sldMasterIdLst>');
    const notes = pres.indexOf('<p:notesMasterIdLst>');
    const slides = pres.indexOf('<p:sldIdLst>');
    expect(master).toBeGreaterThan(0);
    expect(notes).toBeGreaterThan(master);
    expect(slides).toBeGreaterThan(notes);
    expect(pres.match(/<p:notesMasterIdLst>/g)).toHaveLength(1);
  });

  it('has no Override for a part that does not exist, and an Override for every slide', async () => {
    const zip = await JSZip.loadAsync(final);
    const ct = await partText(final, '[Content_Types].xml');
    const overrides = [...ct.matchAll(/<Override\b[^>]*PartName="\/([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(overrides.length).toBeGreaterThan(0);
    expect(overrides.filter((p) => zip.file(p) === null)).toEqual([]);
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slides).toHaveLength(SLIDES);
    for (const s of slides) expect(overrides).toContain(s);
    expect(ct).not.toContain('image/jpg"');
  });

  it('sets core properties from the options', async () => {
    const core = await partText(final, 'docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-10-21T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2024-10-21T00:00:00Z</dcterms:modified>');
    expect(core).toContain('<dc:title>ETDZ briefing &amp; &lt;review&gt;</dc:title>');
    expect(core).toContain('<dc:creator>Briefdeck</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>Briefdeck</cp:lastModifiedBy>');
    expect(core).toContain('<dc:language>zh-CN</dc:language>');
    expect(core).toContain('<dc:subject>Quarterly &lt;brief&gt;</dc:subject>'); // pptx.subject, kept
    expect(core.match(/<dcterms:(created|modified)\b/g)).toHaveLength(2);
  });

  it('keeps the pptxgenjs title and company when no option overrides them', async () => {
    const bare = await finalizePackage(raw, { modified: MODIFIED });
    expect(await partText(bare, 'docProps/core.xml')).toContain('<dc:title>pptxgenjs title</dc:title>');
    expect(await partText(bare, 'docProps/app.xml')).toContain('<Company>Briefdeck &amp; Co</Company>');
  });

  it('leaves one a:pPr per paragraph and unique shape ids in every slide', async () => {
    const zip = await JSZip.loadAsync(final);
    const parts = Object.keys(zip.files).filter((n) => /^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(n));
    for (const name of parts) {
      const xml = await partText(final, name);
      for (const p of xml.match(/<a:p>[\s\S]*?<\/a:p>/g) ?? []) expect((p.match(/<a:pPr\b/g) ?? []).length).toBeLessThanOrEqual(1);
      const ids = [...xml.matchAll(/<p:cNvPr\b[^>]*?\bid="(\d+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size, name).toBe(ids.length);
    }
    const slide1 = await partText(final, 'ppt/slides/slide1.xml');
    expect(slide1).toMatch(/<a:t>Exports rose <\/a:t><\/a:r><a:r>[\s\S]*?<a:t>sharply<\/a:t>/);
  });

  it.skipIf(!hasSoffice)('opens in LibreOffice with one PDF page per slide', () => {
    const dir = mkdtempSync(join(work, 'soffice-'));
    const file = join(dir, 'deck.pptx');
    writeFileSync(file, final);
    const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
    const conv = spawnSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 150_000 });
    expect(readdirSync(dir), conv.stderr).toContain('deck.pdf');
    const info = spawnSync('pdfinfo', [join(dir, 'deck.pdf')], { encoding: 'utf8' });
    expect(info.stdout).toMatch(new RegExp(`^Pages:\\s+${SLIDES}$`, 'm'));
  }, 180_000);
});

describe('the individual fixes', () => {
  it('drops Overrides only for missing parts', () => {
    const ct = '<Types><Override PartName="/a/b.xml" ContentType="x"/> <Override PartName="/a/c.xml" ContentType="x"/></Types>';
    expect(dropOrphanOverrides(ct, new Set(['a/b.xml']))).toBe('<Types><Override PartName="/a/b.xml" ContentType="x"/></Types>');
  });

  it('moves notesMasterIdLst behind sldMasterIdLst', () => {
    const xml = '<p:sldMasterIdLst><x/></p:sldMasterIdLst><p:sldIdLst><y/></p:sldIdLst><p:notesMasterIdLst><z/></p:notesMasterIdLst><p:sldSz/>';
    expect(moveNotesMasterIdLst(xml)).toBe('<p:sldMasterIdLst><x/></p:sldMasterIdLst><p:notesMasterIdLst><z/></p:notesMasterIdLst><p:sldIdLst><y/></p:sldIdLst><p:sldSz/>');
  });

  it('keeps the first a:pPr of a paragraph, and leaves a:fld content alone', () => {
    const p = '<a:p><a:pPr algn="r"><a:buNone/></a:pPr><a:r><a:t>a</a:t></a:r><a:pPr algn="l"/><a:r><a:t>b</a:t></a:r><a:fld id="{1}" type="slidenum"><a:rPr/><a:pPr/><a:t>1</a:t></a:fld></a:p>';
    expect(singleParagraphProps(p)).toBe('<a:p><a:pPr algn="r"><a:buNone/></a:pPr><a:r><a:t>a</a:t></a:r><a:r><a:t>b</a:t></a:r><a:fld id="{1}" type="slidenum"><a:rPr/><a:pPr/><a:t>1</a:t></a:fld></a:p>');
    const late = '<a:p><a:r><a:t>a</a:t></a:r><a:pPr lvl="1"/><a:r><a:t>b</a:t></a:r></a:p>';
    expect(singleParagraphProps(late)).toBe('<a:p><a:pPr lvl="1"/><a:r><a:t>a</a:t></a:r><a:r><a:t>b</a:t></a:r></a:p>');
    expect(singleParagraphProps('<a:pPr/><a:p><a:pPr/><a:r/></a:p>')).toBe('<a:pPr/><a:p><a:pPr/><a:r/></a:p>');
  });

  it('renumbers only the later duplicate shape ids', () => {
    const xml = '<p:cNvPr id="1" name=""/><p:cNvPr id="3" name="T"/><p:cNvPr id="3" name="I"/><p:cNvPr id="25" name="N"/>';
    expect(dedupeShapeIds(xml)).toBe('<p:cNvPr id="1" name=""/><p:cNvPr id="3" name="T"/><p:cNvPr id="26" name="I"/><p:cNvPr id="25" name="N"/>');
  });

  it('escapes a raw company name once', () => {
    const fixed = escapeAppCompany('<Properties><Company>A & B <C></Company></Properties>');
    expect(fixed).toBe('<Properties><Company>A &amp; B &lt;C&gt;</Company></Properties>');
    expect(escapeAppCompany(fixed)).toBe(fixed);
  });

  it('sorts digit runs numerically', () => {
    expect(['s10.xml', 's2.xml', 's1.xml', 'r.xml'].sort(naturalCompare)).toEqual(['r.xml', 's1.xml', 's2.xml', 's10.xml']);
  });

  it('rejects an invalid date', async () => {
    await expect(finalizePackage(new Uint8Array(), { modified: new Date('nope') })).rejects.toThrow(/valid Date/);
  });
});
