// Kind dispatch is exhaustive, checked by the compiler: a slide type added to the outline schema without
// a case in the model (build-model.ts), or a chart kind added to CHART_KINDS without a picture builder
// and a native writer, must not compile; before, a new slide type compiled and its slides were dropped
// from the deck in silence. The check compiles a copy of src/ with such a kind added.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run, tempDir } from '../helpers.js';

function patch(file: string, from: string, to: string): void {
  const text = fs.readFileSync(file, 'utf8');
  expect(text, `${path.basename(file)} no longer has the text this test edits`).toContain(from);
  fs.writeFileSync(file, text.replace(from, to));
}

describe('kind dispatch', () => {
  it('a slide type or a chart kind added without its cases does not compile', () => {
    const dir = tempDir('exhaustive');
    fs.cpSync(path.join(ROOT, 'src'), path.join(dir, 'src'), { recursive: true });
    for (const f of ['tsconfig.json', 'package.json']) fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    const tsc = path.join(ROOT, 'node_modules', '.bin', 'tsc');

    // The unchanged copy compiles, so the errors below come from the added kinds.
    const clean = run(tsc, ['-p', 'tsconfig.json', '--noEmit'], { cwd: dir });
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);

    const schema = path.join(dir, 'src', 'outline', 'schema.ts');
    patch(schema, "'sources', 'closing'] as const;", "'sources', 'closing', 'extra'] as const;");
    patch(schema, "  closing: z.strictObject({ type: z.literal('closing'),", "  extra: z.strictObject({ type: z.literal('extra'), ...common }),\n  closing: z.strictObject({ type: z.literal('closing'),");
    patch(path.join(dir, 'src', 'model', 'chart-spec.ts'), "'doughnut', 'combo'] as const;", "'doughnut', 'combo', 'radar'] as const;");
    const r = run(tsc, ['-p', 'tsconfig.json', '--noEmit'], { cwd: dir });
    const out = r.stdout + r.stderr;
    expect(r.status, out).not.toBe(0);
    expect(out).toMatch(/src\/model\/build-model\.ts\(\d+,\d+\): error .*"extra"/);
    expect(out).toMatch(/src\/emit\/native-chart\.ts\(\d+,\d+\): error .*radar/);
    expect(out).toMatch(/src\/render\/kinds\/index\.ts\(\d+,\d+\): error .*radar/);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 180_000);
});
