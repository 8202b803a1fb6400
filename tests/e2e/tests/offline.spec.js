// Offline: the service worker keeps the app, a new version waits for the user, the browser
// is asked to keep the data, and the single file runs from disk with no network at all.
import { test, expect } from '@playwright/test';
import { singleFile, open, createProfile, goTo, saved, beginScan, fillAndFinish, storageDump, axeViolations } from './helpers.js';

/** Waits until the service worker has cached the build and controls the page. */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
}

test('after one visit the app works offline: reload, a deep link, a whole scan', async ({ page, context }) => {
  await createProfile(page);
  await controlled(page);
  await context.setOffline(true);
  // Really offline, for the page and its worker alike: a file the worker never kept fails.
  expect(await page.evaluate(() => fetch('/niet-bewaard.txt').then(() => 'online', () => 'offline'))).toBe('offline');
  const reloaded = await page.reload();
  expect(reloaded.fromServiceWorker()).toBe(true);
  await expect(page.locator('html[data-leerspoor="ready"]')).toBeAttached();
  await expect(page.getByTestId('profile-badge')).toContainText('Sanne de Vries');
  // A deep link, typed or bookmarked, opens offline too.
  await open(page, '/zelfscan');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zelfscan');
  await beginScan(page);
  await fillAndFinish(page, (step) => String(1 + (step % 4)));
  await page.reload();
  await expect(page.locator('html[data-leerspoor="ready"]')).toBeAttached();
  await expect(page).toHaveURL(/\/zelfscan\/scan\//);
  await expect(page.getByText(/Deze scan is afgerond/)).toBeVisible();
  await context.setOffline(false);
});

test('the first visit downloads the build once: the worker keeps the files the page loaded', async ({ page, context }) => {
  await open(page, '/');
  await controlled(page);
  // What the worker fetched to keep, as its own resource timing tells: a transfer size
  // of 0 is a copy from the browser's HTTP cache, the one the page has just loaded.
  const [worker] = context.serviceWorkers();
  const fetched = Object.fromEntries(
    await worker.evaluate(() => performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname, e.transferSize])),
  );
  const named = (re) => Object.keys(fetched).filter((f) => re.test(f));
  expect(named(/_bg\.wasm$/)).toHaveLength(1);
  expect(named(/\.css$/).length).toBeGreaterThan(1);
  for (const file of [...named(/_bg\.wasm$/), ...named(/-[0-9a-f]{8,16}\.js$/), ...named(/\.css$/)]) {
    expect(fetched[file], file).toBe(0);
  }
  // Files that keep their names from build to build are fetched anew, so the copy kept
  // is this build's.
  expect(fetched['/index.html']).toBeGreaterThan(0);
  expect(fetched['/manifest.webmanifest']).toBeGreaterThan(0);
});

test.describe('a new version', () => {
  // axe is injected as an inline script, which the policy (rightly) refuses.
  test.use({ bypassCSP: true });

  test('is offered, waits for the user, saves the pending change first, then reloads', async ({ page, context, baseURL }) => {
    // The page's timers run on a clock the test can move on; a change of the worker in
    // control of the page is counted as it happens.
    await page.clock.install();
    await page.addInitScript(() => {
      window.__controllerChanges = 0;
      navigator.serviceWorker?.addEventListener('controllerchange', () => window.__controllerChanges++);
    });
    await createProfile(page);
    await controlled(page);
    await expect(page.getByTestId('update-notice')).toHaveCount(0);
    // A new deployment: sw.js differs (tests/e2e/serve.mjs), found when the page is loaded.
    await context.addCookies([{ name: 'leerspoor-sw', value: 'v2', url: baseURL }]);
    await page.reload();
    const notice = page.getByTestId('update-notice');
    await expect(notice).toContainText('Er is een nieuwe versie van Leerspoor.', { timeout: 15_000 });
    await expect(page.getByRole('status').filter({ has: notice })).toHaveAttribute('aria-live', 'polite');
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    // Nothing happens by itself: a minute later on the page's clock (every timer that was
    // due has run) it is the same page, the new version still waits, and the worker in
    // control has not changed.
    await page.evaluate(() => (window.__sameDocument = true));
    await page.clock.runFor(60_000);
    expect(await page.evaluate(async () => ({
      same: window.__sameDocument,
      waiting: (await navigator.serviceWorker.getRegistration()).waiting !== null,
      changes: window.__controllerChanges,
    }))).toEqual({ same: true, waiting: true, changes: 0 });
    // Mid-edit: the change is still waiting for its save when the user clicks.
    await page.getByLabel('Naam', { exact: true }).fill('Sanne, bijgewerkt');
    await expect(page.getByTestId('save-status')).toHaveText(/Bezig met opslaan/);
    const navigated = page.waitForEvent('framenavigated');
    await notice.getByRole('button', { name: 'Nu bijwerken' }).click();
    await navigated;
    await expect(page.locator('html[data-leerspoor="ready"]')).toBeAttached();
    expect(await page.evaluate(() => window.__sameDocument)).toBeUndefined();
    await expect(page.getByLabel('Naam', { exact: true })).toHaveValue('Sanne, bijgewerkt');
    await expect(page.getByTestId('profile-badge')).toContainText('Sanne, bijgewerkt');
    // The new version is the one running now, so nothing is offered any more.
    await expect(page.getByTestId('update-notice')).toHaveCount(0);
    expect(await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return { waiting: registration.waiting !== null, controlled: navigator.serviceWorker.controller !== null };
    })).toEqual({ waiting: false, controlled: true });
  });
});

