// WCAG 2.1 AA: axe-core finds no violations on any page or main state.
import { test, expect } from '@playwright/test';
import { open, createProfile, goTo, axeViolations } from './helpers.js';

test.use({ bypassCSP: true });

async function expectClean(page, state) {
  const violations = await axeViolations(page);
  expect(violations, `${state}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

test('first run and the overview', async ({ page }) => {
  await open(page, '/');
  // The check itself can fail: an unlabelled field is caught.
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<input id="axe-probe" type="text">'));
  expect((await axeViolations(page)).map((v) => v.id)).toContain('label');
  await page.evaluate(() => document.getElementById('axe-probe').remove());
  await expectClean(page, 'onboarding');
  await page.getByRole('button', { name: 'Profiel aanmaken' }).click();
  await expectClean(page, 'onboarding with an error');
  await createProfile(page);
  await expectClean(page, 'overview');
});

test('self-scan pages and a scan in progress', async ({ page }) => {
  await createProfile(page);
  await goTo(page, 'Zelfscan');
  await expectClean(page, 'self-scan overview');
  for (const path of ['/zelfscan/resultaten', '/zelfscan/doelen', '/zelfscan/kader']) {
    await open(page, path);
    await expectClean(page, path);
  }
  await open(page, '/zelfscan');
  await page.getByRole('button', { name: 'Nieuwe zelfscan' }).click();
  await expectClean(page, 'new scan form');
});

test('network map views', async ({ page }) => {
  await createProfile(page);
  for (const view of ['kaart', 'raster', 'tabel', 'analyse', 'importeren', 'momentopnamen']) {
    await open(page, `/netwerkkaart?weergave=${view}`);
    await expectClean(page, `network ${view}`);
  }
});

test('sharing, import preview and wipe dialog', async ({ page }) => {
  await createProfile(page);
  await goTo(page, 'Delen');
  await expectClean(page, 'share page');
  await page.getByRole('button', { name: 'Wissen voorbereiden…' }).click();
  await expectClean(page, 'wipe preview');
});
