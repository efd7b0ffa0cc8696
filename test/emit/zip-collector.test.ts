// The part collector that stands in for JSZip under pptxgenjs (bundle and tests) must hand emit exactly
// the parts the real JSZip's zip holds: same names, same order, same bytes. The compiled library runs
// the real JSZip (native-chart.test.ts compares a whole deck built both ways).
import { createRequire } from 'node:module';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import ZipCollector, { CollectedParts } from '../../src/emit/zip-collector.js';
import { unzipParts } from '../../src/emit/package.js';
import { PptxGenJS } from '../../src/emit/pptxgen.js';

// Node's own require: the alias in vitest.config.ts maps only the bare `jszip` that pptxgenjs imports.
const RealJSZip = createRequire(import.meta.url)('jszip') as new () => {
  folder(name: string): unknown;
  file(name: string, data: string, opts?: { base64?: boolean }): unknown;
  generateAsync(opts: { type: string }): Promise<Uint8Array | string>;
};

/** The calls pptxgenjs makes: folders, XML text with non-ASCII characters, base64 media, a replaced part. */
function fill(zip: { folder(name: string): unknown; file(name: string, data: string, opts?: { base64?: boolean }): unknown }): void {
  zip.folder('_rels');
  (zip.folder('ppt') as typeof zip).folder('_rels');
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  zip.file('ppt/slides/slide1.xml', '<p:sld>增长 – 3.2% 🚀</p:sld>');
  zip.file('ppt/media/image-1-1.png', Buffer.from([137, 80, 78, 71, 0, 255]).toString('base64'), { base64: true });
  zip.file('ppt/slides/slide2.xml', '<p:sld/>');
  zip.file('ppt/slides/slide1.xml', '<p:sld>replaced</p:sld>');
}

describe('zip collector', () => {
  it('gives the parts of the zip the real JSZip writes, in its order', async () => {
    const real = new RealJSZip();
    fill(real);
    const expected = unzipParts((await real.generateAsync({ type: 'uint8array' })) as Uint8Array);
    const collector = new ZipCollector();
    fill(collector);
    const got = await collector.generateAsync({ type: 'uint8array' });
    expect(got).toBeInstanceOf(CollectedParts);
    const parts = got as CollectedParts;
    expect([...parts.keys()]).toEqual([...expected.keys()]);
    for (const [name, bytes] of expected) expect(Buffer.from(parts.get(name)!).equals(Buffer.from(bytes)), name).toBe(true);
  });

  it('writes a real zip for an embedded workbook (base64), with the same files as JSZip', async () => {
    const real = new RealJSZip();
    fill(real);
    const collector = new ZipCollector();
    fill(collector);
    const files = (b64: string) => Object.fromEntries(Object.entries(unzipSync(Buffer.from(b64, 'base64'))).filter(([n]) => !n.endsWith('/')));
    expect(files((await collector.generateAsync({ type: 'base64' })) as string)).toEqual(files((await real.generateAsync({ type: 'base64' })) as string));
  });

  it('refuses an output type it does not make', async () => {
    await expect(new ZipCollector().generateAsync({ type: 'blob' })).rejects.toThrow(/collector/);
  });

  it('is what pptxgenjs zips with here', async () => {
    const pptx = new PptxGenJS();
    pptx.addSlide().addText('x', { x: 1, y: 1, w: 2, h: 1 });
    const out = await pptx.write({ outputType: 'uint8array', compression: false });
    expect(out).toBeInstanceOf(CollectedParts);
    expect([...(out as CollectedParts).keys()]).toContain('ppt/slides/slide1.xml');
  });
});
