#!/usr/bin/env node
// `npm run bench`: speed and memory of briefdeck on this machine, printed as a table. A script, not a
// test: timings vary with the machine, so they are measured and reported here, never asserted in CI.
// Every row is a median with its min–max; the cold rows run interleaved (one run of each in turn, then
// again), so that load from other work on the machine falls on all of them alike.
//   - cold: `node -e 0` (the floor), the ETDZ deck, the ETDZ deck on a template, the Q3 briefing of
//     ../shared/bench beside the hand-written pptxgenjs + chart.js script that writes it (the peer)
//   - watch: rebuild time and save → new deck on disk after a text edit
//   - serve (BENCH_ONLY=serve): in headless Chromium
//   - synthetic decks of 30, 100 and 300 slides, half of them charts: time, peak RSS, time per slide
//   - templates: reading each template in ../shared/templates, first read in a fresh process, and warm
// NODE_EXTRA_CA_CERTS makes every Node process parse an extra CA bundle at start (~30 ms on Node 20);
// a user's shell rarely sets it, so it is removed for every process the bench starts, and said so.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// BENCH_CLI=path/to/main.js measures another build of the CLI; BENCH_BEFORE=path/to/main.js adds that
// build's cold rows beside this one's, interleaved with them (a before/after in one run).
const CLI = process.env.BENCH_CLI ? path.resolve(process.env.BENCH_CLI) : path.join(ROOT, 'dist', 'bin', 'briefdeck.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** The big synthetic decks take seconds a run: fewer runs, still interleaved. */
const SYNTHETIC_RUNS = Number(process.env.BENCH_SYNTHETIC_RUNS ?? 3);
const BEFORE = process.env.BENCH_BEFORE ? path.resolve(process.env.BENCH_BEFORE) : undefined;
const PEER = path.resolve(ROOT, '..', 'shared', 'bench');
const TEMPLATE_ROW = 'libreoffice-vivid.pptx';
const CA_SET = process.env.NODE_EXTRA_CA_CERTS !== undefined;
const childEnv = { ...process.env };
delete childEnv.NODE_EXTRA_CA_CERTS;
delete process.env.NODE_EXTRA_CA_CERTS; // also for what the serve driver starts
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'briefdeck-bench-'));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

