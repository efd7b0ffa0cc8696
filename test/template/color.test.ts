// DrawingML colours: every way to name one, the colour map, and the transforms in document order.
import { describe, expect, it } from 'vitest';
import { applyTransforms, presetColor, resolveColor, type ColorContext } from '../../src/template/color.js';
import { DEFAULT_COLOR_MAP } from '../../src/template/model.js';
import { elements, NS, parseXml } from '../../src/xml.js';

const scheme = {
  dk1: '#000000', lt1: '#FFFFFF', dk2: '#44546A', lt2: '#E7E6E6', accent1: '#4472C4', accent2: '#ED7D31', accent3: '#A5A5A5',
  accent4: '#FFC000', accent5: '#5B9BD5', accent6: '#70AD47', hlink: '#0563C1', folHlink: '#954F72',
};
const light: ColorContext = { scheme, map: DEFAULT_COLOR_MAP };
const dark: ColorContext = { scheme, map: { ...DEFAULT_COLOR_MAP, bg1: 'dk1', tx1: 'lt1', bg2: 'dk2', tx2: 'lt2' } };

const el = (xml: string) => elements(parseXml(`<a:x xmlns:a="${NS.a}">${xml}</a:x>`, 'test').documentElement!)[0]!;
const hex = (xml: string, ctx: ColorContext = light) => resolveColor(el(xml), ctx)?.hex;

describe('colour names', () => {
  it.each([
    ['srgbClr', '<a:srgbClr val="1a2B3c"/>', '#1A2B3C'],
    ['sysClr with its last colour', '<a:sysClr val="windowText" lastClr="111111"/>', '#111111'],
    ['sysClr without one', '<a:sysClr val="window"/>', '#FFFFFF'],
    ['prstClr', '<a:prstClr val="dkSlateGray"/>', '#2F4F4F'],
    ['scrgbClr (linear percentages)', '<a:scrgbClr r="100000" g="0" b="21404"/>', '#FF007F'],
    ['hslClr', '<a:hslClr hue="7200000" sat="100000" lum="50000"/>', '#00FF00'],
    ['a scheme slot', '<a:schemeClr val="accent1"/>', '#4472C4'],
  ])('resolves %s', (_name, xml, expected) => {
    expect(hex(xml)).toBe(expected);
  });

  it('sends roles through the colour map (a dark master swaps bg1 and tx1)', () => {
    expect(hex('<a:schemeClr val="tx1"/>')).toBe('#000000');
    expect(hex('<a:schemeClr val="bg1"/>')).toBe('#FFFFFF');
    expect(hex('<a:schemeClr val="tx1"/>', dark)).toBe('#FFFFFF');
    expect(hex('<a:schemeClr val="bg2"/>', dark)).toBe('#44546A');
  });

  it('keeps the role of an untransformed scheme colour, so it can be written back as a reference', () => {
    expect(resolveColor(el('<a:schemeClr val="tx2"/>'), light)).toEqual({ hex: '#44546A', role: 'tx2' });
    expect(resolveColor(el('<a:schemeClr val="tx2"><a:lumMod val="50000"/></a:schemeClr>'), light)?.role).toBeUndefined();
    expect(resolveColor(el('<a:srgbClr val="FF0000"/>'), light)).toEqual({ hex: '#FF0000' });
  });

  it('resolves phClr to the colour a style reference passes', () => {
    expect(hex('<a:schemeClr val="phClr"/>', { ...light, placeholder: '#123456' })).toBe('#123456');
  });

  it('gives nothing for names it does not know', () => {
    expect(hex('<a:schemeClr val="accent9"/>')).toBeUndefined();
    expect(hex('<a:srgbClr val="xyz"/>')).toBeUndefined();
    expect(presetColor('notAColour')).toBeUndefined();
  });
});

describe('transforms', () => {
  const t = (base: string, xml: string) => applyTransforms(base, elements(el(`<a:srgbClr val="000000">${xml}</a:srgbClr>`)));

  it.each([
    // PowerPoint's "Lighter 25%/40%/60%/80%" and "Darker 25%/50%" are luminance transforms in HSL.
    ['lumMod 75% of white (Background 1, darker 25%)', '#FFFFFF', '<a:lumMod val="75000"/>', '#BFBFBF'],
    ['lumMod 50% of white (darker 50%)', '#FFFFFF', '<a:lumMod val="50000"/>', '#808080'],
    ['lumMod + lumOff of black (Text 1, lighter 25%)', '#000000', '<a:lumMod val="75000"/><a:lumOff val="25000"/>', '#404040'],
    // PowerPoint's own swatches for Office's accent 1 (#4472C4).
    ['lighter 40% of accent 1', '#4472C4', '<a:lumMod val="60000"/><a:lumOff val="40000"/>', '#8FAADC'],
    ['lighter 60% of accent 1', '#4472C4', '<a:lumMod val="40000"/><a:lumOff val="60000"/>', '#B4C7E7'],
    ['lighter 80% of accent 1', '#4472C4', '<a:lumMod val="20000"/><a:lumOff val="80000"/>', '#DAE3F3'],
    ['darker 25% of accent 1', '#4472C4', '<a:lumMod val="75000"/>', '#2F5597'],
    ['darker 50% of accent 1', '#4472C4', '<a:lumMod val="50000"/>', '#203864'],
    // Tint and shade mix towards white and black in linear light.
    ['tint 75% of black', '#000000', '<a:tint val="75000"/>', '#898989'],
    ['shade 50% of white', '#FFFFFF', '<a:shade val="50000"/>', '#BCBCBC'],
    ['tint 100% (no change)', '#4472C4', '<a:tint val="100000"/>', '#4472C4'],
    ['satMod 0 (grey)', '#FF0000', '<a:satMod val="0"/>', '#808080'],
    ['hueOff 120°', '#FF0000', '<a:hueOff val="7200000"/>', '#00FF00'],
    ['comp', '#FF0000', '<a:comp/>', '#00FFFF'],
    ['inv', '#FF0000', '<a:inv/>', '#00FFFF'],
    ['gray', '#FFFFFF', '<a:gray/>', '#FFFFFF'],
    ['alpha changes no colour', '#4472C4', '<a:alpha val="50000"/>', '#4472C4'],
  ])('%s', (_name, base, xml, expected) => {
    expect(t(base, xml)).toBe(expected);
  });

  it('applies transforms in document order', () => {
    // lumOff then lumMod differs from lumMod then lumOff.
    expect(t('#000000', '<a:lumOff val="50000"/><a:lumMod val="50000"/>')).toBe('#404040');
    expect(t('#000000', '<a:lumMod val="50000"/><a:lumOff val="50000"/>')).toBe('#808080');
  });

  it('transforms a scheme colour after resolving it', () => {
    expect(hex('<a:schemeClr val="bg1"><a:lumMod val="85000"/></a:schemeClr>', dark)).toBe('#000000');
    expect(hex('<a:schemeClr val="bg1"><a:lumMod val="85000"/></a:schemeClr>')).toBe('#D9D9D9');
  });
});
