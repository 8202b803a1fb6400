// Mijn leerspoor: the year on one track, and the ontwikkelverslag. The year is the
// model's own test year (tests/fixtures/track/year.json, made by model::track's tests):
// two self-scans (Het netwerk lezen at 2, then 3), Joris's rating (4), one case with two
// entries, a question for the begeleider and Karin's comment on it, a goal set, changed
// and reached, and two snapshots with one actor added between them. Every figure below
// is worked out by hand from that.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { seed, open, axeViolations, expectEnglish, storageDump, createProfile, addGoal } from './helpers.js';

test.use({ bypassCSP: true, timezoneId: 'Europe/Amsterdam' });

const YEAR = readFileSync(new URL('../../fixtures/track/year.json', import.meta.url), 'utf8');

async function openTrack(page, doc = YEAR) {
  await seed(page, doc);
  await open(page, '/leerspoor');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn leerspoor');
}

const titles = (page) => page.getByTestId('track').locator('.track-title');

test('the year is one track, newest first, each event with its change and its link', async ({ page }) => {
  await seed(page, YEAR);
  await open(page, '/');
  // Reached from the main menu, like every other part of the year.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn leerspoor' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn leerspoor');
  await expect(page.getByTestId('track-count')).toHaveText('13 gebeurtenissen');
  await expect(page.getByTestId('track').locator('h2')).toHaveText([
    'juni 2026', 'mei 2026', 'april 2026', 'maart 2026', 'februari 2026', 'januari 2026',
  ]);
  await expect(titles(page)).toHaveText([
    'Beoordeling door Joris (leidinggevende)',
    'Zelfscan “Tussenmeting”',
    'Momentopname van de kaart: “Halverwege”',
    'Ontwikkeldoel gewijzigd: “Vaker de wijk in”',
    'Ontwikkeldoel bereikt: “Vaker de wijk in”',
    'Notitie bij “Speelplaats Oost”',
    'Terugkoppeling van Karin op een notitie',
    'Notitie bij “Speelplaats Oost”',
    'Vraag voor de begeleider bij “Speelplaats Oost”',
    'Momentopname van de kaart: “Begin”',
    'Casus gestart: “Speelplaats Oost”',
    'Ontwikkeldoel gesteld: “Vaker de wijk in”',
    'Zelfscan “Nulmeting”',
  ]);
  const event = (n) => page.getByTestId('track').locator('.track-event').nth(n);
  // Every indicator from 2 to 3: +1,0 on Het netwerk lezen, nothing else rated.
  await expect(event(1).locator('.track-detail')).toHaveText('Hoger: Het netwerk lezen +1,0');
  await expect(event(2).locator('.track-detail')).toHaveText('1 actor erbij');
  await expect(event(12).locator('.track-detail')).toHaveText('De eerste zelfscan');
  await expect(event(7).locator('.track-detail')).toHaveText('STARR · De wijkraad wil eerst cijfers.');
  await expect(event(8).locator('.track-detail')).toHaveText('nog open · Hoe kom ik bij de wethouder?');
  // Karin wrote at 23:30 UTC on 3 March: 00:30 on 4 March in Amsterdam.
  await expect(event(6).locator('time')).toHaveText('4 maart 2026');
  await expect(event(6).locator('time')).toHaveAttribute('datetime', '2026-03-04');
  // The links lead to the record itself.
  await event(7).locator('.track-title').click();
  await expect(page).toHaveURL(/\/casusjournaal\/casus\/00000000-0000-0000-0000-00000000001e\/notitie\/00000000-0000-0000-0000-00000000001f$/);
  // Nothing was written: the track only reads.
  const before = await storageDump(page);
  await page.goBack();
  await expect(page.getByTestId('track-count')).toHaveText('13 gebeurtenissen');
  expect(await storageDump(page)).toEqual(before);
});

