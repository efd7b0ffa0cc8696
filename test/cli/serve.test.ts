// briefdeck serve in a real browser (Debian's chromium through playwright-core), as a person uses it:
// load the page and count the slides, edit the outline and watch that slide change (and only that one,
// without a reload or a jump), break the outline and read the located error above the last good slides,
// fix it. The picture serve shows is compared with LibreOffice's rendering of the whole deck.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createCanvas, loadImage } from '../../src/canvas.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertToPdf, findPdftoppm, findSoffice, pdfToPngs } from '../../src/cli/office.js';
// @ts-expect-error plain ESM shared with the bench
import { allShown, launchBrowser, projectWith, serveMissing, shownKeys, slideChanged, startServe } from '../serve-driver.mjs';
import { buildDeck, DECKS, mustRunInCi, tempDir } from '../helpers.js';

const missing: string[] = serveMissing();
// Loud when skipped here; under CI=true a failure.
const why = mustRunInCi(missing.length ? `briefdeck serve's browser test needs ${missing.join(', ')}` : undefined);

async function pixels(png: Buffer): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const img = await loadImage(png);
  const c = createCanvas(img.width, img.height);
  const ctx = c.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return { width: img.width, height: img.height, data: ctx.getImageData(0, 0, img.width, img.height).data };
}

function get(url: string, host?: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    http
      .get({ host: u.hostname, port: u.port, path: u.pathname, headers: host ? { host } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe.skipIf(why !== undefined)('briefdeck serve', () => {
  const project = projectWith('etdz-briefing.yaml');
  const original = fs.readFileSync(project.outline, 'utf8');
  let serve: ReturnType<typeof startServe>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    serve = startServe(project.dir, project.rel);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    expect(await serve?.stop()).toBe(0);
    expect(serve.output().out).toMatch(/^stopped serving decks\/etdz-briefing\.yaml$/m);
    fs.rmSync(project.dir, { recursive: true, force: true });
  });

  it('shows every slide with its notes and its outline line, follows edits, errors and the fix', async () => {
    const deck = await buildDeck(path.join(DECKS, 'etdz-briefing.yaml'));
    const placed = deck.placed!.slides;
    const url: string = await serve.url;
    const page = await browser.context.newPage();
    await page.goto(url);
    expect(await allShown(page)).toBe(placed.length);
    expect(await page.locator('#slides figure').count()).toBe(placed.length);

    // Each slide links back to its line; speaker notes sit under their slide.
    const links = await page.locator('figcaption a').allTextContents();
    expect(links).toEqual(placed.map((s) => `decks/etdz-briefing.yaml:${s.span.line}`));
    const noted = placed.findIndex((s) => s.notes);
    expect(noted).toBeGreaterThanOrEqual(0);
    expect(await page.locator('#slides figure').nth(noted).locator('.notes').textContent()).toBe(placed[noted]!.notes);

    // A one-word edit: that slide's picture changes, no other, no reload, no jump.
    const edited = placed.findIndex((s) => s.title === 'From the first group to today');
    const n = placed[edited]!.number;
    await page.locator('#slides figure').nth(edited).scrollIntoViewIfNeeded();
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    const scrollY = await page.evaluate(() => window.scrollY);
    const before = await shownKeys(page);
    fs.writeFileSync(project.outline, original.replace('title: From the first group to today', 'title: From the first zones to today'));
    const changed = await slideChanged(page, n, before[n]);
    const after = await shownKeys(page);
    expect(Object.keys(after).filter((k) => after[k] !== before[k])).toEqual([String(n)]);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollY);
    expect(await page.locator('#slides figure').nth(edited).locator('figcaption .t').textContent()).toBe('From the first zones to today');

    // The picture is LibreOffice's rendering of the slide in the whole deck, pixel for pixel (within
    // a hair: anti-aliasing may differ by a level or two).
    const shown = await get(`${url}slides/${changed}.png`);
    expect(shown.status).toBe(200);
    const work = tempDir('serve-ref');
    const editedDeck = path.join(work, 'deck.pptx');
    const { build } = await import('../../src/build.js');
    const rebuilt = await build(fs.readFileSync(project.outline, 'utf8'), { baseDir: path.dirname(project.outline) });
    fs.writeFileSync(editedDeck, rebuilt.pptx!);
    const pdf = await convertToPdf(findSoffice()!, editedDeck, work, work);
    const pages = await pdfToPngs(findPdftoppm()!, pdf, path.join(work, 'pages'), 96, { width: 1280, height: 720 });
    const [a, b] = await Promise.all([pixels(shown.body), pixels(fs.readFileSync(pages[edited]!))]);
    expect([a.width, a.height]).toEqual([b.width, b.height]);
    let off = 0;
    for (let i = 0; i < a.data.length; i += 4) if (Math.max(Math.abs(a.data[i]! - b.data[i]!), Math.abs(a.data[i + 1]! - b.data[i + 1]!), Math.abs(a.data[i + 2]! - b.data[i + 2]!)) > 8) off++;
    expect(off / (a.width * a.height)).toBeLessThan(0.001);
    fs.rmSync(work, { recursive: true, force: true });

    // A broken save: the located error (file:line:col, excerpt, hint) above the last good slides.
    fs.writeFileSync(project.outline, `${original}\nslides: [\n`);
    const problem = page.locator('#problems pre').first();
    await problem.waitFor({ timeout: 20_000 });
    expect(await problem.textContent()).toMatch(/^decks\/etdz-briefing\.yaml:\d+:\d+: error: /);
    expect(await problem.textContent()).toMatch(/\n\s+\d+ \| /);
    expect(await page.locator('#status').textContent()).toMatch(/not rebuilt/);
    expect(await page.locator('#slides figure').count()).toBe(placed.length);
    expect(await shownKeys(page)).toEqual(after);

    // Fixed: the errors go, the slides follow the outline again.
    fs.writeFileSync(project.outline, original);
    await page.locator('#problems pre').first().waitFor({ state: 'detached', timeout: 20_000 });
    await slideChanged(page, n, changed);
    expect(await allShown(page)).toBe(placed.length);
    expect((await shownKeys(page))[n]).toBe(before[n]);
    await page.close();
  });

  it('answers only requests addressed to 127.0.0.1 or localhost', async () => {
    const url: string = await serve.url;
    expect((await get(url)).status).toBe(200);
    expect((await get(url, 'attacker.example:80')).status).toBe(403);
    expect((await get(`${url}slides/../../etc/passwd`)).status).toBe(404);
  });
});
