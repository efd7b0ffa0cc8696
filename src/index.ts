// briefdeck as a library: build(outlineText, options) → { pptx, diagnostics, stats }.
export { build, fileAssetReader, type BuildOptions, type BuildResult } from './build.js';
export { formatDiagnostic, type Diagnostic, type Span } from './diagnostics.js';
export { OutlineSchema, type Outline } from './outline/schema.js';
export type { Deck, Slide, ChartSpec, Theme } from './model/types.js';
export type { PlacedDeck, PlacedSlide, PlacedElement } from './layout/placed.js';
