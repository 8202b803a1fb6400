// The browser's storage itself: a document large enough to be stored compressed, and
// storage the browser will not hand out (storage::local, through gloo-storage).
import { randomUUID } from 'node:crypto';
import { test, expect } from '@playwright/test';
import { createProfile, documentKey, goTo, open, saved, storageDump } from './helpers.js';

/** A paragraph of about 1,500 characters, different for every `n`. */
function paragraph(n) {
  const words = ['bewoners', 'bomen', 'wethouder', 'buurthuis', 'planning', 'riolering', 'overleg', 'speeltuin', 'groenstrook', 'verkeer'];
  const out = [];
  for (let i = 0; out.join(' ').length < 1500; i++) out.push(words[(n * 7 + i * 3 + (i >> 2)) % words.length] + (i % 11 === 0 ? ` (${n}.${i})` : ''));
  return `Notitie ${n}: ${out.join(' ')}.`;
}

test('a document over the compression threshold is stored packed, and comes back whole after reloads', async ({ page }) => {
  test.setTimeout(60_000);
  await createProfile(page);
  await goTo(page, 'Casusjournaal');
  await page.getByLabel('Titel van een nieuw vraagstuk').fill('Groot dossier');
  await page.getByRole('button', { name: 'Nieuwe casus' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Groot dossier');
  await page.getByRole('button', { name: 'Nieuwe notitie' }).click();
  await page.getByLabel('Situatie', { exact: true }).fill('De eerste notitie, met de hand getypt');
  await saved(page);
  const firstEntryUrl = page.url();
  const caseUrl = firstEntryUrl.replace(/\/notitie\/.*$/, '');

  // A year of journalling: 220 more entries of ~1,500 characters each, about 380 KB of
  // JSON, well past the 256 KiB from which storage::store packs a document.
  const key = await documentKey(page);
  const added = Array.from({ length: 220 }, (_, n) => ({ id: randomUUID(), text: paragraph(n) }));
  const plainLength = await page.evaluate(({ key, added }) => {
    const doc = JSON.parse(localStorage.getItem(key));
    const first = doc.journal.entries[0];
    added.forEach(({ id, text }, n) => {
      const day = `2026-0${1 + (n % 9)}-${String(1 + (n % 28)).padStart(2, '0')}`;
      doc.journal.entries.push({ ...first, id, date: day, next_steps: [], texts: { 'starr.situatie': text }, created: `${day}T09:00:00Z`, updated: `${day}T09:00:00Z` });
    });
    const text = JSON.stringify(doc);
    localStorage.setItem(key, text);
    localStorage.setItem(key.replace('/doc/', '/rev/'), String(doc.revision));
    return text.length;
  }, { key, added });
  expect(plainLength).toBeGreaterThan(256 * 1024 + 100_000);
  expect((await storageDump(page))[key].startsWith('{')).toBe(true);

  // Read as plain JSON, then saved after an edit: now packed.
  await page.reload();
  await expect(page.locator('html[data-leerspoor="ready"]')).toBeAttached();
  await goTo(page, 'Overzicht');
  await page.getByLabel('Leergang', { exact: true }).fill('Bewaard in gecomprimeerde vorm');
  await saved(page);
  let stored = (await storageDump(page))[key];
  expect(stored.startsWith('z1:')).toBe(true);
  // Deflated JSON of repetitive Dutch text: far below a quarter of the plain length.
  expect(stored.length).toBeLessThan(plainLength / 4);

  // Read back packed at start-up: nothing kept aside, every entry there.
  await page.reload();
  await expect(page.locator('html[data-leerspoor="ready"]')).toBeAttached();
  await expect(page.getByTestId('kept-notice')).toHaveCount(0);
  await expect(page.getByLabel('Leergang', { exact: true })).toHaveValue('Bewaard in gecomprimeerde vorm');
  await open(page, new URL(caseUrl).pathname);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Groot dossier');
  await expect(page.locator('ol.timeline > li')).toHaveCount(221);
  const last = added[219];
  await open(page, `${new URL(caseUrl).pathname}/notitie/${last.id}`);
  await expect(page.getByLabel('Situatie', { exact: true })).toHaveValue(last.text);
  await open(page, new URL(firstEntryUrl).pathname);
  await expect(page.getByLabel('Situatie', { exact: true })).toHaveValue('De eerste notitie, met de hand getypt');

  // A packed document is changed and saved packed again, and the change survives.
  await goTo(page, 'Overzicht');
  await page.getByLabel('Naam', { exact: true }).fill('Sanne, met een dik dossier');
  await saved(page);
  stored = (await storageDump(page))[key];
  expect(stored.startsWith('z1:')).toBe(true);
  await page.reload();
  await expect(page.getByLabel('Naam', { exact: true })).toHaveValue('Sanne, met een dik dossier');
  await expect(page.getByTestId('kept-notice')).toHaveCount(0);
});

/**
 * The turns a save in steps gives the browser between its steps (timeouts of 0 ms,
 * ui::state::saver) are held while `window.__holdTurns` is true, kept in
 * `window.__held` to be given back by the test.
 */
async function holdableTurns(page) {
  await page.addInitScript(() => {
    const realSetTimeout = window.setTimeout.bind(window);
    window.__held = [];
    window.setTimeout = (fn, delay, ...args) => {
      if (window.__holdTurns && !delay) {
        window.__held.push(fn);
        return 0;
      }
      return realSetTimeout(fn, delay, ...args);
    };
  });
}

test('a save under way in steps when the page is left is stored in one go: nothing typed is lost', async ({ page }) => {
  // The debounced save is made in steps, the browser given a turn between them. Here
  // those turns are held, so the save that begins after the pause stays under way until
  // the page is left.
  await holdableTurns(page);
  await createProfile(page);
  const key = await documentKey(page);
  const revKey = key.replace('/doc/', '/rev/');
  const before = Number((await storageDump(page))[revKey]);
  await page.evaluate(() => {
    window.__holdTurns = true;
    performance.clearMarks('leerspoor-save-start');
  });
  await page.getByLabel('Leergang', { exact: true }).fill('Getypt vlak voor het sluiten');
  // The save began (its first step wrote the text) and waits for its turn: not stored.
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('leerspoor-save-start').length)).toBe(1);
  await expect.poll(() => page.evaluate(() => window.__held.length)).toBeGreaterThan(0);
  await expect(page.getByTestId('save-status')).toHaveText('Bezig met opslaan…');
  let dump = await storageDump(page);
  expect(JSON.parse(dump[key]).profile.course).toBe('Stadsbeheerleergang 2026');
  expect(Number(dump[revKey])).toBe(before);

  // Leaving (a reload fires pagehide) stores it at once, in one go.
  await page.reload();
  await expect(page.locator('html[data-leerspoor="ready"]')).toBeAttached();
  await expect(page.getByLabel('Leergang', { exact: true })).toHaveValue('Getypt vlak voor het sluiten');
  dump = await storageDump(page);
  expect(JSON.parse(dump[key]).profile.course).toBe('Getypt vlak voor het sluiten');
  expect(Number(dump[revKey])).toBe(before + 1);
  await expect(page.getByTestId('kept-notice')).toHaveCount(0);
});