/** Runs a Node script once (through rss.mjs); returns wall time (ms) and the child's peak RSS (MiB). */
function timed(args, opts = {}) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'test', 'bench', 'rss.mjs'), ...args], { encoding: 'utf8', cwd: opts.cwd ?? ROOT, env: { ...childEnv, ...opts.env } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`);
  const rss = Number(/^maxrss=(\d+)$/m.exec(r.stderr)?.[1] ?? NaN) / 1024;
  return { ms, rss };
}

function floorOnce() {
  const started = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0'], { env: childEnv });
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, rss: NaN };
}

/** `runs` rounds of one run of each case in turn; per case the stats of its times and its peak RSS. */
function interleaved(cases, runs) {
  const times = cases.map(() => []);
  const rss = cases.map(() => []);
  for (let i = 0; i < runs; i++) {
    cases.forEach((c, k) => {
      const r = c.run();
      times[k].push(r.ms);
      rss[k].push(r.rss);
    });
  }
  return Object.fromEntries(cases.map((c, k) => [c.key, { ...stats(times[k]), rss: Math.max(...rss[k]) }]));
}

// Another build of the CLI keeps its code cache (src/code-cache.ts) in a folder of its own: in the shared
// one, each build would remove the other's cache as stale, and both would run without one.
const build = (outline, out, extra = [], cli = CLI) => () =>
  timed([cli, 'build', outline, '-o', path.join(tmp, out), '-q', ...extra], cli === CLI ? {} : { env: { BRIEFDECK_CODE_CACHE: path.join(tmp, 'code-cache-before') } });

/** Starts watch mode with --json, makes text edits, and reads each rebuild's own build time. */
async function watchRebuild() {
  const dir = path.join(tmp, 'watch');
  fs.mkdirSync(path.join(dir, 'decks'), { recursive: true });
  const outline = path.join(dir, 'decks', 'etdz-briefing.yaml');
  const original = fs.readFileSync(path.join(ROOT, 'decks', 'etdz-briefing.yaml'), 'utf8');
  fs.writeFileSync(outline, original);
  const child = spawn(process.execPath, [CLI, 'watch', 'decks/etdz-briefing.yaml', '--json'], { cwd: dir, env: childEnv });
  const reports = [];
  let waiting;
  let buf = '';
  child.stdout.on('data', (d) => {
    buf += d;
    const lines = buf.split('\n');
    buf = lines.pop();
    for (const l of lines) {
      reports.push({ ...JSON.parse(l), at: process.hrtime.bigint() });
      waiting?.();
    }
  });
  const next = () => new Promise((resolve) => (waiting = resolve));
  await next(); // the first build
  await new Promise((r) => setTimeout(r, 500));
  const builds = [];
  const totals = [];
  const latencies = [];
  for (let i = 0; i < RUNS; i++) {
    const arrived = next();
    const saved = process.hrtime.bigint();
    fs.writeFileSync(outline, original.replace('title: From the first group to today', `title: From the first group to today (edit ${i})`));
    await arrived;
    const last = reports[reports.length - 1];
    builds.push(last.buildMs);
    totals.push(last.ms);
    latencies.push(Number(last.at - saved) / 1e6);
    if (last.chartsRendered !== 0) throw new Error('a text edit redrew a chart');
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGINT');
  return { build: stats(builds), total: stats(totals), latency: stats(latencies) };
}

/**
 * `briefdeck serve` in headless Chromium: start → every slide on screen (and the first one), then a
 * one-word edit → that slide's new picture on screen; medians of SERVE_RUNS (10) each.
 */
async function serveTimings() {
  const driver = await import('../serve-driver.mjs');
  const missing = driver.serveMissing();
  if (missing.length) return { skipped: `needs ${missing.join(', ')}` };
  const runs = Number(process.env.SERVE_RUNS ?? 10);
  const browser = await driver.launchBrowser();
  const starts = [];
  const firsts = [];
  const edits = [];
  let profile;
  const project = driver.projectWith('etdz-briefing.yaml');
  const original = fs.readFileSync(project.outline, 'utf8');
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.context.newPage();
      const serve = driver.startServe(project.dir, project.rel, [], i === 0 ? { BRIEFDECK_SERVE_TRACE: '1' } : {});
      const url = await serve.url;
      await page.goto(url);
      await page.waitForFunction(() => Object.keys(window.__briefdeck?.shown ?? {}).length > 0, undefined, { timeout: 120_000, polling: 'raf' });
      firsts.push(performance.now() - serve.started);
      await driver.allShown(page, 120_000);
      starts.push(performance.now() - serve.started);
      if (i === 0) {
        // The edits, in the first server: a different word each time, so every save changes the slide.
        const n = await page.evaluate(() => window.__briefdeck.state.slides.find((s) => s.title === 'From the first group to today').n);
        for (let e = 0; e < runs; e++) {
          const before = (await driver.shownKeys(page))[n];
          const saved = performance.now();
          fs.writeFileSync(project.outline, original.replace('title: From the first group to today', `title: From the first group to today (take ${e})`));
          await driver.slideChanged(page, n, before, 60_000);
          edits.push(performance.now() - saved);
          await new Promise((r) => setTimeout(r, 300));
        }
        fs.writeFileSync(project.outline, original);
        await driver.allShown(page, 60_000);
        // Where an edit's time goes, from serve's own trace: the build, LibreOffice's PDF, pdftoppm + PNG.
        const trace = serve.output().err.split('\n');
        const built = trace.flatMap((l) => /^\[serve\] built in (\d+) ms, parts in (\d+) ms/.exec(l)?.slice(1).map(Number) ?? []);
        const rounds = trace.flatMap((l) => { const m = /^\[serve\] round \d+ at \d+ ms: (.*)$/.exec(l); return m ? [JSON.parse(m[1])] : []; }).filter((r) => r.slides === 1);
        profile = {
          build: median(built.filter((_, k) => k % 2 === 0).slice(1)),
          parts: median(built.filter((_, k) => k % 2 === 1).slice(1)),
          pdf: median(rounds.map((r) => r.pdfMs)),
          raster: median(rounds.map((r) => r.rasterMs)),
        };
      }
      await page.close();
      await serve.stop();
    }
  } finally {
    await browser.close();
    fs.rmSync(project.dir, { recursive: true, force: true });
  }
  const range = (xs) => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`;
  return { start: median(starts), first: median(firsts), edit: median(edits), startRange: range(starts), editRange: range(edits), profile };
}

