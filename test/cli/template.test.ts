// `briefdeck template FILE`: what briefdeck sees in a template, as text and as JSON; templates that
// cannot serve are one located message with a hint and exit 1, never a stack trace.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, run, tempDir } from '../helpers.js';
import { buildPackage, OFFICE_LAYOUTS } from '../template/package-builder.js';

const CLI = path.join(ROOT, 'dist', 'bin', 'briefdeck.js');
const cli = (...args: string[]) => run(process.execPath, [CLI, ...args]);

describe('briefdeck template', () => {
  let dir: string;
  let corp: string;
  beforeAll(() => {
    if (!fs.existsSync(CLI)) throw new Error('dist/bin/briefdeck.js is missing: run `npm run build` (npm test does it first)');
    dir = tempDir('template-cli');
    corp = path.join(dir, 'Corp Template.potx');
    const german = OFFICE_LAYOUTS.map((l, i) => ({ ...l, name: ['Titelfolie', 'Titel und Inhalt', 'Abschnittsüberschrift', 'Zwei Inhalte', 'Nur Titel', 'Leer', 'Bild mit Überschrift'][i]! }));
    fs.writeFileSync(corp, buildPackage({ kind: 'potx', size: [13.333, 7.5], slides: 2, masters: [{ layouts: german, theme: { major: 'Verdana', minor: 'Verdana', colors: { accent1: '0072BC' } } }] }));
  });

  it('prints the size, theme, fonts, masters, layouts with their placeholders, and the layout each slide kind uses', () => {
    const r = cli('template', corp);
    expect(r.status, r.stderr).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/Corp Template\.potx: PowerPoint template \(\.potx\), slides 13\.33 × 7\.50 in \(16:9\)/);
    expect(out).toContain('its own 2 slides stay out of decks');
    expect(out).toMatch(/accents: +#0072BC/);
    expect(out).toMatch(/Verdana: no metric twin here; measured with the wider DejaVu Sans/);
    expect(out).toMatch(/master 1 .*7 layouts/);
    expect(out).toMatch(/ 2\. "Titel und Inhalt" \(type obj, "Title and Content"\)/);
    expect(out).toMatch(/obj#1 0\.50,1\.75 9\.00×4\.95 +Verdana 28 pt #000000/);
    expect(out).toMatch(/title, closing → 1\. "Titelfolie": centred title ctrTitle#0 and subtitle subTitle#1/);
    expect(out).toMatch(/bullets, agenda, sources → 2\. "Titel und Inhalt"/);
    expect(out).toMatch(/text-chart → 4\. "Zwei Inhalte"/);
    expect(out).toMatch(/stats, table, timeline, quote → 5\. "Nur Titel"/);
  });

  it('prints the model and the choices as one JSON object with --json', () => {
    const r = cli('template', corp, '--json');
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const j = JSON.parse(lines[0]!);
    expect(j.ok).toBe(true);
    expect(j.template.slideSize.w).toBeCloseTo(13.333, 2);
    expect(j.template.layouts).toHaveLength(7);
    expect(j.choices['title-slide']).toMatchObject({ layout: 0, name: 'Titelfolie', title: { type: 'ctrTitle', idx: 0 } });
    expect(j.choices['two-content'].bodies.map((b: { idx: number }) => b.idx)).toEqual([1, 2]);
    expect(j.slideKinds.chart).toBe('visual');
    expect(j.fonts).toEqual([{ face: 'Verdana', measuredWith: ['DejaVu Sans'], twin: false }]);
  });

  it.each([
    ['a missing file', () => path.join(dir, 'nope.pptx'), 'template-not-found'],
    ['a folder', () => dir, 'template-not-found'],
    ['a file that is not a zip', () => {
      const f = path.join(dir, 'notes.pptx');
      fs.writeFileSync(f, 'just some text');
      return f;
    }, 'template-not-zip'],
    ['a truncated file', () => {
      const f = path.join(dir, 'cut.pptx');
      fs.writeFileSync(f, fs.readFileSync(corp).subarray(0, 3000));
      return f;
    }, 'template-truncated'],
  ])('refuses %s with a message, a hint and exit 1', (_what, file, code) => {
    const f = file();
    const r = cli('template', f);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`error: .* \\[${code}\\]`));
    expect(r.stderr).toMatch(/\n {2}hint: \S/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    const j = cli('template', f, '--json');
    expect(j.status).toBe(1);
    expect(JSON.parse(j.stdout)).toMatchObject({ ok: false, error: { code } });
  });
});
