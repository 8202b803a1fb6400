// Many bundles at once on the begeleider's Deelnemers page: a whole course folder read
// with <input webkitdirectory> (works in every browser), or several files picked at once.
// The folder is tests/fixtures/folder/cursusmap (model::folder's own fixture): Anna's
// newest bundle is a sync client's conflict copy with another name, an older copy of hers
// came back, Bert's newest file was cut off mid-sync, a third participant's file is empty.
import { test, expect } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { createProfile, goTo } from './helpers.js';

const folder = fileURLToPath(new URL('../../fixtures/folder/cursusmap', import.meta.url));
const bert = fileURLToPath(new URL('../../fixtures/folder/cursusmap/deelnemers/00000000-0000-0000-0000-0000000000b2', import.meta.url));

test.use({ timezoneId: 'Europe/Amsterdam' });

test('a course folder lists each participant by the newest contents, and Alles bijwerken takes them in', async ({ page }) => {
  await createProfile(page, { name: 'Carla Visser', role: 'Begeleider' });
  await goTo(page, 'Deelnemers');
  await page.getByLabel('Een map (cursusmap)').setInputFiles(folder);

  const rows = page.getByTestId('batch-list').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  // Anna: the conflict copy "bundel-LAPTOP-123.json" holds her newest export
  // (29 November 08:15 UTC = 09:15 in Amsterdam), whatever its name says.
  const anna = rows.filter({ hasText: 'Anna de Boer' });
  await expect(anna.locator('td').nth(0)).toHaveText('29 november 2026, 09:15');
  await expect(anna.locator('td').nth(1)).toHaveText('–');
  await expect(anna.locator('td').nth(2)).toContainText('nieuw');
  // Bert: his newest file is cut off, so his export of 25 November is the one taken,
  // and the cut-off file is named with its reason.
  const bertRow = rows.filter({ hasText: 'Bert Jansen' });
  await expect(bertRow.locator('td').nth(0)).toHaveText('25 november 2026, 15:00');
  await expect(bertRow.locator('td').nth(2)).toContainText('nieuw');
  await expect(bertRow.locator('.problems li')).toHaveCount(1);
  await expect(bertRow.locator('.problems li')).toContainText('00000000-0000-0000-0000-0000000000b2.participant.20261129T200000Z.json');
  // The empty file: unreadable, listed, never fatal.
  const empty = rows.filter({ hasText: 'onleesbaar' });
  await expect(empty).toHaveCount(1);
  await expect(empty.locator('.problems li')).toContainText('leeg');

  await page.getByRole('button', { name: 'Alles bijwerken (2)' }).click();
  await expect(page.getByTestId('batch-done')).toContainText('Bijgewerkt: 2 deelnemers; niet gelukt: 0.');
  await expect(page.getByTestId('batch-done')).toContainText('Anna de Boer: toegevoegd');
  await expect(page.getByTestId('batch-done')).toContainText('Bert Jansen: toegevoegd');
  const held = page.getByTestId('participants').locator('tbody tr');
  await expect(held).toHaveCount(2);
  await expect(held.filter({ hasText: 'Anna de Boer' }).locator('td').first()).toHaveText('29 november 2026, 09:15');

  // Read again: nothing new, nothing doubled.
  await page.getByLabel('Een map (cursusmap)').setInputFiles(folder);
  await expect(rows.filter({ hasText: 'Anna de Boer' }).locator('td').nth(2)).toContainText('ongewijzigd');
  await expect(rows.filter({ hasText: 'Bert Jansen' }).locator('td').nth(2)).toContainText('ongewijzigd');
  await expect(page.getByRole('button', { name: 'Alles bijwerken (0)' })).toBeDisabled();
  await page.reload();
  await expect(page.getByTestId('participants').locator('tbody tr')).toHaveCount(2);
});

test('several files picked at once: the newest readable one counts, the cut-off one is reported', async ({ page }) => {
  await createProfile(page, { name: 'Carla Visser', role: 'Begeleider' });
  await goTo(page, 'Deelnemers');
  const { readdir } = await import('node:fs/promises');
  const files = (await readdir(bert)).map((name) => `${bert}/${name}`);
  expect(files).toHaveLength(3);
  await page.getByLabel('Bundelbestanden').setInputFiles(files);
  const rows = page.getByTestId('batch-list').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('th')).toHaveText('Bert Jansen');
  await expect(rows.first().locator('td').nth(0)).toHaveText('25 november 2026, 15:00');
  // Picked as loose files, the cut-off one has no participant's folder to sit in: it is
  // listed apart, by its name, with its reason.
  const outside = page.getByTestId('batch-outside').locator('li');
  await expect(outside).toHaveCount(1);
  await expect(outside).toContainText('00000000-0000-0000-0000-0000000000b2.participant.20261129T200000Z.json');
  await page.getByRole('button', { name: 'Alles bijwerken (1)' }).click();
  await expect(page.getByTestId('batch-done')).toContainText('Bert Jansen: toegevoegd');
});

test('several files dropped at once: read as one batch, the cut-off one reported', async ({ page }) => {
  await createProfile(page, { name: 'Carla Visser', role: 'Begeleider' });
  await goTo(page, 'Deelnemers');
  const { readdir, readFile } = await import('node:fs/promises');
  const names = await readdir(bert);
  const files = await Promise.all(names.map(async (name) => [name, await readFile(`${bert}/${name}`, 'utf8')]));
  expect(files).toHaveLength(3);
  const dataTransfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const [name, text] of files) dt.items.add(new File([text], name, { type: 'application/json' }));
    return dt;
  }, files);
  await page.getByTestId('batch-zone').dispatchEvent('drop', { dataTransfer });
  const rows = page.getByTestId('batch-list').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('th')).toHaveText('Bert Jansen');
  await expect(rows.first().locator('td').nth(0)).toHaveText('25 november 2026, 15:00');
  await expect(page.getByTestId('batch-outside').locator('li')).toContainText('00000000-0000-0000-0000-0000000000b2.participant.20261129T200000Z.json');
  await page.getByRole('button', { name: 'Alles bijwerken (1)' }).click();
  await expect(page.getByTestId('batch-done')).toContainText('Bert Jansen: toegevoegd');
});
