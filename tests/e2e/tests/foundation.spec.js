// The app shell: first run, navigation, saving, and what happens to bad stored data.
import { test, expect } from '@playwright/test';
import { open, createProfile, storageDump, documentKey, goTo, fillStorage } from './helpers.js';

test('first run creates a profile that survives a reload', async ({ page }) => {
  await open(page, '/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welkom bij Leerspoor');
  // An empty name is refused with a message, and nothing is stored.
  await page.getByRole('button', { name: 'Profiel aanmaken' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Vul je naam in.' })).toBeVisible();
  expect(Object.keys(await storageDump(page)).filter((k) => k.includes('/doc/'))).toHaveLength(0);

  await createProfile(page, { name: 'Sanne de Vries', role: 'Begeleider', course: 'Leergang Noord' });
  await expect(page.getByTestId('greeting')).toHaveText('Welkom, Sanne de Vries');
  const stored = JSON.parse((await storageDump(page))[await documentKey(page)]);
  expect(stored.profile).toMatchObject({ name: 'Sanne de Vries', role: 'coach', course: 'Leergang Noord' });
  expect(stored.schema).toBe(4); // the current schema (2: goals can carry feedback; 3: cases a frame; 4: story plans, rating requests)

  await page.reload();
  await expect(page.getByTestId('profile-badge')).toContainText('Sanne de Vries');
  await expect(page.getByTestId('profile-badge')).toContainText('Begeleider');
});

test('while the app loads a notice says so, and it goes once the app is there', async ({ page }) => {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  const notice = page.getByRole('status').filter({ hasText: 'Leerspoor wordt geladen' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Blijft deze melding staan?');
  release();
  await expect(page.locator('html[data-leerspoor="ready"]')).toBeAttached();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welkom bij Leerspoor');
  await expect(page.locator('#laden')).toHaveCount(0);
});

test('a browser that cannot start the app sees what to do, not a blank page', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.abort());
  // The start-up script gives up when the fetch fails: its rejection is the event to wait for.
  const gaveUp = page.waitForEvent('pageerror');
  await page.goto('/');
  await gaveUp;
  await expect(page.locator('html[data-leerspoor="ready"]')).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('gebruik een recente versie van Edge, Chrome, Firefox of Safari');
});

test('every section is reachable; back, forward and deep links work', async ({ page }) => {
  await createProfile(page);
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  const sections = [
    ['Zelfscan', '/zelfscan'],
    ['Casusjournaal', '/casusjournaal'],
    ['Netwerkkaart', '/netwerkkaart'],
    ['Delen', '/delen'],
  ];
  for (const [name, path] of sections) {
    await nav.getByRole('link', { name }).click();
    await expect(page).toHaveURL(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page).toHaveTitle(`${name} · Leerspoor`);
    await expect(nav.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
  }
  await page.goBack();
  await expect(page).toHaveURL('/netwerkkaart');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Netwerkkaart');
  await page.goForward();
  await expect(page).toHaveURL('/delen');
  // A deep link reloads to the same page.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Delen');
  await open(page, '/casusjournaal');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Casusjournaal');
  await open(page, '/bestaat-niet');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
});

test('edits are saved as they are typed and kept over a reload', async ({ page }) => {
  await createProfile(page);
  await page.getByLabel('Leergang', { exact: true }).fill('Leergang Zuid 2027');
  await expect(page.getByTestId('save-status')).toHaveText(/Opgeslagen/);
  // Reload straight after typing: the pending save is flushed when the page goes.
  await page.getByLabel('Naam', { exact: true }).fill('Sanne V.');
  await page.reload();
  await expect(page.getByLabel('Leergang', { exact: true })).toHaveValue('Leergang Zuid 2027');
  await expect(page.getByLabel('Naam', { exact: true })).toHaveValue('Sanne V.');
});

test('corrupt stored data is kept aside, reported and offered for download', async ({ page }) => {
  await createProfile(page);
  const key = await documentKey(page);
  const broken = '{"schema":1,"profile":{"name":"Sanne", <<afgebroken';
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, broken]);
  await page.reload();
  await expect(page.locator('html[data-leerspoor="ready"]')).toBeAttached();
  const notice = page.getByTestId('kept-notice');
  await expect(notice).toContainText('konden niet worden gelezen');
  await expect(notice).toContainText('geen leesbare JSON');
  // The raw text is kept byte for byte under a separate key; the original key is free.
  const dump = await storageDump(page);
  const kept = Object.entries(dump).filter(([k]) => k.startsWith('leerspoor/v1/kept/'));
  expect(kept).toHaveLength(1);
  expect(kept[0][1]).toBe(broken);
  expect(dump[key]).toBeUndefined();
  // The app still starts: first run again.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welkom bij Leerspoor');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    notice.getByRole('button', { name: 'Download de bewaarde gegevens' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^leerspoor-bewaard-\d{4}-\d{2}-\d{2}\.json$/);
  const path = await download.path();
  const fs = await import('node:fs/promises');
  expect(await fs.readFile(path, 'utf8')).toBe(broken);
  // Making a new profile does not touch the kept copy, and it is still reported.
  await createProfile(page, { name: 'Nieuw Profiel' });
  await page.reload();
  await expect(page.getByTestId('kept-notice')).toBeVisible();
  expect((await storageDump(page))[kept[0][0]]).toBe(broken);
});

test('data from a newer Leerspoor is left untouched and named', async ({ page }) => {
  await createProfile(page);
  const key = await documentKey(page);
  const newer = JSON.parse((await storageDump(page))[key]);
  newer.schema = 99;
  newer.app = '7.0.0';
  const raw = JSON.stringify(newer);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, raw]);
  await page.reload();
  const notice = page.getByTestId('kept-notice');
  await expect(notice).toContainText('schemaversie 99');
  await expect(notice).toContainText('Leerspoor 7.0.0');
  await expect(notice.getByRole('button', { name: 'Verwijderen…' })).toHaveCount(0);
  await createProfile(page, { name: 'Tweede' });
  expect((await storageDump(page))[key]).toBe(raw);
});

test('a full storage refuses the write, says so, and keeps the earlier data', async ({ page }) => {
  await createProfile(page);
  await page.getByLabel('Leergang', { exact: true }).fill('Opgeslagen leergang');
  await expect(page.getByTestId('save-status')).toHaveText(/Opgeslagen/);
  // Fill the origin's quota with other data, as another app on file:// might.
  await fillStorage(page);
  await page.getByLabel('Leergang', { exact: true }).fill('Deze wijziging past niet meer in de opslag');
  await expect(page.getByTestId('save-error')).toContainText('de opslag van de browser is vol');
  await expect(page.getByTestId('save-status')).toHaveText(/Niet opgeslagen/);
  // The app keeps working and the earlier stored version is intact.
  await goTo(page, 'Zelfscan');
  const stored = JSON.parse((await storageDump(page))[await documentKey(page)]);
  expect(stored.profile.course).toBe('Opgeslagen leergang');
});

test('without storage the app works in memory and says nothing will be kept', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('Toegang geweigerd', 'SecurityError');
      },
    });
  });
  await open(page, '/');
  await expect(page.getByTestId('memory-only')).toContainText('Je gegevens worden niet bewaard');
  await page.getByLabel('Je naam').fill('Tijdelijk');
  await page.getByRole('button', { name: 'Profiel aanmaken' }).click();
  await expect(page.getByTestId('profile-badge')).toContainText('Tijdelijk');
  await expect(page.getByTestId('save-status')).toHaveText('Niet bewaard (geen opslag)');
  await goTo(page, 'Casusjournaal');
});
