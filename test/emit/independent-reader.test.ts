// An independent reader agrees that the deck is a real presentation: LibreOffice imports every ETDZ
// slide (both themes) with its title in a title placeholder (ODF presentation:class="title") on a master
// page named after the slide's layout, and the bullets as an outline. Read back through LibreOffice's own
// ODP export.
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { parseXml } from '../../src/xml.js';
import { DECKS, missingTool, run, tempDir } from '../helpers.js';

const ODF = {
  draw: 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0',
  presentation: 'urn:oasis:names:tc:opendocument:xmlns:presentation:1.0',
};

const noOffice = missingTool('soffice');

describe.each(['briefing', 'midnight'] as const)('LibreOffice reading the ETDZ deck (%s)', (theme) => {
  it.skipIf(noOffice)(`finds every title in a title placeholder and every slide on its named layout${noOffice ? ` (${noOffice})` : ''}`, async () => {
    const file = path.join(DECKS, 'etdz-briefing.yaml');
    const r = await build(fs.readFileSync(file, 'utf8'), { baseDir: DECKS, theme });
    const dir = tempDir('odp');
    const deck = path.join(dir, 'deck.pptx');
    fs.writeFileSync(deck, r.pptx!);
    const conv = run('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'odp', '--outdir', dir, deck]);
    const odp = path.join(dir, 'deck.odp');
    expect(fs.existsSync(odp), conv.stderr).toBe(true);
    const content = parseXml(strFromU8(unzipSync(fs.readFileSync(odp))['content.xml']!), 'content.xml');
    const pages = Array.from(content.getElementsByTagNameNS(ODF.draw, 'page'));
    expect(pages.length).toBe(r.placed!.slides.length);
    pages.forEach((page, i) => {
      const placed = r.placed!.slides[i]!;
      const frames = Array.from(page.getElementsByTagNameNS(ODF.draw, 'frame'));
      const titles = frames.filter((f) => f.getAttributeNS(ODF.presentation, 'class') === 'title');
      expect(titles.map((f) => f.textContent), `slide ${i + 1}`).toEqual([placed.title]);
      const layout = r.placed!.template.layouts[placed.layout]!.name;
      expect(page.getAttributeNS(ODF.draw, 'master-page-name')!.replace(/_20_/g, ' ')).toBe(layout);
      if (placed.kind === 'bullets') {
        const outline = frames.filter((f) => f.getAttributeNS(ODF.presentation, 'class') === 'outline');
        expect(outline.some((f) => (f.textContent ?? '').length > 20), `slide ${i + 1} bullets`).toBe(true);
      }
    });
  });
});
