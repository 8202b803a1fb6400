// Lighthouse 12 (npm, tests/e2e/package.json) on the release build: Performance,
// Accessibility and Best Practices, each against a floor of 95. Part of `./dev.sh bench`
// (bench.mjs imports it); alone:
//
//   node tests/bench/lighthouse.mjs <dist> [<profile document .json>]
//
// Served with gzip (tests/e2e/serve.mjs --gzip), as a web server hosting the app would;
// LH_GZIP=0 serves the plain files, as `trunk serve` does.
// Two pages: the first run (no profile: the onboarding a new user sees) and the overview
// of a returning user (the document seeded into localStorage before the app loads).
// Lighthouse's desktop preset: a laptop screen, no CPU slow-down, and *simulated*
// throttling (a 10 Mbit/s, 40 ms line computed from the trace), so nothing is throttled
// over a real network; its floors are budgets. The bench also runs the mobile preset
// (Lighthouse's default: a phone's screen, 4× CPU slow-down, simulated slow 4G) and
// reports it without a budget. Debian's /usr/bin/chromium, headless, with the flags below: it
// never reaches past 127.0.0.1. Each page is run LH_RUNS times (default 3); the run with
// the median performance score is kept (Lighthouse's own advice for noisy machines).
import { createServer } from 'node:net';
import { spawn } from 'node:child_process';
import { readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(resolve('tests/e2e/package.json'));
const load = async (name) => import(pathToFileURL(require.resolve(name)).href);

export const FLOOR = 95;
const GZIP = process.env.LH_GZIP !== '0';
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// Runs in every new document before the app: a returning user's profile is there. Only
// when it is missing, and never on about:blank (no storage there).
const SEED = (text) => {
  try {
    const doc = JSON.parse(text);
    const id = doc.profile.id;
    if (localStorage.getItem(`leerspoor/v1/doc/${id}`) == null) {
      localStorage.setItem(`leerspoor/v1/doc/${id}`, text);
      localStorage.setItem(`leerspoor/v1/rev/${id}`, String(doc.revision));
      localStorage.setItem('leerspoor/v1/active', id);
    }
  } catch {}
};

const freePort = () =>
  new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
    s.once('error', fail);
  });

function serve(root, port) {
  const args = ['tests/e2e/serve.mjs', root, String(port), ...(GZIP ? ['--gzip'] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((ok, fail) => {
    child.stdout.once('data', () => ok(child));
    child.once('exit', (code) => fail(new Error(`server on ${port} exited with ${code}`)));
  });
}

/** One Lighthouse run in a fresh Chromium; `docText` seeds a profile. `preset`: 'desktop'
 * (desktop-config.js) or 'mobile' (Lighthouse's default configuration). */
async function once(url, docText, preset = 'desktop') {
  const [{ default: lighthouse }, { default: desktop }, chromeLauncher, { default: puppeteer }] = await Promise.all([
    load('lighthouse'),
    load('lighthouse/core/config/desktop-config.js'),
    load('chrome-launcher'),
    load('puppeteer-core'),
  ]);
  const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  let browser;
  try {
    browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    if (docText) await page.evaluateOnNewDocument(SEED, docText);
    const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES, maxWaitForLoad: 60_000 };
    const { lhr } = await lighthouse(url, flags, preset === 'mobile' ? undefined : desktop, page);
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    // The page as Lighthouse left it: its title says which page was measured.
    const heading = await page.evaluate(() => document.querySelector('h1')?.textContent ?? null).catch(() => null);
    return { lhr, heading };
  } finally {
    await browser?.disconnect().catch(() => {});
    await stop(chrome);
  }
}

// chrome-launcher kills Chromium's process group and does not wait; once a browser was
// seen to outlive it, so wait for the exit and kill the group again if it has not come.
async function stop(chrome) {
  const gone = new Promise((ok) => (chrome.process.exitCode != null || chrome.process.signalCode != null ? ok() : chrome.process.once('exit', ok)));
  chrome.kill();
  const timer = (ms) => new Promise((ok) => setTimeout(() => ok('timeout'), ms));
  if ((await Promise.race([gone, timer(5000)])) === 'timeout') {
    try {
      process.kill(-chrome.pid, 'SIGKILL');
    } catch {}
    await Promise.race([gone, timer(5000)]);
  }
}

/** What a run says: the three scores (0–100), the metrics, and every audit that cost points. */
function summary({ lhr, heading }) {
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c].score == null ? null : Math.round(lhr.categories[c].score * 100)]));
  const metric = (id) => lhr.audits[id]?.numericValue ?? null;
  const metrics = {
    firstContentfulPaintMs: metric('first-contentful-paint'),
    largestContentfulPaintMs: metric('largest-contentful-paint'),
    totalBlockingTimeMs: metric('total-blocking-time'),
    cumulativeLayoutShift: metric('cumulative-layout-shift'),
    speedIndexMs: metric('speed-index'),
  };
  for (const k of Object.keys(metrics)) if (metrics[k] != null) metrics[k] = Math.round(metrics[k] * 1000) / 1000;
  const lost = [];
  for (const c of CATEGORIES) {
    for (const ref of lhr.categories[c].auditRefs) {
      const a = lhr.audits[ref.id];
      if (ref.weight > 0 && a.score != null && a.score < 1) {
        lost.push({ category: c, id: a.id, score: a.score, weight: ref.weight, title: a.title, value: a.displayValue ?? '' });
      }
    }
  }
  // Every origin the page asked for (only the server on 127.0.0.1), and the audits that
  // could not run: Lighthouse 12.2 does not read every part of a newer Chromium's trace
  // (the LCP element, for one). A weighted audit that errs would leave its category
  // without a score, so these are diagnostics only.
  const errored = Object.values(lhr.audits).filter((a) => a.scoreDisplayMode === 'error').map((a) => a.id);
  const origins = [...new Set((lhr.audits['network-requests']?.details?.items ?? []).map((i) => new URL(i.url).origin))];
  return {
    scores,
    metrics,
    lost,
    heading,
    origins,
    errored,
    lighthouse: lhr.lighthouseVersion,
    userAgent: lhr.environment?.hostUserAgent,
  };
}

