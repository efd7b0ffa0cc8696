// The one page `briefdeck serve` shows: the slides in order, each with its speaker notes and a link to
// its line in the outline, and the located problems of the last save above them. It never reloads:
// state arrives over server-sent events and is applied in place, a slide's new picture swapped in only
// once it has loaded, so the scroll position and the view stay where the reader left them.

const STYLE = `
:root { color-scheme: light dark; --bg: #f4f5f7; --card: #fff; --ink: #1d2330; --muted: #5b6475; --err: #c62828; --warn: #a86400; --line: #d8dce3; }
@media (prefers-color-scheme: dark) { :root { --bg: #15181e; --card: #1f232b; --ink: #e7e9ee; --muted: #9aa3b5; --err: #ff6b6b; --warn: #f0b35a; --line: #343a46; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
#top { position: sticky; top: 0; z-index: 2; }
header { display: flex; gap: 12px; align-items: baseline; padding: 10px 24px; background: var(--card); border-bottom: 1px solid var(--line); }
header h1 { font-size: 16px; margin: 0; font-weight: 600; }
header .file { color: var(--muted); font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
#status { margin-left: auto; font-size: 13px; color: var(--muted); }
#status.error { color: var(--err); font-weight: 600; }
main { max-width: 1040px; margin: 0 auto; padding: 20px 24px 80px; }
#problems:empty { display: none; }
/* Under the header and always in view: the slide being edited may be far down the page. */
#problems { max-height: 45vh; overflow: auto; padding: 12px 24px 2px; background: var(--bg); border-bottom: 1px solid var(--line); box-shadow: 0 2px 6px rgb(0 0 0 / 0.15); }
#problems pre { max-width: 992px; margin-left: auto !important; margin-right: auto !important; }
#problems pre { margin: 0 0 10px; padding: 10px 14px; background: var(--card); border-left: 4px solid var(--err); border-radius: 4px; overflow-x: auto; font: 13px/1.4 ui-monospace, Menlo, Consolas, monospace; white-space: pre; }
#problems pre.warning { border-left-color: var(--warn); }
figure { margin: 0 0 28px; }
figcaption { display: flex; gap: 10px; align-items: baseline; margin-bottom: 6px; font-size: 13px; color: var(--muted); }
figcaption .n { font-weight: 600; color: var(--ink); }
figcaption a { margin-left: auto; color: inherit; font-family: ui-monospace, Menlo, Consolas, monospace; }
.frame { position: relative; background: var(--card); border: 1px solid var(--line); box-shadow: 0 1px 3px rgb(0 0 0 / 0.12); }
.frame img { display: block; width: 100%; height: auto; }
figure.pending .frame::after { content: "updating…"; position: absolute; top: 8px; right: 8px; padding: 2px 8px; font-size: 12px; background: rgb(0 0 0 / 0.6); color: #fff; border-radius: 10px; }
.notes { margin-top: 8px; padding: 8px 12px; background: var(--card); border: 1px solid var(--line); border-radius: 4px; white-space: pre-wrap; font-size: 14px; }
.notes:empty { display: none; }
.notes::before { content: "Notes"; display: block; font-size: 11px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); }
`;

/** Runs in the browser. Kept small and dependency-free; tests drive it through a real Chromium. */
const SCRIPT = `
const $ = (sel, el = document) => el.querySelector(sel);
const view = { applied: 0, shown: {} };
window.__briefdeck = view;
let aspect = '16 / 9';

function figureFor(i) {
  const list = $('#slides');
  let fig = list.children[i];
  if (fig) return fig;
  fig = document.createElement('figure');
  fig.innerHTML = '<figcaption><span class="n"></span><span class="t"></span><a></a></figcaption><div class="frame"><img alt=""></div><div class="notes"></div>';
  list.appendChild(fig);
  return fig;
}

function apply(state) {
  document.title = state.title + ' — briefdeck serve';
  $('h1').textContent = state.title;
  $('.file').textContent = state.file;
  const status = $('#status');
  status.textContent = state.status;
  status.className = state.ok ? '' : 'error';
  const problems = $('#problems');
  problems.replaceChildren(...state.problems.map((p) => {
    const pre = document.createElement('pre');
    pre.className = p.severity;
    pre.textContent = p.text;
    return pre;
  }));
  aspect = state.aspect;
  state.slides.forEach((s, i) => {
    const fig = figureFor(i);
    fig.dataset.slide = String(s.n);
    $('.n', fig).textContent = 'Slide ' + s.n;
    $('.t', fig).textContent = s.title;
    const a = $('a', fig);
    a.textContent = s.where;
    a.href = s.href;
    $('.notes', fig).textContent = s.notes;
    const img = $('img', fig);
    img.style.aspectRatio = aspect;
    img.alt = 'Slide ' + s.n + ': ' + s.title;
    if (s.image && img.dataset.key !== s.key) {
      // Swap only once the new picture has loaded: no flash, no jump.
      const next = new Image();
      next.onload = () => {
        if (fig.dataset.want !== s.key) return;
        img.src = next.src;
        img.dataset.key = s.key;
        fig.classList.remove('pending');
        view.shown[s.n] = s.key;
        view.lastSwap = performance.now();
      };
      fig.dataset.want = s.key;
      next.src = s.image;
    } else if (!s.image) {
      fig.dataset.want = s.key;
    }
    fig.classList.toggle('pending', img.dataset.key !== s.key);
  });
  const list = $('#slides');
  while (list.children.length > state.slides.length) list.lastChild.remove();
  view.applied = state.version;
  view.state = state;
}

const events = new EventSource('/events');
events.addEventListener('state', (e) => apply(JSON.parse(e.data)));
events.onerror = () => { $('#status').textContent = 'reconnecting to briefdeck serve…'; $('#status').className = 'error'; };
`;

export function pageHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>briefdeck serve</title>
<style>${STYLE}</style>
</head>
<body>
<div id="top">
<header><h1>…</h1><span class="file"></span><span id="status">starting…</span></header>
<section id="problems" aria-live="polite"></section>
</div>
<main>
<section id="slides"></section>
</main>
<script type="module">${SCRIPT}</script>
</body>
</html>
`;
}