test('filters by case, competency, kind and "since", by keyboard, with the since summary', async ({ page }) => {
  await openTrack(page);
  await page.getByLabel('Casus', { exact: true }).selectOption({ label: 'Speelplaats Oost' });
  // The case's start, its two entries, the question and the comment on an entry.
  await expect(page.getByTestId('track-count')).toHaveText('5 van 13 gebeurtenissen');
  await page.getByLabel('Casus', { exact: true }).selectOption({ label: 'Alle casussen' });
  await page.getByLabel('Competentie').selectOption({ label: 'Verhalend verbinden' });
  // Only the three scans rated it (the whole framework); no case or goal is linked to it.
  await expect(page.getByTestId('track-count')).toHaveText('3 van 13 gebeurtenissen');
  await page.getByLabel('Competentie').selectOption({ label: 'Het netwerk lezen' });
  await expect(page.getByTestId('track-count')).toHaveText('11 van 13 gebeurtenissen');
  await page.getByRole('button', { name: 'Alles tonen' }).click();
  await expect(page.getByTestId('track-count')).toHaveText('13 gebeurtenissen');

  const since = page.getByLabel('Wat is er gebeurd sinds');
  await since.fill('2026-05-01');
  await since.dispatchEvent('change');
  await expect(page.getByTestId('track-count')).toHaveText('5 van 13 gebeurtenissen');
  await expect(page.getByTestId('track-since')).toHaveText(
    'Sinds 1 mei 2026: 2 scans, 2 wijzigingen in je doelen, 1 momentopname.',
  );
  // A kind switched off by keyboard: the scans go, from the list and from the summary.
  const scans = page.getByLabel('Scans en beoordelingen');
  await scans.focus();
  await page.keyboard.press('Space');
  await expect(scans).not.toBeChecked();
  await expect(page.getByTestId('track-count')).toHaveText('3 van 13 gebeurtenissen');
  await expect(page.getByTestId('track-since')).toHaveText('Sinds 1 mei 2026: 2 wijzigingen in je doelen, 1 momentopname.');
  await expect(titles(page)).toHaveText([
    'Momentopname van de kaart: “Halverwege”',
    'Ontwikkeldoel gewijzigd: “Vaker de wijk in”',
    'Ontwikkeldoel bereikt: “Vaker de wijk in”',
  ]);
  expect(await axeViolations(page)).toEqual([]);
});

// The filters lived in the page only: Back from an entry showed the whole track again;
// and switching off the last kind switched every kind back on (found by a helper).
test('the filters live in the address, so Back finds them; every kind off shows nothing', async ({ page }) => {
  await openTrack(page);
  await page.getByLabel('Casus', { exact: true }).selectOption({ label: 'Speelplaats Oost' });
  await page.getByLabel('Notities', { exact: true }).uncheck();
  // The case's start, its question and the comment on an entry; its two entries are off.
  await expect(page.getByTestId('track-count')).toHaveText('3 van 13 gebeurtenissen');
  await expect(page).toHaveURL(/\/leerspoor\?verberg=notitie&casus=[0-9a-f-]{36}$/);
  await page.getByTestId('track').getByRole('link').first().click();
  await expect(page).not.toHaveURL(/\/leerspoor/);
  await page.goBack();
  await expect(page.getByTestId('track-count')).toHaveText('3 van 13 gebeurtenissen');
  await expect(page.getByLabel('Casus', { exact: true }).locator('option:checked')).toHaveText('Speelplaats Oost');
  await expect(page.getByLabel('Notities', { exact: true })).not.toBeChecked();
  await page.reload();
  await expect(page.getByTestId('track-count')).toHaveText('3 van 13 gebeurtenissen');

  await page.getByRole('button', { name: 'Alles tonen' }).click();
  await expect(page.getByTestId('track-count')).toHaveText('13 gebeurtenissen');
  await expect(page).toHaveURL(/\/leerspoor$/);
  const kinds = page.getByRole('group', { name: 'Wat laat je zien?' }).getByRole('checkbox');
  await expect(kinds).toHaveCount(7);
  for (let i = 0; i < 7; i++) await kinds.nth(i).uncheck();
  for (let i = 0; i < 7; i++) await expect(kinds.nth(i)).not.toBeChecked();
  await expect(page.getByTestId('track-count')).toHaveText('0 van 13 gebeurtenissen');
  await expect(page.getByTestId('track-none-shown')).toHaveText(
    'Je hebt alle soorten uitgezet. Zet er een aan bij “Wat laat je zien?” om je spoor te zien.');
  await expect(page.getByTestId('track').locator('.track-title')).toHaveCount(0);
});

test('a long year shows the newest 150 first and the rest on request', async ({ page }) => {
  const doc = JSON.parse(YEAR);
  const hex = (n) => n.toString(16).padStart(12, '0');
  for (let i = 0; i < 150; i++) {
    doc.journal.entries.push({
      id: `10000000-0000-4000-8000-${hex(i)}`,
      case_id: doc.journal.cases[0].id,
      date: '2026-02-15',
      model: 'free',
      texts: {},
      created: '2026-02-15T09:00:00Z',
      updated: '2026-02-15T09:00:00Z',
    });
  }
  await openTrack(page, JSON.stringify(doc));
  await expect(page.getByTestId('track-count')).toHaveText('163 gebeurtenissen');
  const events = page.getByTestId('track').locator('.track-event');
  await expect(events).toHaveCount(150);
  await page.getByRole('button', { name: 'Toon oudere (13 meer)' }).click();
  await expect(events).toHaveCount(163);
  await expect(events.last().locator('.track-title')).toHaveText('Zelfscan “Nulmeting”');
});

