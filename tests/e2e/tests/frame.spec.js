// Oplossingsgericht agenderen: a case's solution-focused frame, filled in on the case,
// shown there with the status Agenderen, on the session agenda, after a reload, in English,
// through a bundle and on the begeleider's session page.
import { test, expect } from '@playwright/test';
import { createProfile, storageDump, documentKey, goTo, axeViolations, exportBundle, restoreFromBundle, expectEnglish } from './helpers.js';

// axe is injected as a script, which the app's Content-Security-Policy would block.
test.use({ bypassCSP: true });

async function storedDocument(page) {
  return JSON.parse((await storageDump(page))[await documentKey(page)]);
}

async function expectClean(page, state) {
  const violations = await axeViolations(page);
  expect(violations, `${state}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

async function newCase(page, title) {
  await goTo(page, 'Casusjournaal');
  await page.getByLabel('Titel van een nieuw vraagstuk').fill(title);
  await page.getByRole('button', { name: 'Nieuwe casus' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
}

/** The frame as the Dutch test fills it in; the date is in the past, so it is overdue. */
const FRAME = {
  desired: 'Een schone speelplaats waar ouders graag komen',
  works: 'De wijkagent loopt al mee op woensdag',
  next_step: 'Wijkraad mailen met drie foto’s',
  next_step_done: false,
  whose_agenda: 'Wijkraad Oost',
  moment: 'Wijkraadsvergadering',
  date: '2025-03-10',
  on_agenda: false,
};

async function fillFrameInDutch(page) {
  const frame = page.getByRole('group', { name: 'Oplossingsgericht agenderen' });
  await frame.getByLabel('Gewenste situatie').fill(FRAME.desired);
  await frame.getByLabel('Wat werkt al').fill(FRAME.works);
  // Spaces typed at the end are not eaten while typing; the stored step is trimmed.
  await frame.getByLabel('Kleinste volgende stap').fill('Wijkraad mailen ');
  await frame.getByLabel('Kleinste volgende stap').pressSequentially('met drie foto’s');
  await frame.getByLabel('Op wiens agenda').fill(FRAME.whose_agenda);
  await frame.getByLabel('Op welk moment').fill(FRAME.moment);
  await frame.getByLabel('Datum van dat moment').fill(FRAME.date);
}

test('fill the frame in Dutch, see it on the Agenderen case and on the agenda, and after a reload', async ({ page }) => {
  await createProfile(page);
  await newCase(page, 'Speelplaats Oost');
  const summary = page.getByTestId('frame-summary');
  // Not at Agenderen: no summary at the top, and no frame stored.
  await expect(summary).toHaveCount(0);
  await page.getByLabel('Status').selectOption({ label: 'Agenderen' });
  // At Agenderen with an empty frame: an invitation, whose button goes to the first field.
  await expect(summary.getByRole('heading', { level: 2 })).toHaveText('Oplossingsgericht agenderen');
  await expect(summary).toContainText('Deze casus staat op Agenderen. Beschrijf waar je naartoe wilt');
  await expectClean(page, 'case at Agenderen, frame empty');
  await summary.getByRole('button', { name: 'Kader invullen' }).click();
  await expect(page.getByLabel('Gewenste situatie')).toBeFocused();

  await fillFrameInDutch(page);
  await expect(page.getByLabel('Kleinste volgende stap')).toHaveValue(FRAME.next_step);
  await expect(summary.getByTestId('frame-desired')).toHaveText(FRAME.desired);
  await expect(summary.getByTestId('frame-works')).toHaveText(FRAME.works);
  await expect(summary.getByTestId('frame-step')).toHaveText(FRAME.next_step);
  await expect(summary.getByTestId('frame-whose')).toHaveText('Wijkraad Oost');
  await expect(summary.getByTestId('frame-when')).toHaveText('Wijkraadsvergadering, 10 maart 2025');
  await expect(summary.getByRole('button', { name: 'Kader bewerken' })).toBeVisible();
  await expectClean(page, 'case at Agenderen, frame filled');
  await expect.poll(async () => (await storedDocument(page)).journal.cases[0]?.frame).toEqual(FRAME);
  expect((await storedDocument(page)).schema).toBe(4);

  // The session agenda: the overdue moment first (dated), then the undated step.
  const journalNav = page.getByRole('navigation', { name: 'Casusjournaal' });
  await expect(journalNav.getByRole('link', { name: /Agenda voor de volgende sessie/ })).toContainText('(2)');
  await journalNav.getByRole('link', { name: /Agenda voor de volgende sessie/ }).click();
  const items = page.getByTestId('agenda').getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0).locator('.agenda-kind')).toHaveText('Agendamoment⚠ Over tijd');
  await expect(items.nth(0).locator('.agenda-text')).toHaveText('Wijkraadsvergadering');
  await expect(items.nth(0)).toContainText('Op 10 maart 2025');
  await expect(items.nth(0)).toContainText('Op de agenda van: Wijkraad Oost');
  await expect(items.nth(1).locator('.agenda-kind')).toHaveText('Kleinste volgende stap');
  await expect(items.nth(1).locator('.agenda-text')).toHaveText(FRAME.next_step);
  await expect(items.nth(1)).toContainText('Casus: Speelplaats Oost');
  await expectClean(page, 'agenda with frame items');

  // Ticking the step off marks it taken on the case; undo brings it back.
  await items.nth(1).getByRole('button', { name: `Afvinken: ${FRAME.next_step}` }).click();
  await expect(items).toHaveCount(1);
  await expect(page.getByTestId('agenda-status')).toContainText(`Afgevinkt: ${FRAME.next_step}`);
  await expect.poll(async () => (await storedDocument(page)).journal.cases[0].frame.next_step_done).toBe(true);
  await page.getByTestId('agenda-status').getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(items).toHaveCount(2);
  await expect.poll(async () => (await storedDocument(page)).journal.cases[0].frame.next_step_done).toBe(false);

  // After a reload everything is still there, on the agenda and on the case.
  await page.reload();
  await expect(items).toHaveCount(2);
  await items.nth(0).getByRole('link', { name: 'Naar de casus' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Speelplaats Oost');
  await expect(summary.getByTestId('frame-when')).toHaveText('Wijkraadsvergadering, 10 maart 2025');
  await expect(page.getByLabel('Gewenste situatie')).toHaveValue(FRAME.desired);
  await expect(page.getByLabel('Datum van dat moment')).toHaveValue(FRAME.date);

  // On that agenda now: the moment leaves the agenda, the summary says so.
  await page.getByLabel('Het staat op die agenda').check();
  await expect(summary.getByTestId('frame-when')).toHaveText('Wijkraadsvergadering, 10 maart 2025 (staat op de agenda)');
  await expect(journalNav.getByRole('link', { name: /Agenda voor de volgende sessie/ })).toContainText('(1)');
  // Emptied again, the frame is gone from storage and the invitation is back.
  await page.getByLabel('Het staat op die agenda').uncheck();
  for (const label of ['Gewenste situatie', 'Wat werkt al', 'Kleinste volgende stap', 'Op wiens agenda', 'Op welk moment', 'Datum van dat moment']) {
    await page.getByLabel(label, { exact: true }).fill('');
  }
  await expect(summary).toContainText('Deze casus staat op Agenderen.');
  await expect.poll(async () => (await storedDocument(page)).journal.cases[0]?.frame).toBeUndefined();
});

test('the frame in English, through the language button', async ({ page }) => {
  // A name without a Dutch word in it, so the check for Dutch lines reads the interface.
  await createProfile(page, { name: 'Sanne Jansen' });
  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Case journal' }).click();
  await page.getByLabel('Title of a new case').fill('Tree felling Parklaan');
  await page.getByRole('button', { name: 'New case' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tree felling Parklaan');
  await page.getByLabel('Status').selectOption({ label: 'Agenda-setting' });
  const summary = page.getByTestId('frame-summary');
  await expect(summary.getByRole('heading', { level: 2 })).toHaveText('Solution-focused agenda-setting');
  await expect(summary).toContainText('This case is at agenda-setting.');
  const frame = page.getByRole('group', { name: 'Solution-focused agenda-setting' });
  await frame.getByLabel('Desired situation').fill('Residents help choose the new trees');
  await frame.getByLabel('What already works').fill('The tree officer explains well');
  await frame.getByLabel('Smallest next step').fill('Ask the alderman for ten minutes');
  await frame.getByLabel('On whose agenda').fill('Alderman');
  await frame.getByLabel('At which moment').fill('Executive meeting');
  await frame.getByLabel('Date of that moment').fill('2099-04-14');
  await expect(summary.getByTestId('frame-when')).toHaveText('Executive meeting, 14 April 2099');
  await frame.getByLabel('This step has been taken').check();
  await expect(summary.getByTestId('frame-step')).toHaveText('Ask the alderman for ten minutes (taken)');
  await frame.getByLabel('This step has been taken').uncheck();
  await expect(summary.getByTestId('frame-step')).toHaveText('Ask the alderman for ten minutes');
  await expectEnglish(page, 'case with its frame');

  await page.getByRole('navigation', { name: 'Case journal' }).getByRole('link', { name: /Agenda for the next session/ }).click();
  const items = page.getByTestId('agenda').getByRole('listitem');
  await expect(items).toHaveCount(2);
  // The dated moment (not overdue) before the undated step.
  await expect(items.nth(0).locator('.agenda-kind')).toHaveText('Agenda moment');
  await expect(items.nth(0)).toContainText('On 14 April 2099');
  await expect(items.nth(0)).toContainText('On the agenda of: Alderman');
  await expect(items.nth(1).locator('.agenda-kind')).toHaveText('Smallest next step');
  await expect(items.nth(1).locator('.agenda-text')).toHaveText('Ask the alderman for ten minutes');
  await expect(items.nth(1).getByRole('link', { name: 'Go to the case' })).toBeVisible();
  await expectEnglish(page, 'agenda with frame items');
});

test('the frame travels in a bundle, to a fresh browser and to the begeleider’s session page', async ({ browser }) => {
  test.setTimeout(120_000);
  const first = await browser.newContext({ acceptDownloads: true, bypassCSP: true });
  const page = await first.newPage();
  await createProfile(page);
  await newCase(page, 'Speelplaats Oost');
  await page.getByLabel('Status').selectOption({ label: 'Agenderen' });
  await fillFrameInDutch(page);
  await expect.poll(async () => (await storedDocument(page)).journal.cases[0]?.frame).toEqual(FRAME);
  const text = await exportBundle(page);
  expect(JSON.parse(text).contents.journal.cases[0].frame).toEqual(FRAME);

  // A browser that never saw it: restored from the bundle, the frame is on the case.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await restoreFromBundle(other, text);
  expect((await storedDocument(other)).journal.cases[0].frame).toEqual(FRAME);
  await goTo(other, 'Casusjournaal');
  await other.getByRole('link', { name: 'Speelplaats Oost' }).click();
  await expect(other.getByTestId('frame-summary').getByTestId('frame-step')).toHaveText(FRAME.next_step);

  // The begeleider reads the bundle in; the session page lists the frame's items.
  const coachContext = await browser.newContext({ bypassCSP: true });
  const coach = await coachContext.newPage();
  await createProfile(coach, { name: 'Bea Begeleider', role: 'Begeleider' });
  await goTo(coach, 'Delen');
  await coach.getByLabel('Bundelbestand').setInputFiles({ name: 'sanne.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await coach.getByRole('button', { name: 'Toevoegen aan mijn deelnemers' }).click();
  await expect(coach.getByTestId('import-done')).toContainText('staat nu bij je deelnemers');
  const id = JSON.parse(text).from.profile;
  await coach.goto(coach.url().replace(/\/delen$/, `/deelnemers/${id}/sessie`));
  const agenda = coach.getByTestId('agenda').getByRole('listitem');
  await expect(agenda).toHaveCount(2);
  await expect(agenda.nth(0)).toHaveText('Agendamoment: Wijkraadsvergadering — Speelplaats Oost · op de agenda van Wijkraad Oost · op 10-03-2025 · te laat');
  await expect(agenda.nth(1)).toHaveText(`Kleinste volgende stap: ${FRAME.next_step} — Speelplaats Oost · op de agenda van Wijkraad Oost`);
  await expectClean(coach, 'session page with frame items');
  await Promise.all([first.close(), fresh.close(), coachContext.close()]);
});
