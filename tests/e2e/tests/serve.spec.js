// `./dev.sh serve`, the main command: the page exactly as Trunk's own server gives it.
// Trunk's serve differs from the build the other tests use: it may add an inline script
// to index.html and rewrites the page per request, so only Trunk's own server shows what
// a user of `./dev.sh serve` sees.
//
// The cost: `./dev.sh serve` runs Trunk's pipeline once more into a folder of its own.
// After `./dev.sh test`'s release build, Cargo has nothing left to compile, so this is
// wasm-bindgen, wasm-opt and the hooks, not a second release build of the crate.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = new URL('../../../', import.meta.url).pathname;
// Beside the port of the other tests' server, so work trees side by side do not clash.
const port = Number(process.env.E2E_PORT ?? 4173) + 1000;
const url = `http://127.0.0.1:${port}/`;

let server = null;
let exited = null;
let dist = null;
let log = '';

test.beforeAll(async () => {
  test.setTimeout(900_000); // a cold Cargo target builds the whole crate first
  dist = mkdtempSync(join(tmpdir(), 'leerspoor-serve-'));
  server = spawn('./dev.sh', ['serve'], {
    cwd: repo,
    detached: true, // its own process group, so the whole of it is stopped afterwards
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TRUNK_SERVE_PORT: String(port), TRUNK_BUILD_DIST: dist },
  });
  server.stdout.on('data', (d) => (log += d));
  server.stderr.on('data', (d) => (log += d));
  server.on('exit', (code) => (exited = code));
  // Trunk answers once its first build is in place.
  for (;;) {
    if (exited !== null) throw new Error(`./dev.sh serve stopped (exit ${exited}):\n${log.slice(-4000)}`);
    const page = await fetch(url).then((r) => (r.ok ? r.text() : ''), () => '');
    if (page.includes('.wasm')) break;
    await new Promise((r) => setTimeout(r, 1_000));
  }
});

test.afterAll(async () => {
  if (server && exited === null) {
    const gone = new Promise((r) => server.once('exit', r));
    process.kill(-server.pid, 'SIGINT');
    await gone;
  }
  if (dist) rmSync(dist, { recursive: true, force: true });
});

test('the page as ./dev.sh serve gives it starts without a console error or a policy violation', async ({ page }) => {
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.sample || e.blockedURI}`));
  });
  await page.goto(url);
  await expect(page.locator('html[data-leerspoor="ready"]')).toBeAttached();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welkom bij Leerspoor');
  // The policy is in force there too, with no inline script allowed but Trunk's start-up.
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(policy).not.toContain('unsafe-inline');
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  // Again as a returning user, with the service worker in control of the page.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect(page.locator('html[data-leerspoor="ready"]')).toBeAttached();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(errors).toEqual([]);
});
