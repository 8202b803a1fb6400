// Dutch by default, English complete, the choice remembered.
import { test, expect } from '@playwright/test';
import { open, untranslated, expectEnglish } from './helpers.js';

test.use({ bypassCSP: true });

test('switch to English and back; the choice is remembered', async ({ page }) => {
  await open(page, '/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welkom bij Leerspoor');

  // The switch names the other language in that language, marked up as such.
  const toEnglish = page.getByTestId('language-switch');
  await expect(toEnglish).toHaveText('English');
  await expect(toEnglish).toHaveAttribute('lang', 'en');
  // The detector can fail: Dutch text is there before the switch.
  expect((await untranslated(page)).length).toBeGreaterThan(0);
  await toEnglish.click();
  // Focus comes back to the switch after the app is rebuilt.
  await expect(page.getByTestId('language-switch')).toBeFocused();
  await expect(page.getByTestId('language-switch')).toHaveText('Nederlands');
  await expectEnglish(page, 'first run');

  await page.getByLabel('Your name').fill('Sam Jones');
  await page.getByLabel('Participant', { exact: true }).check();
  await page.getByLabel('Name of the course').fill('City Works Course 2026');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByTestId('profile-badge')).toContainText('Sam Jones');
  await expect(page.getByTestId('save-status')).toHaveText(/Saved/);
  await expectEnglish(page, 'overview');

  // Reloaded, deep-linked: still English.
  await open(page, '/netwerkkaart');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Network map');

  // Back to Dutch, on the page the user was on, and the data is untouched.
  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Netwerkkaart');
  await expect(page.getByTestId('profile-badge')).toContainText('Deelnemer');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Netwerkkaart');
});

test('every page reads in English', async ({ page }) => {
  test.setTimeout(120_000); // a dozen pages, each checked by axe
  await open(page, '/');
  await page.getByTestId('language-switch').click();
  await page.getByLabel('Your name').fill('Sam Jones');
  await page.getByLabel('Participant', { exact: true }).check();
  await page.getByLabel('Name of the course').fill('City Works Course 2026');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByTestId('profile-badge')).toContainText('Sam Jones');

  const pages = [
    '/zelfscan',
    '/zelfscan/resultaten',
    '/zelfscan/doelen',
    '/zelfscan/kader',
    '/casusjournaal',
    '/casusjournaal/agenda',
    '/casusjournaal/prullenbak',
    '/netwerkkaart?weergave=kaart',
    '/netwerkkaart?weergave=raster',
    '/netwerkkaart?weergave=tabel',
    '/netwerkkaart?weergave=importeren',
    '/delen',
  ];
  for (const path of pages) {
    await open(page, path);
    await expectEnglish(page, path);
  }

  // A scan in progress shows the default framework: its names in English too.
  await open(page, '/zelfscan');
  await page.getByRole('button', { name: 'New self-scan' }).click();
  await page.getByRole('button', { name: 'Start the scan' }).click();
  await expect(page).toHaveURL(/\/zelfscan\/scan\//);
  await expectEnglish(page, 'scan in progress');
});
