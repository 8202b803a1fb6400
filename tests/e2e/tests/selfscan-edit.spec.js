// Changing a draft scan's name, date and rater on its own page, how far a draft is, and
// overdue development goals on the overview. The clock is held at 10 March 2026, 10:00
// in Amsterdam, so "today" and "overdue" are known.
import { test, expect } from '@playwright/test';
import { createProfile, documentKey, goTo, open, saved, storageDump, beginScan, expectEnglish } from './helpers.js';

// bypassCSP: only so that axe can be injected for expectEnglish.
test.use({ timezoneId: 'Europe/Amsterdam', bypassCSP: true });

const NOW = new Date('2026-03-10T10:00:00+01:00');

async function storedScans(page) {
  return JSON.parse((await storageDump(page))[await documentKey(page)]).selfscan.scans;
}

const title = (page) => page.getByRole('heading', { level: 1 });

test('a draft scan is renamed, moved to another date and its rater corrected on its page', async ({ page }) => {
  await page.clock.setFixedTime(NOW);
  await createProfile(page);
  await goTo(page, 'Zelfscan');
  await beginScan(page);
  await expect(title(page)).toHaveText('Zelfscan: Nulmeting, 10-03-2026 (zelf)');
  const details = page.getByTestId('scan-details');
  await details.getByText('Naam, datum en beoordelaar van deze scan').click();

  await details.getByLabel('Soort meting').selectOption('Tussenmeting');
  await expect(title(page)).toHaveText('Zelfscan: Tussenmeting, 10-03-2026 (zelf)');
  // An own name left empty is refused, and the scan keeps the name it had.
  await details.getByLabel('Soort meting').selectOption('Eigen naam…');
  const custom = details.getByLabel('Naam van de scan');
  await custom.fill('   ');
  await custom.blur();
  await expect(details.getByRole('alert')).toHaveText('Geef de scan een naam.');
  await expect(title(page)).toHaveText('Zelfscan: Tussenmeting, 10-03-2026 (zelf)');
  await custom.fill('Na de zomer');
  await custom.blur();
  await expect(details.getByRole('alert')).toHaveText('');
  await expect(title(page)).toHaveText('Zelfscan: Na de zomer, 10-03-2026 (zelf)');
  await details.getByLabel('Datum').fill('2026-02-14');
  await expect(title(page)).toHaveText('Zelfscan: Na de zomer, 14-02-2026 (zelf)');
  await saved(page);
  expect((await storedScans(page))[0]).toMatchObject({ label: { custom: 'Na de zomer' }, date: '2026-02-14' });

  // The overview lists scans by date: a new one today comes after it, and moving the
  // first past it puts it last.
  await goTo(page, 'Zelfscan');
  await expect(page.getByTestId('scan-list').locator('tbody th')).toHaveText(['Na de zomer']);
  await beginScan(page, { label: 'Eindmeting' });
  await goTo(page, 'Zelfscan');
  await expect(page.getByTestId('scan-list').locator('tbody th')).toHaveText(['Na de zomer', 'Eindmeting']);
  await page.getByRole('link', { name: 'Verder invullen: Na de zomer' }).click();
  await page.getByTestId('scan-details').getByText('Naam, datum en beoordelaar van deze scan').click();
  await page.getByTestId('scan-details').getByLabel('Datum').fill('2026-04-01');
  await expect(title(page)).toHaveText('Zelfscan: Na de zomer, 01-04-2026 (zelf)');
  await goTo(page, 'Zelfscan');
  await expect(page.getByTestId('scan-list').locator('tbody th')).toHaveText(['Eindmeting', 'Na de zomer']);
  await expect(page.getByTestId('scan-list')).toContainText('01-04-2026');

  // Someone else's rating: the rater's name is required, their role can change.
  await beginScan(page, { other: { name: 'Joris Bakker', role: 'Leidinggevende' } });
  await expect(title(page)).toHaveText('Beoordeling: Nulmeting, 10-03-2026 (Joris Bakker, leidinggevende)');
  const other = page.getByTestId('scan-details');
  await other.getByText('Naam, datum en beoordelaar van deze scan').click();
  const name = other.getByLabel('Naam van de beoordelaar');
  await expect(name).toHaveValue('Joris Bakker');
  await name.fill('');
  await name.blur();
  await expect(other.getByRole('alert')).toHaveText('Vul de naam van de beoordelaar in.');
  await expect(title(page)).toHaveText('Beoordeling: Nulmeting, 10-03-2026 (Joris Bakker, leidinggevende)');
  await name.fill('Petra de Wit');
  await name.blur();
  await other.getByLabel('Rol van de beoordelaar').selectOption('Collega');
  await expect(title(page)).toHaveText('Beoordeling: Nulmeting, 10-03-2026 (Petra de Wit, collega)');
  await saved(page);
  const scans = await storedScans(page);
  // Stored in date order, as listed: Eindmeting and this rating on 10 March, then 1 April.
  expect(scans.map((s) => s.rater)).toEqual(['participant', { other: { name: 'Petra de Wit', role: 'colleague' } }, 'participant']);

  // All of it survives a reload.
  await page.reload();
  await expect(title(page)).toHaveText('Beoordeling: Nulmeting, 10-03-2026 (Petra de Wit, collega)');
  await goTo(page, 'Zelfscan');
  await expect(page.getByTestId('scan-list')).toContainText('Petra de Wit (collega)');
  await expect(page.getByTestId('scan-list').locator('tbody th')).toHaveText(['Eindmeting', 'Nulmeting', 'Na de zomer']);
});