/** An outline of n slides, every other one a chart (kinds in turn), the rest bullets. */
function syntheticDeck(n) {
  const kinds = ['bar', 'hbar', 'stacked-bar', 'line', 'area', 'pie', 'doughnut', 'combo'];
  const lines = ['deck:', `  title: Synthetic deck of ${n} slides`, '  date: 2024-10-21', 'slides:'];
  for (let i = 0; i < n; i++) {
    if (i % 2 === 1) {
      const kind = kinds[Math.floor(i / 2) % kinds.length];
      const circular = kind === 'pie' || kind === 'doughnut';
      lines.push('  - type: chart', `    title: Chart ${i} (${kind})`, '    notes: Generated chart slide.', '    chart:', `      kind: ${kind}`, '      labels: [North, South, East, West, Centre]');
      lines.push('      series:', `        - { name: Series A, values: [${[1, 2, 3, 4, 5].map((v) => v * ((i % 7) + 1)).join(', ')}]${kind === 'combo' ? ', type: bar' : ''} }`);
      if (!circular) lines.push(`        - { name: Series B, values: [${[5, 3, 4, 2, 6].map((v) => v + (i % 5)).join(', ')}]${kind === 'combo' ? ', type: line, axis: right' : ''} }`);
      lines.push('      data_labels: true');
    } else {
      lines.push('  - type: bullets', `    title: Findings, part ${i}`, '    notes: Generated bullet slide.', '    bullets:');
      for (let b = 0; b < 4; b++) lines.push(`      - "Point ${b + 1} of slide ${i}: output rose in the zones while trade held steady"`);
    }
  }
  const file = path.join(tmp, `synthetic-${n}.yaml`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const rows = [];
const fmt = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : '—');
/** A median with its spread: `480 (452–530)`. */
const spread = (st) => `${fmt(st.median)} (${fmt(st.min)}–${fmt(st.max)})`;

console.error(`briefdeck bench: ${RUNS} runs each (synthetic decks ${SYNTHETIC_RUNS}), interleaved; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the start`);
console.error(CA_SET ? 'NODE_EXTRA_CA_CERTS is set here: unset for every process the bench starts (it costs each Node process ~30 ms at start)' : 'NODE_EXTRA_CA_CERTS is not set');
if (!fs.existsSync(CLI)) throw new Error('dist/bin/briefdeck.js is missing: run `npm run build` first');
// BENCH_ONLY=watch,serve runs only those rows (and the floor); the rows are cold, watch, serve, synthetic, templates.
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : undefined;
const wants = (row) => !only || only.has(row);
const hasPeer = fs.existsSync(path.join(PEER, 'pipeline.js'));
const template = path.resolve(ROOT, '..', 'shared', 'templates', TEMPLATE_ROW);
const hasTemplate = fs.existsSync(template);
const cases = [{ key: 'floor', run: floorOnce }];
if (wants('cold')) {
  const etdz = path.join(ROOT, 'decks', 'etdz-briefing.yaml');
  cases.push({ key: 'etdz', run: build(etdz, 'etdz.pptx') });
  if (BEFORE) cases.push({ key: 'etdzBefore', run: build(etdz, 'etdz-before.pptx', [], BEFORE) });
  if (hasTemplate) cases.push({ key: 'template', run: build(etdz, 'etdz-template.pptx', ['--template', template]) });
  if (hasPeer) {
    cases.push({ key: 'q3', run: build(path.join(PEER, 'q3-briefing.yaml'), 'q3.pptx') });
    if (BEFORE) cases.push({ key: 'q3Before', run: build(path.join(PEER, 'q3-briefing.yaml'), 'q3-before.pptx', [], BEFORE) });
    // The peer resolves pptxgenjs, chart.js and the canvas from this project's node_modules.
    cases.push({ key: 'peer', run: () => timed([path.join(PEER, 'pipeline.js'), 'napi', path.join(tmp, 'peer.pptx')], { env: { NODE_PATH: path.join(ROOT, 'node_modules') } }) });
  }
}
const cold = interleaved(cases, RUNS);
rows.push(['`node -e 0` (floor)', spread(cold.floor), '', '', '', '']);
if (cold.etdz) rows.push(['ETDZ deck, cold CLI build (18 slides, 3 charts)', spread(cold.etdz), fmt(cold.etdz.rss), '', '', '≤ 300 ms']);
if (cold.etdzBefore) rows.push([`… the same with ${path.relative(process.cwd(), BEFORE)} (before)`, spread(cold.etdzBefore), fmt(cold.etdzBefore.rss), '', `${(cold.etdz.median / cold.etdzBefore.median).toFixed(2)}× before`, '']);
if (cold.template) rows.push([`… the same on the template ${TEMPLATE_ROW}`, spread(cold.template), fmt(cold.template.rss), '', `${(cold.template.median / cold.etdz.median).toFixed(2)}× ETDZ`, '≤ 1.5×']);
if (cold.q3) {
  rows.push(['Q3 briefing (../shared/bench), cold CLI build (12 slides, 2 charts)', spread(cold.q3), fmt(cold.q3.rss), '', `${(cold.q3.median / cold.peer.median).toFixed(2)}× peer`, '≤ 1.0× peer']);
  if (cold.q3Before) rows.push([`… the same with ${path.relative(process.cwd(), BEFORE)} (before)`, spread(cold.q3Before), fmt(cold.q3Before.rss), '', `${(cold.q3Before.median / cold.peer.median).toFixed(2)}× peer`, '']);
  rows.push(['… the peer: hand-written pptxgenjs + chart.js script, same deck', spread(cold.peer), fmt(cold.peer.rss), '', '1.00', '']);
} else if (wants('cold')) {
  console.error(`(no ${PEER}: the peer row is not measured)`);
}
if (wants('watch')) {
  const w = await watchRebuild();
  rows.push(['ETDZ watch rebuild after a text edit (build)', spread(w.build), '', '', '', '≤ 60 ms']);
  rows.push(['  … plus reading the outline and the atomic write', spread(w.total), '', '', '', '']);
  rows.push(['ETDZ watch, save to new deck on disk', spread(w.latency), '', '', '', '≤ 50 ms']);
}
if (wants('serve')) {
  const sv = await serveTimings();
  if (sv.skipped) rows.push([`ETDZ serve (skipped: ${sv.skipped})`, '—', '', '', '', '']);
  else {
    rows.push(['ETDZ serve, start to first slide on screen', fmt(sv.first), '', '', '', '']);
    rows.push([`ETDZ serve, start to all 18 slides on screen (${sv.startRange})`, fmt(sv.start), '', '', '', '≤ 3000 ms']);
    rows.push([`ETDZ serve, one-word edit to slide on screen (${sv.editRange})`, fmt(sv.edit), '', '', '', '≤ 1000 ms']);
    const p = sv.profile;
    if (p) rows.push([`  … build ${fmt(p.build)}, slide fingerprints ${fmt(p.parts)}, LibreOffice PDF ${fmt(p.pdf)}, pdftoppm + PNG ${fmt(p.raster)}`, '', '', '', '', '']);
  }
}
if (wants('synthetic')) {
  const sizes = [30, 100, 300];
  const synth = interleaved(sizes.map((n) => ({ key: String(n), run: build(syntheticDeck(n), `s${n}.pptx`) })), SYNTHETIC_RUNS);
  for (const n of sizes) {
    const r = synth[String(n)];
    rows.push([`synthetic ${n} slides, ${n / 2} charts, cold`, spread(r), fmt(r.rss), fmt(r.median / n, 1), '', n === 300 ? '≤ 3500 ms, ≤ 400 MiB' : '']);
  }
}

const TEMPLATES = path.resolve(ROOT, '..', 'shared', 'templates');
if (!wants('templates')) {
  // not asked for
} else if (fs.existsSync(TEMPLATES)) {
  for (const f of fs.readdirSync(TEMPLATES).filter((n) => /\.(pptx|potx|pptm)$/.test(n)).sort()) {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'test', 'bench', 'template-read.mjs'), path.join(TEMPLATES, f), String(RUNS)], { encoding: 'utf8', env: childEnv });
    if (r.status !== 0) throw new Error(`reading ${f} failed:\n${r.stderr}`);
    const t = JSON.parse(r.stdout);
    rows.push([`template ${f} (${Math.round(t.bytes / 1024)} KiB): read warm (first read ${fmt(t.cold)} ms)`, fmt(t.warm), '', '', '', '≤ 100 ms']);
  }
} else {
  console.error(`(no ${TEMPLATES}: template reads not measured)`);
}

const header = ['measurement', 'median ms (min–max)', 'peak RSS MiB', 'ms / slide', 'ratio', 'target'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
console.log(`Node ${process.version}, ${os.cpus().length} cores; NODE_EXTRA_CA_CERTS ${CA_SET ? 'was set, and unset for the measured processes' : 'not set'}; medians of ${RUNS} interleaved runs (synthetic ${SYNTHETIC_RUNS})\n`);
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
fs.rmSync(tmp, { recursive: true, force: true });