test('a change made while a save is under way is saved by the next one, which replaces it: one write, nothing lost', async ({ page }) => {
  await holdableTurns(page);
  await createProfile(page);
  const key = await documentKey(page);
  const revKey = key.replace('/doc/', '/rev/');
  const before = Number((await storageDump(page))[revKey]);
  const starts = () => page.evaluate(() => performance.getEntriesByName('leerspoor-save-start').length);
  await page.evaluate(() => {
    window.__holdTurns = true;
    performance.clearMarks('leerspoor-save-start');
  });
  const field = page.getByLabel('Leergang', { exact: true });
  await field.fill('Eerste versie');
  await expect.poll(starts).toBe(1);
  // Typed on while that save waits for its turn: after the pause a second save begins,
  // from the document as it is now, and the first is dropped.
  await field.fill('Tweede versie, later getypt');
  await expect.poll(starts).toBe(2);
  expect(Number((await storageDump(page))[revKey])).toBe(before);
  // The turns are given back: the first save finds itself replaced, the second stores.
  await page.evaluate(() => {
    window.__holdTurns = false;
    for (const fn of window.__held.splice(0)) fn();
  });
  await saved(page);
  const dump = await storageDump(page);
  expect(JSON.parse(dump[key]).profile.course).toBe('Tweede versie, later getypt');
  expect(Number(dump[revKey])).toBe(before + 1);
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Leergang', { exact: true })).toHaveValue('Tweede versie, later getypt');
});

test('a browser that hands out no storage object at all: the app runs in memory', async ({ page }) => {
  // window.localStorage is null (some embedded browsers and policies): gloo-storage's
  // LocalStorage would panic on it, so storage::local checks before it is used.
  // foundation.spec.js covers the getter that throws a SecurityError.
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get: () => null });
  });
  await open(page, '/');
  await expect(page.getByTestId('memory-only')).toContainText('Je gegevens worden niet bewaard');
  await page.getByLabel('Je naam').fill('Tijdelijk');
  await page.getByRole('button', { name: 'Profiel aanmaken' }).click();
  await expect(page.getByTestId('profile-badge')).toContainText('Tijdelijk');
  await expect(page.getByTestId('save-status')).toHaveText('Niet bewaard (geen opslag)');
  await goTo(page, 'Zelfscan');
  await goTo(page, 'Overzicht');
  await page.getByLabel('Leergang', { exact: true }).fill('Alleen in dit venster');
  await expect(page.getByLabel('Leergang', { exact: true })).toHaveValue('Alleen in dit venster');
  expect(errors).toEqual([]);
});

test('storage that refuses every write: the probe decides, and the app runs in memory', async ({ page }) => {
  // Some private modes hand out a storage object whose every write throws.
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('Geen toegang', 'SecurityError');
    };
  });
  await open(page, '/');
  await expect(page.getByTestId('memory-only')).toContainText('Je gegevens worden niet bewaard');
  await page.getByLabel('Je naam').fill('Tijdelijk');
  await page.getByRole('button', { name: 'Profiel aanmaken' }).click();
  await expect(page.getByTestId('profile-badge')).toContainText('Tijdelijk');
  await expect(page.getByTestId('save-status')).toHaveText('Niet bewaard (geen opslag)');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('leerspoor')))).toEqual([]);
});