test('the ontwikkelverslag gives the growth per competency with its evidence, goals and cases', async ({ page }) => {
  await openTrack(page);
  await page.getByRole('link', { name: 'Ontwikkelverslag bekijken en afdrukken' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ontwikkelverslag');
  const lezen = page.locator('section.report-competency').filter({ has: page.getByRole('heading', { name: 'Het netwerk lezen' }) });
  await expect(lezen.locator('dd')).toHaveText(['2,0 (12 januari 2026)', '3,0 (15 juni 2026)', '+1,0', '4']);
  await expect(lezen.locator('li')).toHaveText([
    'Joris (leidinggevende): 4,0 (20 juni 2026), verschil +1,0',
    'Voorbeeld 11',
    'Vaker de wijk in (bereikt)',
    'Speelplaats Oost (agenderen, 2 notities)',
  ]);
  await expect(page.getByTestId('report-who')).toHaveText('Sanne');
  await expect(page.locator('.report-period')).toContainText('12 januari 2026 tot ');
  await expect(page.locator('.report-period')).toContainText('3 scans, 1 casus, 2 notities, 2 momentopnamen');
  expect(await axeViolations(page)).toEqual([]);
});

// The participant's own words in English too, so that only the interface's text is judged.
const ENGLISH_YEAR = [
  ['Vaker de wijk in', 'Out into the neighbourhood more often'],
  ['De wijkraad   wil eerst cijfers.', 'The council wants figures first.'],
  ['Hoe kom ik bij de wethouder?', 'How do I reach the alderman?'],
  ['Vraag het de wijkagent.', 'Ask the community officer.'],
  ['Speelplaats Oost', 'Playground East'],
  ['Wijkraad', 'Council'],
  ['Wethouder', 'Alderman'],
  ['Halverwege', 'Halfway'],
  ['Voorbeeld 1', 'Example 1'],
].reduce((text, [nl, en]) => text.split(nl).join(en), YEAR);

test('in English: the track, its filters and the report', async ({ page }) => {
  await openTrack(page, ENGLISH_YEAR);
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My learning track');
  await expect(page.getByTestId('track-count')).toHaveText('13 events');
  await expect(titles(page).nth(1)).toHaveText('Self-scan “Interim scan”');
  await expect(page.getByTestId('track').locator('.track-event').nth(1).locator('.track-detail')).toHaveText('Higher: Reading the network +1.0');
  await page.getByLabel('What happened since').fill('2026-05-01');
  await page.getByLabel('What happened since').dispatchEvent('change');
  await expect(page.getByTestId('track-since')).toHaveText('Since 1 May 2026: 2 scans, 2 changes in your goals, 1 snapshot.');
  await expectEnglish(page, 'Mijn leerspoor');
  await page.getByRole('link', { name: 'View and print the development report' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Development report');
  await expect(page.getByText('Joris (manager): 4.0 (20 June 2026), difference +1.0')).toBeVisible();
  await expectEnglish(page, 'Ontwikkelverslag');
});

// Marking a goal reached is the track's "bereikt"; it was also dated as a change, so the
// track said "gewijzigd" for a goal nobody changed, and lost the day of the last real
// change (found by a helper).
test('a goal only marked reached is reached on the track, not changed', async ({ page }) => {
  await createProfile(page);
  await addGoal(page, 'Vaker de wijk in');
  await expect(page.getByTestId('goal-list')).toContainText('Status: Open');
  await page.getByRole('button', { name: 'Bewerken: Vaker de wijk in' }).click();
  await page.getByLabel('Status').selectOption({ label: 'Bereikt' });
  await page.getByRole('button', { name: 'Doel bewaren' }).click();
  await expect(page.getByTestId('goal-list')).toContainText('Status: Bereikt');
  await open(page, '/leerspoor');
  // One day's steps in their own order: set, then reached; no change between.
  await expect(titles(page)).toHaveText([
    'Ontwikkeldoel gesteld: “Vaker de wijk in”',
    'Ontwikkeldoel bereikt: “Vaker de wijk in”',
  ]);
});
