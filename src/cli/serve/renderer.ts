// Keeps a picture of every slide of the latest deck, rendering only slides whose fingerprint is new:
// a deck of just those slides goes through the resident LibreOffice to PDF, then each page through
// pdftoppm, two at a time. A new deck arriving mid-render is picked up by the next round. The very
// first round renders the first slides on their own, so that the top of the page appears first.
import fs from 'node:fs';
import path from 'node:path';
import type { OfficeBridge } from './office-bridge.js';
import { renderPage, type PageSize } from './rasterize.js';
import { subsetDeck, type DeckParts } from './slide-parts.js';

const FIRST_ROUND = 2;
const RASTER_CONCURRENCY = 2;
/** In a long round (a big deck's first), pictures are shown as they come, at most this often. */
const PROGRESS_MS = 250;

export interface RendererEvents {
  /** New pictures are ready (or a render failed: `error`). */
  update(error?: string): void;
}

export class Renderer {
  private readonly images = new Map<string, Buffer>();
  private latest: DeckParts | undefined;
  private running: Promise<void> | undefined;
  private round = 0;
  private t0 = 0;
  /** How long the last round took, by stage (for the bench and for slow-render messages). */
  lastTimings: { slides: number; pdfMs: number; rasterMs: number } | undefined;

  constructor(
    private readonly bridge: Promise<OfficeBridge>,
    private readonly pdftoppm: string,
    private readonly workDir: string,
    private readonly dpi: number,
    private readonly events: RendererEvents,
  ) {}

  image(key: string): Buffer | undefined {
    return this.images.get(key);
  }

  has(key: string): boolean {
    return this.images.has(key);
  }

  /** Renders what `parts` has that is not drawn yet; earlier pictures not in `keep` are dropped. */
  show(parts: DeckParts, keep: Iterable<string> = []): void {
    this.latest = parts;
    const wanted = new Set([...parts.keys, ...keep]);
    for (const k of this.images.keys()) if (!wanted.has(k)) this.images.delete(k);
    if (!this.running) this.running = this.loop().finally(() => (this.running = undefined));
  }

  /** Resolves when every slide of the latest deck has its picture (or rendering failed). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    for (;;) {
      const parts = this.latest!;
      const missing = [...new Set(parts.keys.map((k, i) => [k, i] as const).filter(([k]) => !this.images.has(k)).map(([, i]) => i))];
      const firstOf = new Map<string, number>();
      for (const i of missing) if (!firstOf.has(parts.keys[i]!)) firstOf.set(parts.keys[i]!, i);
      const todo = [...firstOf.values()];
      if (todo.length === 0) return;
      const batch = this.images.size === 0 && todo.length > FIRST_ROUND ? todo.slice(0, FIRST_ROUND) : todo;
      try {
        await this.render(parts, batch);
        this.events.update();
      } catch (e) {
        this.events.update((e as Error).message);
        return;
      }
    }
  }

  private async render(parts: DeckParts, indices: number[]): Promise<void> {
    const bridge = await this.bridge;
    if (process.env.BRIEFDECK_SERVE_TRACE) process.stderr.write(`[serve] LibreOffice ready at ${Math.round(performance.now())} ms\n`);
    const n = ++this.round;
    this.t0 = performance.now();
    const { pptx, pages } = subsetDeck(parts, indices);
    const deckFile = path.join(this.workDir, `round-${n}.pptx`);
    const pdfFile = path.join(this.workDir, `round-${n}.pdf`);
    fs.writeFileSync(deckFile, pptx);
    try {
      const started = performance.now();
      if (process.env.BRIEFDECK_SERVE_TRACE) process.stderr.write(`[serve] subset of ${indices.length} written in ${Math.round(performance.now() - this.t0)} ms\n`);
      await bridge.toPdf(deckFile, pdfFile);
      const pdfMs = performance.now() - started;
      const size: PageSize = { width: Math.round(parts.sizeIn.w * this.dpi), height: Math.round(parts.sizeIn.h * this.dpi) };
      let next = 0;
      let shown = performance.now();
      const work = async (): Promise<void> => {
        while (next < indices.length) {
          const j = next++;
          const png = await renderPage(this.pdftoppm, pdfFile, pages[j]!, this.dpi, size);
          this.images.set(parts.keys[indices[j]!]!, png);
          if (performance.now() - shown > PROGRESS_MS && next < indices.length) {
            shown = performance.now();
            this.events.update();
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(RASTER_CONCURRENCY, indices.length) }, work));
      this.lastTimings = { slides: indices.length, pdfMs: Math.round(pdfMs), rasterMs: Math.round(performance.now() - started - pdfMs) };
      if (process.env.BRIEFDECK_SERVE_TRACE) process.stderr.write(`[serve] round ${n} at ${Math.round(performance.now())} ms: ${JSON.stringify(this.lastTimings)}\n`);
    } finally {
      fs.rmSync(deckFile, { force: true });
      fs.rmSync(pdfFile, { force: true });
    }
  }
}
