// Shared laptops: several profiles in one browser, switching, wiping one, the reminder.
import { test, expect } from '@playwright/test';
import { open, createProfile, addProfile, storageDump, goTo, openProfile, saved, downloaded } from './helpers.js';

const docKeys = async (page) => Object.keys(await storageDump(page)).filter((k) => k.startsWith('leerspoor/v1/doc/'));

test('two profiles stay separate, and wiping one leaves the other', async ({ page }) => {
  await createProfile(page, { name: 'Anna Adviseur' });
  await page.getByLabel('Leergang', { exact: true }).fill('Leergang van Anna');
  await expect(page.getByTestId('save-status')).toHaveText(/Opgeslagen/);
  const [annaKey] = await docKeys(page);
  const annaId = annaKey.split('/').pop();

  await openProfile(page, '+ Nieuw profiel');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welkom bij Leerspoor');
  await page.getByLabel('Je naam').fill('Bram Begeleider');
  await page.getByLabel('Begeleider', { exact: true }).check();
  await page.getByRole('button', { name: 'Profiel aanmaken' }).click();
  await expect(page.getByTestId('profile-badge')).toContainText('Bram Begeleider');
  await goTo(page, 'Overzicht');
  await expect(page.getByLabel('Leergang', { exact: true })).toHaveValue('Stadsbeheerleergang');
  expect(await docKeys(page)).toHaveLength(2);

  // Switching shows the other profile's own data, also after a reload.
  await openProfile(page, 'Anna Adviseur (Deelnemer)');
  await expect(page.getByTestId('profile-badge')).toContainText('Anna Adviseur');
  await expect(page.getByLabel('Leergang', { exact: true })).toHaveValue('Leergang van Anna');
  await page.reload();
  await expect(page.getByTestId('profile-badge')).toContainText('Anna Adviseur');

  // Wipe Anna: the preview says what goes and that Bram stays.
  await goTo(page, 'Delen');
  await page.getByRole('button', { name: 'Wissen voorbereiden…' }).click();
  const preview = page.getByTestId('wipe-preview');
  await expect(preview).toContainText('Anna Adviseur (Deelnemer)');
  await expect(preview).toContainText('Andere profielen in deze browser (1) blijven staan');
  await expect(preview).toContainText('nog geen bundel gemaakt');
  const wipe = page.getByRole('button', { name: 'Wis mijn gegevens' });
  await expect(wipe).toBeDisabled();
  await page.getByLabel('Ik begrijp dat dit niet ongedaan kan worden.').check();
  await wipe.click();
  await expect(page.getByTestId('profile-badge')).toContainText('Bram Begeleider');
  const keys = Object.keys(await storageDump(page));
  expect(keys.filter((k) => k.includes(annaId))).toEqual([]);
  expect(await docKeys(page)).toHaveLength(1);
  await page.reload();
  await expect(page.getByTestId('profile-badge')).toContainText('Bram Begeleider');
  await expect(page.getByLabel('Profiel', { exact: true }).locator('option')).toHaveText(['Bram Begeleider (Begeleider)', '+ Nieuw profiel']);
});

test('a renamed profile keeps its new name in the switcher once another is open', async ({ page }) => {
  await createProfile(page, { name: 'Anna Adviseur' });
  await page.getByLabel('Naam', { exact: true }).fill('Anna de Wit');
  await expect(page.getByTestId('save-status')).toHaveText(/Opgeslagen/);
  const choices = page.getByLabel('Profiel', { exact: true }).locator('option');
  await expect(choices).toHaveText(['Anna de Wit (Deelnemer)', '+ Nieuw profiel']);

  await addProfile(page, { name: 'Bram Begeleider', role: 'Begeleider' });
  await expect(choices).toHaveText(['Anna de Wit (Deelnemer)', 'Bram Begeleider (Begeleider)', '+ Nieuw profiel']);
  // Renamed again and left by switching: the list has the name, as a reload would.
  await openProfile(page, 'Anna de Wit (Deelnemer)');
  await page.getByLabel('Naam', { exact: true }).fill('Anna Zwart');
  await openProfile(page, 'Bram Begeleider (Begeleider)');
  await expect(page.getByTestId('profile-badge')).toContainText('Bram Begeleider');
  await expect(choices).toHaveText(['Anna Zwart (Deelnemer)', 'Bram Begeleider (Begeleider)', '+ Nieuw profiel']);
  await page.reload();
  await expect(choices).toHaveText(['Anna Zwart (Deelnemer)', 'Bram Begeleider (Begeleider)', '+ Nieuw profiel']);
});

