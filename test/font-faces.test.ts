// Which faces measure which: twins, the generic sans, the stand-in, and a theme's own aliases as data.
import { describe, expect, it } from 'vitest';
import { canvasFamily, faceCoverage, isBundledFont, measuringFaces, twinOf, withAlias } from '../src/font-faces.js';

describe('measuring faces', () => {
  it.each([
    ['Calibri', ['Carlito', 'Arimo']],
    ['Calibri Light', ['Carlito', 'Arimo']],
    ['Arial', ['Arimo']],
    ['Helvetica', ['Arimo']],
    ['Helvetica Light', ['Arimo', 'DejaVu Sans']],
    ['Helvetica Neue', ['Arimo', 'DejaVu Sans']],
    ['Liberation Sans', ['Arimo']],
    ['Cambria', ['Caladea', 'Arimo']],
    ['Times New Roman', ['Tinos', 'Arimo']],
    ['Courier New', ['Cousine', 'Arimo']],
    ['"Arial"', ['Arimo']],
    ['  ARIAL  ', ['Arimo']],
    ['Verdana', ['DejaVu Sans']],
    ['Aptos', ['DejaVu Sans']],
    ['Arial Black', ['DejaVu Sans']],
    ['Arial Narrow', ['DejaVu Sans']],
    ['Roboto Condensed', ['DejaVu Sans']],
  ])('measures %s with %j', (face, expected) => {
    expect(measuringFaces(face)).toEqual(expected);
  });

  it('knows which faces have a metric twin', () => {
    expect(twinOf('Times New Roman')).toBe('Tinos');
    expect(isBundledFont('Cambria')).toBe(true);
    expect(isBundledFont('Segoe UI')).toBe(false);
    expect(faceCoverage('Verdana')).toEqual({ face: 'Verdana', measuredWith: ['DejaVu Sans'], twin: false });
    expect(canvasFamily('Verdana')).toBe('DejaVu Sans');
    expect(canvasFamily('Calibri')).toBe('Carlito');
  });

  it('keeps a theme\'s aliases in a map of its own, never in a shared table', () => {
    const a = withAlias(undefined, 'Segoe UI', 'Arial');
    const b = withAlias(undefined, 'Segoe UI', 'Calibri');
    expect(measuringFaces('Segoe UI', a)).toEqual(['Arimo']);
    expect(measuringFaces('Segoe UI', b)).toEqual(['Carlito', 'Arimo']);
    expect(measuringFaces('Segoe UI')).toEqual(['DejaVu Sans']);
    expect(faceCoverage('Segoe UI', a).twin).toBe(true);
    expect(canvasFamily('Segoe UI', b)).toBe('Carlito');
  });
});