test('the scan says how many competencies are complete', async ({ page }) => {
  await page.clock.setFixedTime(NOW);
  await createProfile(page);
  await goTo(page, 'Zelfscan');
  await beginScan(page);
  const answered = page.getByTestId('scan-answered');
  await expect(answered).toContainText('· 0 van 9 competenties klaar');
  const groups = page.locator('fieldset.indicator');
  const n = await groups.count();
  // One indicator short of the first competency: not complete yet.
  for (let i = 0; i < n - 1; i++) await groups.nth(i).locator('input[type=radio][value="2"]').check();
  await expect(answered).toContainText(`${n - 1} van `);
  await expect(answered).toContainText('· 0 van 9 competenties klaar');
  await groups.nth(n - 1).locator('input[type=radio][value="nvt"]').check();
  await expect(answered).toContainText('· 1 van 9 competenties klaar');
});

test('overdue development goals stand on the overview, above the other open goals', async ({ page }) => {
  await page.clock.setFixedTime(NOW);
  await createProfile(page);
  await open(page, '/zelfscan/doelen');
  const goal = async (title, due) => {
    await page.getByRole('button', { name: 'Nieuw ontwikkeldoel' }).click();
    await page.getByLabel('Titel').fill(title);
    await page.getByRole('checkbox', { name: 'Het netwerk lezen' }).check();
    if (due) await page.getByLabel('Streefdatum (optioneel)').fill(due);
    await page.getByRole('button', { name: 'Doel bewaren' }).click();
    await expect(page.getByTestId('goal-list')).toContainText(title);
  };
  await goal('Zonder datum', null);
  await goal('Presentatie geven', '2026-03-20');
  await goal('Vandaag af', '2026-03-10');
  await goal('Netwerkkaart bespreken', '2026-03-01');
  await goal('Al lang over tijd', '2026-01-15');
  await saved(page);

  await goTo(page, 'Overzicht');
  // Due today is not overdue yet; the longest overdue comes first.
  await expect(page.getByTestId('overdue-goals').getByRole('listitem')).toHaveText([
    'Al lang over tijd — streefdatum was 15-01-2026',
    'Netwerkkaart bespreken — streefdatum was 01-03-2026',
  ]);
  await expect(page.getByTestId('open-goals').getByRole('listitem')).toHaveText([
    'Vandaag af — klaar op 10-03-2026',
    'Presentatie geven — klaar op 20-03-2026',
    'Zonder datum',
  ]);

  // Done: no longer overdue, and not open either.
  await open(page, '/zelfscan/doelen');
  await page.getByRole('button', { name: 'Bewerken: Al lang over tijd' }).click();
  await page.getByLabel('Status').selectOption('Bereikt');
  await page.getByRole('button', { name: 'Doel bewaren' }).click();
  await saved(page);
  await goTo(page, 'Overzicht');
  await expect(page.getByTestId('overdue-goals').getByRole('listitem')).toHaveText(['Netwerkkaart bespreken — streefdatum was 01-03-2026']);
  await expect(page.getByTestId('open-goals')).not.toContainText('Al lang over tijd');

  // A day later, what was due today is overdue too.
  await page.clock.setFixedTime(new Date('2026-03-11T08:00:00+01:00'));
  await page.reload();
  await expect(page.getByTestId('overdue-goals').getByRole('listitem')).toHaveText([
    'Netwerkkaart bespreken — streefdatum was 01-03-2026',
    'Vandaag af — streefdatum was 10-03-2026',
  ]);
});

test('in English: a draft is renamed and redated, and a refusal is worded in English', async ({ page }) => {
  await page.clock.setFixedTime(NOW);
  await open(page, '/');
  await page.getByTestId('language-switch').click();
  await page.getByLabel('Your name').fill('Sam Jones');
  await page.getByLabel('Participant', { exact: true }).check();
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByTestId('profile-badge')).toContainText('Sam Jones');
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Self-scan' }).click();
  await page.getByRole('button', { name: 'New self-scan' }).click();
  await page.getByLabel('Type of scan').selectOption('Baseline');
  await page.getByRole('button', { name: 'Start the scan' }).click();
  await expect(title(page)).toHaveText('Self-scan: Baseline, 10/03/2026 (self)');
  await expect(page.getByTestId('scan-answered')).toContainText('· 0 of 9 competencies done');

  const details = page.getByTestId('scan-details');
  await details.getByText('Name, date and rater of this scan').click();
  await expectEnglish(page, 'the scan page with its details open');
  await details.getByLabel('Type of scan').selectOption('Own name…');
  const custom = details.getByLabel('Name of the scan');
  await custom.fill(' ');
  await custom.blur();
  await expect(details.getByRole('alert')).toHaveText('Give the scan a name.');
  await custom.fill('After the summer');
  await custom.blur();
  await details.getByLabel('Date').fill('2026-02-14');
  await expect(title(page)).toHaveText('Self-scan: After the summer, 14/02/2026 (self)');
  await expect(page.getByTestId('save-status')).toHaveText(/Saved/);
  expect((await storedScans(page))[0]).toMatchObject({ label: { custom: 'After the summer' }, date: '2026-02-14' });
});
