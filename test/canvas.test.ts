// src/canvas.ts loads the canvas library without the machine's fonts (briefdeck draws and measures only
// with the fonts it ships) and leaves the environment as it found it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mustRunInCi } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const compiled = path.join(ROOT, 'dist', 'canvas.js');

/** What a fresh process, given DISABLE_SYSTEM_FONTS_LOAD=`value` or none, sees after loading dist/canvas.js. */
function loadIn(value: string | undefined): { families: string[]; variable: string | null } {
  const env = { ...process.env };
  delete env.DISABLE_SYSTEM_FONTS_LOAD;
  if (value !== undefined) env.DISABLE_SYSTEM_FONTS_LOAD = value;
  const script = `const { GlobalFonts } = await import(${JSON.stringify(new URL(`file://${compiled}`).href)});
process.stdout.write(JSON.stringify({ families: GlobalFonts.families.map((f) => f.family), variable: process.env.DISABLE_SYSTEM_FONTS_LOAD ?? null }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

/** How many font families the canvas library finds on this machine when loaded as it comes. */
function systemFamilies(): number {
  const r = spawnSync(process.execPath, ['-e', "process.stdout.write(String(require('@napi-rs/canvas').GlobalFonts.families.length))"], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DISABLE_SYSTEM_FONTS_LOAD: '' } });
  return Number(r.stdout);
}

const machineFonts = systemFamilies();
// CI installs Carlito, Liberation and Noto CJK for LibreOffice: there the canvas, as it comes, would
// take them (a system Carlito changed the ETDZ deck's chart pictures), so the check above is a real one.
const noFonts = mustRunInCi(machineFonts > 0 ? undefined : 'this machine has no system fonts, so loading without them proves nothing here');

describe('the canvas library', () => {
  it.skipIf(noFonts)('would find the machine\'s fonts if it were loaded as it comes', () => {
    expect(machineFonts).toBeGreaterThan(0);
  });

  it.skipIf(!fs.existsSync(compiled))('loads no system font and puts DISABLE_SYSTEM_FONTS_LOAD back as it was', () => {
    expect(loadIn(undefined)).toEqual({ families: [], variable: null });
    expect(loadIn('yes')).toEqual({ families: [], variable: 'yes' });
  });
});