test('Delen says whether the browser keeps the data for good, and how much room it uses', async ({ page }) => {
  await createProfile(page);
  await goTo(page, 'Delen');
  const section = page.getByRole('region', { name: 'Opslag op deze laptop' });
  const status = section.getByTestId('storage-persistence');
  await expect(status).toHaveAttribute('role', 'status');
  const kept = await page.evaluate(() => navigator.storage.persisted());
  await expect(status).toHaveText(kept ? /bewaart je gegevens vast/ : /niet toegezegd/);
  await expect(section.getByTestId('storage-usage')).toHaveText(/^Leerspoor gebruikt in deze browser [\d,]+ [kMGT]B van de ongeveer [\d,]+ [kMGT]B/);
  await expect(section.getByTestId('single-file-note')).toHaveCount(0);
});

test.describe('the single file', () => {
  let url;
  let remove;

  // The same release build the server serves (helpers.js, singleFile).
  test.beforeAll(() => ({ url, remove } = singleFile()));
  test.afterAll(() => remove());

  test('runs from disk with no server and no network, and keeps its data apart', async ({ page, context }) => {
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    await context.route(/^(https?|wss?):/, (route) => route.abort());
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await createProfile(page, { url });
    await goTo(page, 'Zelfscan');
    await beginScan(page);
    await fillAndFinish(page, () => '4');
    // A reload opens the same page: the route lives in the fragment of the file's URL.
    await page.reload();
    await expect(page.locator('html[data-leerspoor="ready"]')).toBeAttached();
    await expect(page.getByText(/Deze scan is afgerond/)).toBeVisible();
    await goTo(page, 'Delen');
    await expect(page.getByTestId('single-file-note')).toContainText('Dit is de losse-bestandsversie');
    await expect(page.getByTestId('storage-persistence')).not.toHaveText(/Even kijken/);
    // Back and Forward go through the pages, as in the web edition.
    await page.goBack();
    await expect(page.getByText(/Deze scan is afgerond/)).toBeVisible();
    await page.goForward();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Delen');
    // The skip link moves to the content and leaves the page as it is.
    await page.getByRole('link', { name: 'Naar de inhoud' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Delen');
    // Its own key root, apart from the web edition's.
    const keys = Object.keys(await storageDump(page));
    expect(keys.some((k) => k.startsWith('leerspoor-bestand/v1/doc/'))).toBe(true);
    expect(keys.filter((k) => k.startsWith('leerspoor/'))).toEqual([]);
    const doc = JSON.parse((await storageDump(page))[keys.find((k) => k.startsWith('leerspoor-bestand/v1/doc/'))]);
    expect(doc.selfscan.scans[0].status).toBe('finished');
    // Nothing but the file itself (and what it unpacks in memory) was ever requested.
    expect(requests.filter((u) => !/^(file|blob|data):/.test(u))).toEqual([]);
    expect(requests.filter((u) => u.startsWith('file:')).every((u) => u.split('#')[0] === url)).toBe(true);
    expect(await page.evaluate(() => window.__violations)).toEqual([]);
    // The policy allows no other origin, and no 'self' (under file:// that is every file).
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain("'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(await page.evaluate(() => fetch('http://198.51.100.7/weg').then(() => 'sent', () => 'refused'))).toBe('refused');
    expect(await page.evaluate(() => window.__violations.some((v) => v.startsWith('connect-src')))).toBe(true);
    await saved(page);
  });

  test('passes the accessibility checks', async ({ browser }) => {
    // axe is injected as an inline script, which the policy (rightly) refuses.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const clean = async (state) => {
      const violations = await axeViolations(page);
      expect(violations, `${state}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
    };
    await open(page, url);
    await clean('onboarding');
    await createProfile(page, { url });
    await clean('overview');
    await goTo(page, 'Delen');
    await expect(page.getByTestId('single-file-note')).toBeVisible();
    await clean('Delen');
    await context.close();
  });
});
