// The one import transaction (ui::state::import) under hostile storage: all or nothing,
// and the message says which step refused.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { open, createProfile, storageDump, documentKey, goTo, fillStorage } from './helpers.js';

/** Exports the open profile's bundle from Delen: { name, buffer }. */
async function exportBundle(page) {
  await goTo(page, 'Delen');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Bundel downloaden' }).click(),
  ]);
  return { name: download.suggestedFilename(), buffer: await readFile(await download.path()) };
}

/** Storage without the filler: what Leerspoor itself keeps. */
async function leerspoorKeys(page) {
  const dump = await storageDump(page);
  return Object.fromEntries(Object.entries(dump).filter(([k]) => k.startsWith('leerspoor')));
}

test('restoring from a bundle into full storage makes no profile, and says the storage is full', async ({ browser }) => {
  const laptop = await browser.newPage();
  await createProfile(laptop, { name: 'Rian Hersteld' });
  const bundle = await exportBundle(laptop);
  await laptop.close();

  const page = await browser.newPage();
  await open(page, '/');
  await fillStorage(page);
  const before = await leerspoorKeys(page);
  await page.getByLabel('Je eigen bundel (.json)').setInputFiles({ ...bundle, mimeType: 'application/json' });
  await expect(page.getByTestId('restore-preview')).toContainText('Rian Hersteld (Deelnemer)');
  await page.getByRole('button', { name: 'Profiel herstellen' }).click();
  await expect(page.getByTestId('restore-error')).toHaveText(
    'De bundel kon niet worden opgeslagen, dus er is niets ingelezen; je gegevens zijn zoals ze waren. Opslaan mislukt: de opslag van de browser is vol. Je vorige opgeslagen versie is onveranderd. Exporteer een bundel of maak ruimte vrij (bijvoorbeeld de prullenbak legen).',
  );
  // Nothing half-made: still the first-run page, no profile open, storage as it was.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welkom bij Leerspoor');
  await expect(page.getByTestId('profile-badge')).toHaveCount(0);
  expect(await leerspoorKeys(page)).toEqual(before);
  await page.close();
});

test('an import whose save is refused changes nothing, on screen or stored, and says so', async ({ browser }) => {
  // Laptop A makes the profile; laptop B restores it and adds a case.
  const a = await browser.newPage();
  await createProfile(a, { name: 'Ilse Import', course: 'Leergang op laptop A' });
  const first = await exportBundle(a);
  const b = await browser.newPage();
  await open(b, '/');
  await b.getByLabel('Je eigen bundel (.json)').setInputFiles({ ...first, mimeType: 'application/json' });
  await b.getByRole('button', { name: 'Profiel herstellen' }).click();
  await expect(b.getByTestId('profile-badge')).toContainText('Ilse Import');
  await goTo(b, 'Casusjournaal');
  await b.getByLabel('Titel van een nieuw vraagstuk').fill('Casus van laptop B');
  await b.getByRole('button', { name: 'Nieuwe casus' }).click();
  await expect(b.getByRole('heading', { level: 1 })).toHaveText('Casus van laptop B');
  await expect(b.getByTestId('save-status')).toHaveText(/Opgeslagen/);
  const second = await exportBundle(b);
  await b.close();

  // Back on A: the preview shows the change; then the document's save is refused.
  await goTo(a, 'Delen');
  await a.getByLabel('Bundelbestand').setInputFiles({ ...second, mimeType: 'application/json' });
  await expect(a.getByTestId('import-preview')).toContainText('Ilse Import (Deelnemer)');
  await expect(a.getByTestId('preview-added')).toHaveText('1 × casus');
  const key = await documentKey(a);
  const stored = (await storageDump(a))[key];
  await a.evaluate((key) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k === key) throw new DOMException('vol', 'QuotaExceededError');
      return setItem.call(this, k, v);
    };
  }, key);
  await a.getByRole('button', { name: 'Importeren' }).click();
  await expect(a.getByTestId('import-error')).toHaveText(
    'Niet ingelezen. De bundel kon niet worden opgeslagen, dus er is niets ingelezen; je gegevens zijn zoals ze waren. Opslaan mislukt: de opslag van de browser is vol. Je vorige opgeslagen versie is onveranderd. Exporteer een bundel of maak ruimte vrij (bijvoorbeeld de prullenbak legen).',
  );
  // The screen shows no case from B, and the stored document is byte for byte A's.
  await goTo(a, 'Casusjournaal');
  await expect(a.getByText('Casus van laptop B')).toHaveCount(0);
  expect((await storageDump(a))[key]).toBe(stored);
  await a.reload();
  await expect(a.getByRole('heading', { level: 1 })).toHaveText('Casusjournaal');
  await expect(a.getByText('Casus van laptop B')).toHaveCount(0);
  await a.close();
});