/**
 * Lighthouse on `dist` (served here on a free port): the first run, and — with `docText`
 * — the overview of a returning user. Returns one entry per page.
 */
export async function lighthouseRuns({ dist, docText, runs = Number(process.env.LH_RUNS ?? 3), log = () => {}, preset = 'desktop' }) {
  const port = await freePort();
  const server = await serve(dist, port);
  const pages = [{ name: 'first run (onboarding)', path: '/', doc: null }];
  if (docText) pages.push({ name: 'overview with a profile', path: '/', doc: docText });
  const out = [];
  try {
    for (const p of pages) {
      const all = [];
      for (let i = 0; i < runs; i++) {
        log(`lighthouse (${preset}): ${p.name}, run ${i + 1} of ${runs}`);
        all.push(summary(await once(`http://127.0.0.1:${port}${p.path}`, p.doc, preset)));
      }
      all.sort((a, b) => a.scores.performance - b.scores.performance);
      const kept = all[Math.floor(all.length / 2)];
      out.push({ page: p.name, path: p.path, preset, gzip: GZIP, runs, performanceScores: all.map((r) => r.scores.performance), ...kept });
    }
  } finally {
    server.kill();
  }
  return out;
}

/** Markdown rows for the bench table; `budgeted: false` shows the scores without pass/fail. */
export function lighthouseTable(results, { budgeted = true } = {}) {
  const served = results[0]?.gzip === false ? 'plain files' : 'served with gzip';
  const preset = results[0]?.preset ?? 'desktop';
  const note = budgeted ? '' : ', reported, no budget';
  const L = [`| Lighthouse (${preset} preset, ${served}${note}) | performance | accessibility | best practices |`, '|---|---:|---:|---:|'];
  const cell = (v) => (v == null ? '–' : budgeted ? `${v} ${v >= FLOOR ? 'pass' : 'FAIL'}` : `${v}`);
  for (const r of results) {
    L.push(`| ${r.page} (median of ${r.runs}: ${r.performanceScores.join(', ')}) | ${cell(r.scores.performance)} | ${cell(r.scores.accessibility)} | ${cell(r.scores['best-practices'])} |`);
  }
  const lost = results.flatMap((r) => r.lost.map((l) => `| ${r.page} | ${l.category} | ${l.title.replace(/\|/g, '/')} | ${l.score} | ${l.value.replace(/\|/g, '/')} |`));
  if (lost.length) L.push('', 'Audits that cost points:', '', '| page | category | audit | score | value |', '|---|---|---|---:|---|', ...lost);
  return L.join('\n');
}

// Alone: `node tests/bench/lighthouse.mjs <dist> [<document.json>]`.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dist = resolve(process.argv[2] ?? 'dist');
  const docPath = process.argv[3] ?? 'bench-results/data/realistic.json';
  const docText = existsSync(docPath) ? readFileSync(docPath, 'utf8') : null;
  const results = await lighthouseRuns({ dist, docText, log: (m) => console.error('  ·', m) });
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/lighthouse.json', JSON.stringify(results, null, 2) + '\n');
  console.log(lighthouseTable(results));
}