// WCAG 3.2.2 (on input): choosing in the switcher changes nothing until the choice is
// opened. With the keyboard a select changes at every arrow key, so opening on change
// would open every profile passed on the way, and the new-profile form at the end.
test('the arrow keys only choose a profile; its button opens it', async ({ page }) => {
  await createProfile(page, { name: 'Anna Adviseur' });
  await addProfile(page, { name: 'Bram Begeleider', role: 'Begeleider' });

  const switcher = page.getByLabel('Profiel', { exact: true });
  const chosen = switcher.locator('option:checked');
  await switcher.focus();
  await page.keyboard.press('ArrowUp');
  await expect(chosen).toHaveText('Anna Adviseur (Deelnemer)');
  await expect(page.getByTestId('profile-badge')).toContainText('Bram Begeleider');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(chosen).toHaveText('+ Nieuw profiel');
  await expect(page.getByTestId('profile-badge')).toContainText('Bram Begeleider');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overzicht');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Openen', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('profile-badge')).toContainText('Anna Adviseur');
  await expect(switcher).toBeVisible();
});

// Never lose data: restoring from an older bundle must not write over the profile this
// browser already has, with what was done after the bundle.
test('a bundle of a profile this browser has is opened, never restored over it', async ({ page }) => {
  await createProfile(page, { name: 'Anna Adviseur' });
  await page.getByLabel('Leergang', { exact: true }).fill('In de bundel');
  await saved(page);
  await goTo(page, 'Delen');
  const bundle = await downloaded(page, page.getByRole('button', { name: 'Bundel downloaden' }));
  await goTo(page, 'Overzicht');
  await page.getByLabel('Leergang', { exact: true }).fill('Na de bundel');
  await saved(page);
  const before = await storageDump(page);

  await openProfile(page, '+ Nieuw profiel');
  await page.getByLabel('Je eigen bundel (.json)').setInputFiles({ name: 'eigen.json', mimeType: 'application/json', buffer: Buffer.from(bundle.text) });
  await expect(page.getByTestId('restore-present')).toContainText('Dit profiel staat al in deze browser');
  await expect(page.getByRole('button', { name: 'Profiel herstellen' })).toHaveCount(0);
  expect(await storageDump(page)).toEqual(before);
  await page.getByRole('button', { name: 'Dit profiel openen' }).click();
  await expect(page.getByTestId('profile-badge')).toContainText('Anna Adviseur');
  await expect(page.getByLabel('Leergang', { exact: true })).toHaveValue('Na de bundel');
});

test('the overview reminds of changes since the last bundle', async ({ page }) => {
  await createProfile(page, { name: 'Cas' });
  await page.getByLabel('Leergang', { exact: true }).fill('Eerste wijziging');
  await expect(page.getByTestId('save-status')).toHaveText(/Opgeslagen/);
  await page.reload();
  await expect(page.getByTestId('export-reminder')).toContainText('nog nooit als bundel bewaard');
  await goTo(page, 'Delen');
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bundel downloaden' }).click()]);
  await goTo(page, 'Overzicht');
  await expect(page.getByTestId('export-reminder')).toHaveCount(0);
  await page.getByLabel('Leergang', { exact: true }).fill('Na de export gewijzigd');
  await expect(page.getByTestId('save-status')).toHaveText(/Opgeslagen/);
  await page.reload();
  await expect(page.getByTestId('export-reminder')).toContainText('gewijzigd sinds je laatste bundel van vandaag');
});