test("another begeleider's own bundle is refused by a begeleider, with whose data it is", async ({ browser }) => {
  const other = await browser.newPage();
  await createProfile(other, { name: 'Bram Begeleider', role: 'Begeleider' });
  const bundle = await exportBundle(other);
  await other.close();

  const page = await browser.newPage();
  await createProfile(page, { name: 'Bea Begeleider', role: 'Begeleider' });
  await goTo(page, 'Delen');
  const before = await storageDump(page);
  await page.getByLabel('Bundelbestand').setInputFiles({ ...bundle, mimeType: 'application/json' });
  await expect(page.getByTestId('foreign-note')).toHaveText(
    'Deze bundel bevat de eigen gegevens van begeleider Bram Begeleider. In je werkruimte komen alleen bundels van deelnemers.',
  );
  await expect(page.getByRole('button', { name: 'Importeren' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Toevoegen aan mijn deelnemers' })).toHaveCount(0);
  expect(await storageDump(page)).toEqual(before);
  await page.close();
});

test('while a bundle is read, a labelled progress bar says the app is at work', async ({ browser }) => {
  const laptop = await browser.newPage();
  await createProfile(laptop, { name: 'Pim Voortgang' });
  const bundle = await exportBundle(laptop);
  await goTo(laptop, 'Delen');
  // Record every progress bar that enters the page, with its accessible name.
  await laptop.evaluate(() => {
    window.__progress = [];
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="import-progress"]');
      if (bar && !window.__progress.length) {
        const label = document.getElementById(bar.getAttribute('aria-labelledby'));
        window.__progress.push(label?.textContent);
      }
    }).observe(document.body, { subtree: true, childList: true });
  });
  await laptop.getByLabel('Bundelbestand').setInputFiles({ ...bundle, mimeType: 'application/json' });
  await expect(laptop.getByTestId('import-preview')).toBeVisible();
  expect(await laptop.evaluate(() => window.__progress)).toEqual([`Bezig met lezen van ${bundle.name}…`]);
  // Once read, the bar is gone.
  await expect(laptop.getByTestId('import-progress')).toHaveCount(0);
  await laptop.close();
});

test('on the first-run page, only the message about the file picked last is shown', async ({ page }) => {
  await open(page, '/');
  const bad = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  const restoreError = page.getByTestId('restore-error');
  const requestError = page.getByTestId('rate-open-error');
  await page.getByLabel('Je eigen bundel (.json)').setInputFiles(bad('kapot.json', '{"kind": '));
  await expect(restoreError).toBeVisible();
  // The other picker's refusal replaces it: two messages side by side would leave the
  // user guessing which file is wrong.
  await page.getByLabel('Beoordelingsverzoek (.json)').setInputFiles(bad('leeg.json', ''));
  await expect(requestError).toBeVisible();
  await expect(restoreError).toHaveCount(0);
  await page.getByLabel('Je eigen bundel (.json)').setInputFiles(bad('kapot.json', '{"kind": '));
  await expect(restoreError).toBeVisible();
  await expect(requestError).toHaveCount(0);
});
