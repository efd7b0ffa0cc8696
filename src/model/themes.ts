// Built-in themes. Colours are chosen so that every text colour has at least 4.5:1 contrast (WCAG AA)
// on the background it is drawn on; chart palettes alternate hue and lightness so that neighbouring
// series stay apart for colour-blind readers too.
import type { Theme } from './types.js';

const briefing: Theme = {
  name: 'briefing',
  colors: {
    background: '#FFFFFF',
    text: '#1F2933',
    muted: '#52606D',
    accent: '#1F4E79',
    accent2: '#B5472F',
    titleText: '#14304D',
    sectionBackground: '#14304D',
    sectionText: '#FFFFFF',
    card: '#EEF3F8',
    cardText: '#14304D',
    grid: '#D9E2EC',
  },
  palette: ['#1F4E79', '#C8741B', '#2F8F6B', '#8E3B8E', '#5B8DB8', '#B5472F'],
  headingFont: 'Calibri',
  bodyFont: 'Calibri',
  eastAsianFont: 'Microsoft YaHei',
  sizes: { title: [26, 36], body: [16, 28], stat: [32, 60], caption: [11, 14] },
};

const midnight: Theme = {
  name: 'midnight',
  colors: {
    background: '#0F1B2D',
    text: '#E6EDF5',
    muted: '#A9B8C9',
    accent: '#5FB3F9',
    accent2: '#F4A259',
    titleText: '#FFFFFF',
    sectionBackground: '#1C3A5E',
    sectionText: '#FFFFFF',
    card: '#18283F',
    cardText: '#FFFFFF',
    grid: '#2C3E57',
  },
  palette: ['#5FB3F9', '#F4A259', '#7BD389', '#E07BE0', '#F25F5C', '#C3C3E6'],
  headingFont: 'Calibri',
  bodyFont: 'Calibri',
  eastAsianFont: 'Microsoft YaHei',
  sizes: { title: [26, 36], body: [16, 28], stat: [32, 60], caption: [11, 14] },
};

export const THEMES: Record<string, Theme> = { briefing, midnight };
