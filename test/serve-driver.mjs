// Drives `briefdeck serve` as a person would, in a real headless Chromium (Debian's, through
// playwright-core): start it on a copy of a deck, load the page, edit the outline, wait for the slide
// on screen to change. Shared by test/cli/serve.test.ts and the bench (plain ESM so both can load it).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI = path.join(ROOT, 'dist', 'bin', 'briefdeck.js');
export const CHROMIUM = process.env.BRIEFDECK_CHROMIUM ?? '/usr/bin/chromium';

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** What serve and its browser test need that this machine lacks (empty when all is there). */
export function serveMissing() {
  const missing = [];
  if (!fs.existsSync(CHROMIUM)) missing.push(`${CHROMIUM} (apt-get install -y chromium)`);
  if (!has('soffice')) missing.push('soffice (apt-get install -y --no-install-recommends libreoffice-impress)');
  if (!has('pdftoppm')) missing.push('pdftoppm (apt-get install -y poppler-utils)');
  const uno = ['/usr/bin/python3', 'python3'].some((py) => spawnSync(py, ['-c', 'import uno']).status === 0);
  if (!uno) missing.push('LibreOffice\'s Python bridge (apt-get install -y python3-uno)');
  return missing;
}

/** A copy of decks/<name> (and its data and assets) in a fresh folder, as a user's project. */
export function projectWith(deck) {
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'briefdeck-serve-test-'));
  fs.cpSync(path.join(ROOT, 'decks'), path.join(dir, 'decks'), { recursive: true });
  if (fs.existsSync(path.join(ROOT, 'assets'))) fs.cpSync(path.join(ROOT, 'assets'), path.join(dir, 'assets'), { recursive: true });
  return { dir, outline: path.join(dir, 'decks', deck), rel: path.join('decks', deck) };
}

/** Starts `briefdeck serve`; resolves with its URL once it says where it serves. */
export function startServe(cwd, rel, extra = [], env = {}) {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'serve', rel, '--port', '0', ...extra], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const url = new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${out}\n${err}`)));
  });
  return {
    child,
    started,
    url,
    output: () => ({ out, err }),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGINT');
      }),
  };
}

export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'briefdeck-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until every slide on the page shows its current picture; returns the slide count. */
export async function allShown(page, timeout = 60_000) {
  await page.waitForFunction(
    () => {
      const v = window.__briefdeck;
      const s = v?.state;
      return !!s && s.ok && s.slides.length > 0 && s.slides.every((x) => v.shown[x.n] === x.key);
    },
    undefined,
    { timeout, polling: 'raf' },
  );
  return page.evaluate(() => window.__briefdeck.state.slides.length);
}

/** Waits until slide n shows a picture other than `key`; returns its new key. */
export async function slideChanged(page, n, key, timeout = 30_000) {
  await page.waitForFunction(([n, key]) => { const k = window.__briefdeck?.shown[n]; return k !== undefined && k !== key; }, [n, key], { timeout, polling: 'raf' });
  return page.evaluate((n) => window.__briefdeck.shown[n], n);
}

export const shownKeys = (page) => page.evaluate(() => ({ ...window.__briefdeck.shown }));
