// A text field stops at the limit an import checks, and says so. Before, a case's
// situation took any length, and a profile with more than 20,000 characters there could
// not be restored from its own bundle; and a browser's maxlength cut a pasted evidence
// note at 2,000 characters without a word (both found by a helper using the app).
import { test, expect } from '@playwright/test';
import { createProfile, goTo, saved, exportBundle, restoreFromBundle, beginScan, storageDump, documentKey, open } from './helpers.js';

test('a long paste into a case stops at the limit, says so, and the bundle restores', async ({ page, browser }) => {
  await createProfile(page);
  await goTo(page, 'Casusjournaal');
  await page.getByLabel('Titel van een nieuw vraagstuk').fill('Bomenkap Oost');
  await page.getByRole('button', { name: 'Nieuwe casus' }).click();
  const situation = page.getByLabel('Situatie', { exact: true });
  await situation.focus();
  // A paste: the browser's editing, so maxlength applies as it does for a user.
  await page.keyboard.insertText('Verslag van de bewonersavond. '.repeat(700)); // 21,000 characters
  await expect.poll(() => situation.evaluate((e) => e.value.length)).toBe(20000);
  const note = page.locator('#case-situation-limit');
  await expect(note).toHaveText(
    'Vol: dit veld houdt 20.000 tekens. Wat je verder typt of plakt, komt er niet bij.');
  await expect(situation).toHaveAttribute('aria-describedby', 'case-situation-hint case-situation-limit');
  await expect(note.getByRole('status')).toHaveText(/^Vol: /);
  await saved(page);

  // Removing a little leaves room, and the count says how much.
  await situation.press('End');
  for (let i = 0; i < 5; i++) await situation.press('Backspace');
  await expect(note).toHaveText('Nog 5 van de 20.000 tekens.');
  await expect(note.getByRole('status')).toHaveText('');
  await saved(page);

  // The profile's own bundle restores on another laptop, the text whole.
  const bundle = await exportBundle(page);
  const laptop = await browser.newContext();
  const other = await laptop.newPage();
  await restoreFromBundle(other, bundle);
  await goTo(other, 'Casusjournaal');
  await other.getByRole('link', { name: 'Bomenkap Oost', exact: true }).click();
  await expect.poll(() => other.getByLabel('Situatie', { exact: true }).evaluate((e) => e.value.length)).toBe(19995);
  await laptop.close();
});

test('an evidence note says how much room is left, and when a paste was cut', async ({ page }) => {
  await createProfile(page);
  await goTo(page, 'Zelfscan');
  await beginScan(page);
  const evidence = page.getByLabel('Voorbeeld uit de praktijk (optioneel)').first();
  const id = await evidence.getAttribute('id');
  const note = page.locator(`#${id}-limit`);
  await evidence.focus();
  await page.keyboard.insertText('x'.repeat(1799));
  await expect(note).toHaveText('');
  await page.keyboard.insertText('x');
  await expect(note).toHaveText('Nog 200 van de 2.000 tekens.');
  await page.keyboard.insertText('Het overleg met de wijkraad over het park.'.repeat(10));
  await expect.poll(() => evidence.evaluate((e) => e.value.length)).toBe(2000);
  await expect(note).toHaveText('Vol: dit veld houdt 2.000 tekens. Wat je verder typt of plakt, komt er niet bij.');
  await expect(evidence).toHaveAttribute('aria-describedby', `${id}-limit`);
  await saved(page);

  // A scan opened again shows where its notes stand at once.
  await page.reload();
  await expect(page.locator(`#${id}-limit`)).toHaveText(/^Vol: dit veld houdt 2\.000 tekens\./);

  // In English too.
  await page.getByTestId('language-switch').click();
  await expect(page.locator(`#${id}-limit`)).toHaveText(
    'Full: this field holds 2,000 characters. Anything more you type or paste is left out.');
});

// A text an older Leerspoor took in beyond today's limit was kept and saved without a
// word, and Delen wrote a bundle of it that no browser would read in again, not even the
// participant's own (found by a helper checking the limits).
test('a text already over its limit says so, and Delen names it rather than write an unreadable bundle', async ({ page }) => {
  await createProfile(page);
  await goTo(page, 'Casusjournaal');
  await page.getByLabel('Titel van een nieuw vraagstuk').fill('Maaibeheer Marktplein');
  await page.getByRole('button', { name: 'Nieuwe casus' }).click();
  await page.getByLabel('Situatie', { exact: true }).fill('Begin.');
  await saved(page);
  // As an older Leerspoor stored it: 25,198 characters.
  const key = await documentKey(page);
  const stored = JSON.parse((await storageDump(page))[key]);
  stored.journal.cases[0].situation = 's'.repeat(25198);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, JSON.stringify(stored)]);
  await page.reload();
  await expect(page.locator('html[data-leerspoor="ready"]')).toBeAttached();
  await expect(page.locator('#case-situation-limit')).toHaveText(
    'Te lang: 5.198 tekens meer dan de 20.000 die dit veld houdt. Het staat er nog, maar maak het korter: een bundel ervan is anders niet in te lezen.');
  await expect.poll(() => page.getByLabel('Situatie', { exact: true }).evaluate((e) => e.value.length)).toBe(25198);

  await goTo(page, 'Delen');
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('button', { name: 'Bundel downloaden' }).click();
  await expect(page.getByText(/^Niet geëxporteerd: /)).toHaveText(
    `Niet geëxporteerd: deze bundel zou niet in te lezen zijn, ook niet in je eigen browser. Maak korter wat te lang is, en probeer het opnieuw. • casus ${stored.journal.cases[0].id} (“Maaibeheer Marktplein”): situatie is 25.198 tekens lang; hoogstens 20.000 mag.`);
  expect(downloads).toBe(0);
});