// Opening another profile on a page of one record kept the address, so the next profile
// opened on "Casus niet gevonden" (found by a helper using the app).
test('another profile opens on the section, not on the previous profile’s record', async ({ page }) => {
  await createProfile(page, { name: 'Anna Adviseur' });
  await goTo(page, 'Casusjournaal');
  await page.getByLabel('Titel van een nieuw vraagstuk').fill('Bomenkap Oost');
  await page.getByRole('button', { name: 'Nieuwe casus' }).click();
  await expect(page).toHaveURL(/\/casusjournaal\/casus\//);
  await page.getByRole('button', { name: 'Nieuwe notitie' }).click();
  await expect(page).toHaveURL(/\/notitie\//);
  const entry = new URL(page.url()).pathname;
  await saved(page);

  // A new profile, made from the entry's page, starts on the journal's own page.
  await addProfile(page, { name: 'Bram Begeleider', role: 'Begeleider' });
  await expect(page).toHaveURL(/\/casusjournaal$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Casusjournaal');
  await expect(page.getByText(/^Je hebt nog geen casussen/)).toBeVisible();

  // Back to Anna from a map narrowed to a case: the map's own page, all of it.
  await open(page, '/netwerkkaart?weergave=tabel&casus=00000000-0000-0000-0000-000000000001');
  await expect(page.getByTestId('profile-badge')).toContainText('Bram Begeleider');
  await openProfile(page, 'Anna Adviseur (Deelnemer)');
  await expect(page.getByTestId('profile-badge')).toContainText('Anna Adviseur');
  await expect(page).toHaveURL(/\/netwerkkaart$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Netwerkkaart');
  // Her entry is where it was.
  await open(page, entry);
  await expect(page.getByRole('main')).toContainText('Bomenkap Oost');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/niet gevonden/);
});

// Back after a switch opened the previous profile's case in the new one, with "Deze casus
// bestaat niet (meer)": as if it had been deleted (found by a helper using the app).
test('Back to another profile’s record says it may be that profile’s, not only deleted', async ({ page }) => {
  await createProfile(page, { name: 'Anna Adviseur' });
  await goTo(page, 'Casusjournaal');
  await page.getByLabel('Titel van een nieuw vraagstuk').fill('Bomenkap Oost');
  await page.getByRole('button', { name: 'Nieuwe casus' }).click();
  await expect(page).toHaveURL(/\/casusjournaal\/casus\//);
  await saved(page);
  await addProfile(page, { name: 'Bram Begeleider', role: 'Begeleider' });
  await expect(page).toHaveURL(/\/casusjournaal$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/casusjournaal\/casus\//);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Casus niet gevonden');
  await expect(page.getByRole('main')).toContainText(
    'Deze casus staat niet in het profiel van Bram Begeleider. Misschien is die verwijderd, of hoort die bij een ander profiel in deze browser: kies dat bovenaan bij Profiel.');
});

// Two profiles of one name and role read the same in the switcher, so on a shared
// laptop the wrong one could be opened (found by a helper): the course tells them apart.
test('two profiles of one name are told apart in the switcher by their course', async ({ page }) => {
  await createProfile(page, { name: 'Anna Adviseur', course: 'Leergang Noord' });
  await addProfile(page, { name: 'Anna Adviseur', course: 'Leergang Zuid' });
  await expect(page.getByLabel('Profiel', { exact: true }).locator('option')).toHaveText([
    'Anna Adviseur (Deelnemer) — Leergang Noord',
    'Anna Adviseur (Deelnemer) — Leergang Zuid',
    '+ Nieuw profiel',
  ]);
  await openProfile(page, 'Anna Adviseur (Deelnemer) — Leergang Noord');
  await goTo(page, 'Overzicht');
  await expect(page.getByLabel('Leergang', { exact: true })).toHaveValue('Leergang Noord');
});
