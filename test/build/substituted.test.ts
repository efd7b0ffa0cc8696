// Where Calibri is missing (Keynote on a Mac without Microsoft Office, a web viewer): every deck in
// decks/, in both built-in themes, rendered by LibreOffice with Carlito hidden and Calibri falling back
// to Liberation Sans (../shared/tools/render-substituted.sh), still has no clipped or colliding text, and
// no word or number broken across lines (../shared/tools/pdf-typescale.py).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { deckFiles, hasCommand, missingTool, mustRunInCi, ROOT, run, tempDir } from '../helpers.js';

const TOOLS = path.resolve(ROOT, '..', 'shared', 'tools');
const RENDER = path.join(TOOLS, 'render-substituted.sh');
const OVERFLOW = path.join(TOOLS, 'text-overflow.mjs');
const TYPESCALE = path.join(TOOLS, 'pdf-typescale.py');

const cannot =
  missingTool('soffice') ??
  mustRunInCi(
    !fs.existsSync(RENDER) ? `${RENDER} (../shared is not beside this clone)` : !hasCommand('pdftotext') ? 'pdftotext (apt-get install -y poppler-utils)' : !hasCommand('python3') ? 'python3' : undefined,
  );

describe.skipIf(!!cannot).each(deckFiles().map((f) => path.basename(f)))(`%s where Calibri is missing${cannot ? ` (${cannot})` : ''}`, (name) => {
  const file = path.join(ROOT, 'decks', name);
  it.each(['briefing', 'midnight'] as const)('in the %s theme: no clipped, colliding or broken text', async (theme) => {
    const result = await build(fs.readFileSync(file, 'utf8'), { baseDir: path.dirname(file), theme });
    expect(result.pptx).toBeDefined();
    const dir = tempDir('substituted');
    const deck = path.join(dir, 'deck.pptx');
    fs.writeFileSync(deck, result.pptx!);
    const rendered = run('bash', [RENDER, deck, path.join(dir, 'out')]);
    const pdf = path.join(dir, 'out', 'deck.pdf');
    expect(fs.existsSync(pdf), rendered.stderr).toBe(true);
    const overflow = run(process.execPath, [OVERFLOW, deck, pdf]).stdout.trim();
    expect(overflow.split('\n').pop(), overflow).toBe(`pages=${result.stats.slides} missing=0 overlaps=0`);
    const scale = run('python3', [TYPESCALE, deck, pdf]).stdout.trim();
    expect(scale.split('\n').pop(), scale).toMatch(/ split_words=0 split_numbers=0$/);
  }, 240_000);
});
