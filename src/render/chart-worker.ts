// The worker thread of chart-pool.ts: draws and encodes the charts it is sent, as this thread would.
import { inTurn } from '../in-turn.js';
import { answerJobs, ownBuffer } from '../job-thread.js';
import type { ChartSpec, Theme } from '../model/types.js';
import { renderChartPng, warmChartDrawing } from './chart-png.js';
import { mark } from '../trace.js';
import type { PlacedSize } from './style.js';

/**
 * How many charts may be drawn and not yet encoded at once: the main thread sends them all together,
 * and each holds its full-size pixels until its encode is done (three put the 300-slide synthetic deck
 * at 413 MiB peak, two at ~370, in the same time). Drawing is in turn anyway; two let one draw while the
 * other encodes.
 */
const inFlight = inTurn(2);

answerJobs(
  ({ spec, theme, size }: { spec: ChartSpec; theme: Theme; size: PlacedSize }) =>
    inFlight(async () => {
      const { png } = await renderChartPng(spec, theme, size);
      mark('chart drawn');
      return png;
    }),
  ownBuffer,
);

// What the first chart would do first, done before it arrives (when the worker is ready before the
// main thread has laid out the deck): the fonts every chart registers, and chart.js's parts.
warmChartDrawing();
mark('chart worker ready');
