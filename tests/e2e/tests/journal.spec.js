// The case journal: cases, reflective entries, the agenda, the bin, search and safety.
import { test, expect } from '@playwright/test';
import { createProfile, storageDump, documentKey, goTo } from './helpers.js';

/** The stored journal of the one profile. */
async function storedJournal(page) {
  const key = await documentKey(page);
  return JSON.parse((await storageDump(page))[key]).journal;
}

function isoDay(offsetDays) {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function newCase(page, title) {
  await goTo(page, 'Casusjournaal');
  await page.getByLabel('Titel van een nieuw vraagstuk').fill(title);
  await page.getByRole('button', { name: 'Nieuwe casus' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page).toHaveURL(/\/casusjournaal\/casus\/[0-9a-f-]{36}$/);
}

async function newEntry(page) {
  await page.getByRole('button', { name: 'Nieuwe notitie' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Notitie bij /);
  await expect(page).toHaveURL(/\/notitie\/[0-9a-f-]{36}$/);
}

const journalNav = (page) => page.getByRole('navigation', { name: 'Casusjournaal' });

test('a case and a STARR entry are saved while typing, also over a reload mid-sentence', async ({ page }) => {
  await createProfile(page);
  await goTo(page, 'Casusjournaal');
  // A case needs a title.
  await page.getByRole('button', { name: 'Nieuwe casus' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Geef de casus een titel.' })).toBeVisible();

  await newCase(page, 'Bomenkap Noordsingel');
  const title = page.getByLabel('Titel', { exact: true });
  // Spaces typed at the end of a word are not eaten by the tidying on save.
  await title.fill('Bomenkap ');
  await title.pressSequentially('Oost');
  await expect(title).toHaveValue('Bomenkap Oost');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bomenkap Oost');
  await page.getByLabel('Situatie', { exact: true }).fill('De lindebomen zijn ziek');
  await page.getByLabel('Opdrachtgever').fill('Afdeling Groen');
  await page.getByLabel('Status').selectOption({ label: 'In uitvoering' });
  await page.getByLabel('Tags').fill('groen, bewoners, Groen');
  const competencies = page.getByRole('group', { name: 'Competenties die je in deze casus oefent' });
  const firstCompetency = competencies.getByRole('checkbox').first();
  await firstCompetency.check();
  await page.getByLabel('Andere betrokkenen').fill('Ahmed, Ria');

  await newEntry(page);
  await expect(page.getByRole('radio', { name: 'STARR' })).toBeChecked();
  const situatie = page.getByLabel('Situatie', { exact: true });
  await expect(situatie).toHaveAccessibleDescription(/Wat was de situatie\?/);
  await situatie.fill('Bewonersavond in het buurthuis');
  // Typing in the middle keeps the cursor where it is.
  await situatie.press('Home');
  await situatie.pressSequentially('Drukke ');
  await expect(situatie).toHaveValue('Drukke Bewonersavond in het buurthuis');

  // Reload straight after typing: the pending save is flushed as the page goes.
  await page.getByLabel('Actie').fill('Ik belde de aannemer en');
  await page.reload();
  await expect(page.getByLabel('Actie')).toHaveValue('Ik belde de aannemer en');
  await expect(page.getByLabel('Situatie', { exact: true })).toHaveValue('Drukke Bewonersavond in het buurthuis');

  const journal = await storedJournal(page);
  expect(journal.cases).toHaveLength(1);
  expect(journal.cases[0]).toMatchObject({
    title: 'Bomenkap Oost',
    situation: 'De lindebomen zijn ziek',
    client: 'Afdeling Groen',
    status: 'in_progress',
    tags: ['groen', 'bewoners'],
    involved_names: ['Ahmed', 'Ria'],
  });
  expect(journal.cases[0].competencies).toHaveLength(1);
  expect(journal.entries[0].model).toBe('starr');
  expect(journal.entries[0].texts['starr.actie']).toBe('Ik belde de aannemer en');

  // Switching model keeps the text, shown as from another model.
  await page.getByRole('radio', { name: 'Vrije tekst' }).check();
  await expect(page.getByRole('textbox', { name: 'Vrije tekst' })).toHaveValue('');
  await expect(page.getByText('Ik belde de aannemer en')).toBeVisible();
  await page.getByRole('radio', { name: 'STARR' }).check();
  await expect(page.getByLabel('Actie')).toHaveValue('Ik belde de aannemer en');

  // The case shows the entry in its timeline; the case's fields survived the reload.
  await page.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: 'Bomenkap Oost' }).click();
  await expect(page.getByLabel('Opdrachtgever')).toHaveValue('Afdeling Groen');
  await expect(page.getByLabel('Tags')).toHaveValue('groen, bewoners');
  await expect(firstCompetency).toBeChecked();
  const timeline = page.getByRole('list', { name: 'Notities, nieuwste eerst' });
  await expect(timeline.getByRole('listitem')).toHaveCount(1);
  await expect(timeline).toContainText('Drukke Bewonersavond in het buurthuis');
});

test('a coach question and an overdue step appear on the agenda and can be ticked off', async ({ page }) => {
  await createProfile(page);
  await newCase(page, 'Café-terras Marktplein');
  await newEntry(page);
  await page.getByLabel('Vraag voor begeleider').check();
  await page.getByLabel('Je vraag aan de begeleider').fill('Hoe betrek ik de wethouder?');
  await page.getByRole('button', { name: 'Volgende stap toevoegen' }).click();
  await expect(page.getByLabel('Stap', { exact: true })).toBeFocused();
  await page.getByLabel('Stap', { exact: true }).fill('Bel de ondernemersvereniging');
  await page.getByLabel('Uiterlijk op').fill(isoDay(-2));
  await page.getByLabel('Inbrengen bij intervisie').check();

  await journalNav(page).getByRole('link', { name: /Agenda voor de volgende sessie/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Agenda voor de volgende sessie');
  const items = page.getByTestId('agenda').getByRole('listitem');
  await expect(items).toHaveCount(2);
  // Overdue first, said in words, not only by colour.
  await expect(items.nth(0)).toContainText('Bel de ondernemersvereniging');
  await expect(items.nth(0)).toContainText('Over tijd');
  await expect(items.nth(1)).toContainText('Hoe betrek ik de wethouder?');
  await expect(items.nth(1)).toContainText('Casus: Café-terras Marktplein');
  await expect(items.nth(1)).not.toContainText('Over tijd');

  await items.nth(1).getByRole('button', { name: 'Afvinken: Hoe betrek ik de wethouder?' }).click();
  await expect(items).toHaveCount(1);
  await expect(page.getByTestId('agenda-status')).toContainText('Afgevinkt: Hoe betrek ik de wethouder?');
  await expect(page.getByTestId('agenda-status')).toBeFocused();
  await expect.poll(async () => (await storedJournal(page)).entries[0]?.coach_question?.done).toBe(true);
  await page.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(items).toHaveCount(2);
  // The undo button is gone; the focus is on the item that came back, not the document.
  await expect(items.nth(1).getByRole('button', { name: 'Afvinken: Hoe betrek ik de wethouder?' })).toBeFocused();

  // The link leads to the entry, where the question is still there.
  await items.nth(1).getByRole('link', { name: /Naar de notitie van/ }).click();
  await expect(page.getByLabel('Je vraag aan de begeleider')).toHaveValue('Hoe betrek ik de wethouder?');
  await expect(page.getByLabel('Besproken met de begeleider')).not.toBeChecked();
});

test('deleting moves to the bin with an undo; restoring and emptying the bin', async ({ page }) => {
  await createProfile(page);
  await newCase(page, 'Speelplaats Oosterpark');
  await newEntry(page);
  await page.getByLabel('Situatie', { exact: true }).fill('Kinderen spelen op straat');

  // An entry: deleted, then put back from the message.
  await page.getByRole('button', { name: 'Notitie naar de prullenbak' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Speelplaats Oosterpark');
  const flash = page.getByTestId('journal-flash');
  await expect(flash).toContainText(/De notitie van .* staat nu in de prullenbak\./);
  const timeline = page.getByRole('list', { name: 'Notities, nieuwste eerst' });
  await expect(timeline.getByRole('listitem')).toHaveCount(0);
  await flash.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(flash).toContainText('Teruggezet uit de prullenbak.');
  await expect(timeline.getByRole('listitem')).toHaveCount(1);
  await expect(timeline).toContainText('Kinderen spelen op straat');

  // The case, with its entry.
  await page.getByRole('button', { name: 'Casus naar de prullenbak' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Casusjournaal');
  await expect(flash).toContainText('De casus “Speelplaats Oosterpark” staat nu in de prullenbak, met 1 notitie.');
  await expect(page.getByRole('link', { name: 'Speelplaats Oosterpark' })).toHaveCount(0);
  // Both at once: the entry's earlier trip to the bin was stored as one bin item too
  // (with the case still there), and a save may still be on its way.
  await expect
    .poll(async () => {
      const j = await storedJournal(page);
      return [j.cases.length, j.bin.length];
    })
    .toEqual([0, 1]);
  let journal;

  await journalNav(page).getByRole('link', { name: /Prullenbak/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prullenbak');
  const rows = page.locator('.bin-table tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Casus (1 notitie)');
  await rows.first().getByRole('button', { name: /Terugzetten/ }).click();
  await expect(page.getByTestId('bin-status')).toContainText('De casus “Speelplaats Oosterpark” is teruggezet.');
  await expect(page.getByText('De prullenbak is leeg.')).toBeVisible();
  await expect.poll(async () => (await storedJournal(page)).cases.length).toBe(1);
  journal = await storedJournal(page);
  expect(journal.entries).toHaveLength(1);

  // Emptying asks first; cancelling keeps everything.
  await page.getByTestId('bin-status').getByRole('link', { name: 'Openen' }).click();
  await page.getByRole('button', { name: 'Casus naar de prullenbak' }).click();
  await journalNav(page).getByRole('link', { name: /Prullenbak/ }).click();
  await page.getByRole('button', { name: 'Prullenbak legen…' }).click();
  await expect(page.getByRole('group')).toContainText('2 casussen en notities worden definitief verwijderd');
  await expect(page.getByRole('button', { name: 'Ja, leeg de prullenbak' })).toBeFocused();
  await page.getByRole('button', { name: 'Annuleren' }).click();
  await expect(rows).toHaveCount(1);
  await expect.poll(async () => (await storedJournal(page)).bin.length).toBe(1);
  await page.getByRole('button', { name: 'Prullenbak legen…' }).click();
  await page.getByRole('button', { name: 'Ja, leeg de prullenbak' }).click();
  await expect(page.getByTestId('bin-status')).toContainText('De prullenbak is leeg: 2 casussen en notities definitief verwijderd.');
  await expect(page.getByText('De prullenbak is leeg.')).toBeVisible();
  await expect.poll(async () => (await storedJournal(page)).bin.length).toBe(0);
});

test('markup typed into an entry is shown as text and never runs', async ({ page }) => {
  const payload = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
  await createProfile(page);
  await newCase(page, '<b>Vet</b> vraagstuk');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('<b>Vet</b> vraagstuk');
  await newEntry(page);
  await page.getByLabel('Situatie', { exact: true }).fill(payload);
  await page.getByLabel('Vraag voor begeleider').check();
  await page.getByLabel('Je vraag aan de begeleider').fill(payload);
  await page.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: '<b>Vet</b> vraagstuk' }).click();
  const timeline = page.getByRole('list', { name: 'Notities, nieuwste eerst' });
  await expect(timeline.getByText(payload, { exact: true })).toBeVisible();
  await journalNav(page).getByRole('link', { name: /Agenda/ }).click();
  await expect(page.getByTestId('agenda').getByText(payload, { exact: true })).toBeVisible();
  await journalNav(page).getByRole('link', { name: 'Casussen' }).click();
  await expect(page.getByRole('link', { name: '<b>Vet</b> vraagstuk' })).toBeVisible();
  await page.reload();
  await page.getByLabel('Zoeken in casussen en notities').fill('pwned');
  await expect(page.getByTestId('case-count')).toHaveText(/1 casus gevonden/);
  // Shown as typed after the reload too, and no element made of it anywhere in the
  // document (the policy alone would keep the script from running, so that is no proof).
  await page.getByRole('link', { name: '<b>Vet</b> vraagstuk' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('<b>Vet</b> vraagstuk');
  await expect(timeline.getByText(payload, { exact: true })).toBeVisible();
  expect(await page.evaluate(() => ({
    elements: document.querySelectorAll('img, b, [onerror]').length,
    scripts: [...document.scripts].filter((s) => s.text.includes('__pwned')).length,
    pwned: window.__pwned,
  }))).toEqual({ elements: 0, scripts: 0, pwned: undefined });
});

test('search folds accents and case, and filters narrow the list', async ({ page }) => {
  await createProfile(page);
  await newCase(page, 'Bomenkap Noordsingel');
  await newEntry(page);
  await page.getByLabel('Resultaat').fill('Het plan is geëvalueerd met de bewoners.');
  await newCase(page, 'Speelplaats Oosterpark');
  await page.getByLabel('Status').selectOption({ label: 'Afgerond' });
  await page.getByLabel('Tags').fill('spelen');

  await journalNav(page).getByRole('link', { name: 'Casussen' }).click();
  const count = page.getByTestId('case-count');
  const cases = page.locator('.case-list > li');
  await expect(count).toHaveText('2 casussen.');
  await expect(cases).toHaveCount(2);

  const search = page.getByRole('searchbox', { name: 'Zoeken in casussen en notities' });
  // Typed key by key: results follow each keystroke and no keystroke is lost.
  await search.pressSequentially('geevalueerd');
  await expect(search).toHaveValue('geevalueerd');
  await expect(count).toHaveText(/^1 casus gevonden\./);
  await expect(cases).toHaveCount(1);
  await expect(cases.first()).toContainText('Bomenkap Noordsingel');
  await expect(cases.first().getByRole('link', { name: /notitie van/ })).toBeVisible();
  await search.fill('GEËVALUEERD bewoners');
  await expect(cases).toHaveCount(1);
  await search.fill('geevalueerd oosterpark');
  await expect(count).toHaveText(/^Geen casussen gevonden\./);
  await expect(cases).toHaveCount(0);
  await page.getByRole('button', { name: 'Wis zoekopdracht en filters' }).click();
  await expect(search).toHaveValue('');
  await expect(cases).toHaveCount(2);

  await page.getByLabel('Status').selectOption({ label: 'Afgerond' });
  await expect(cases).toHaveCount(1);
  await expect(cases.first()).toContainText('Speelplaats Oosterpark');
  await page.getByLabel('Status').selectOption({ label: 'Alle statussen' });
  await page.getByLabel('Tag', { exact: true }).selectOption({ label: 'spelen' });
  await expect(cases).toHaveCount(1);
  await page.getByLabel('Tag', { exact: true }).selectOption({ label: 'Alle tags' });
  await page.getByLabel('Sorteren op').selectOption({ label: 'Titel' });
  await expect(cases.nth(0)).toContainText('Bomenkap Noordsingel');
  await expect(cases.nth(1)).toContainText('Speelplaats Oosterpark');

  // Clearing resets every filter, also the ones shown in a list box.
  await page.getByLabel('Status').selectOption({ label: 'Afgerond' });
  await page.getByRole('button', { name: 'Wis zoekopdracht en filters' }).click();
  await expect(page.getByLabel('Status')).toHaveValue('');
  await expect(cases).toHaveCount(2);

  // The query is kept in the address: back from a case returns to the same results.
  await search.fill('geëvalueerd');
  await expect(cases).toHaveCount(1);
  await cases.first().getByRole('link', { name: 'Bomenkap Noordsingel' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bomenkap Noordsingel');
  await page.goBack();
  await expect(search).toHaveValue('geëvalueerd');
  await expect(page.getByLabel('Sorteren op')).toHaveValue('2');
  await expect(cases).toHaveCount(1);
  await expect(count).toHaveText(/^1 casus gevonden\./);
});

test("a coach's feedback is shown with the entry as someone else's words, read-only, and kept on edits", async ({ page }) => {
  await createProfile(page);
  await newCase(page, 'Kademuur Zuid');
  await newEntry(page);
  await page.getByLabel('Situatie', { exact: true }).fill('Overleg met de aannemer');
  await expect(page.getByTestId('save-status')).toHaveText(/Opgeslagen/);
  await expect(page.getByText('Nog geen terugkoppeling.')).toBeVisible();
  // Feedback arrives by bundle; here it is written into the stored document directly.
  const key = await documentKey(page);
  await page.evaluate((key) => {
    const doc = JSON.parse(localStorage.getItem(key));
    doc.journal.entries[0].feedback = [{
      id: '00000000-0000-4000-8000-000000000050',
      author: 'Marieke',
      author_role: 'coach',
      written: '2026-03-04T10:00:00Z',
      text: 'Mooi beschreven. <i>Wat</i> deed jij precies?',
    }];
    localStorage.setItem(key, JSON.stringify(doc));
  }, key);
  await page.reload();
  const feedback = page.getByRole('article', { name: 'Terugkoppeling van Marieke (begeleider)' });
  await expect(feedback).toContainText('Mooi beschreven. <i>Wat</i> deed jij precies?');
  await expect(feedback.getByRole('textbox')).toHaveCount(0);
  await expect(feedback.locator('i')).toHaveCount(0);
  // The timeline says there is feedback.
  await page.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: 'Kademuur Zuid' }).click();
  await expect(page.getByRole('list', { name: 'Notities, nieuwste eerst' })).toContainText('1 terugkoppeling');
  // Editing the entry keeps the feedback.
  await page.getByRole('link', { name: /Notitie van/ }).click();
  await page.getByLabel('Taak').fill('Ik zat het overleg voor');
  await page.reload();
  await expect(feedback).toBeVisible();
  const entry = (await storedJournal(page)).entries[0];
  expect(entry.texts['starr.taak']).toBe('Ik zat het overleg voor');
  expect(entry.feedback).toHaveLength(1);
});

test('by keyboard alone, a new case and a new entry each put the focus on their page, not back on the document', async ({ page }) => {
  await createProfile(page);
  await goTo(page, 'Casusjournaal');
  const title = page.getByLabel('Titel van een nieuw vraagstuk');
  await title.focus();
  await page.keyboard.type('Herinrichting Kadeplein');
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('Herinrichting Kadeplein');
  // The button that made the case is gone; the new page's heading has the focus, so the
  // next Tab goes on in its content, not from the skip link at the top.
  await expect(heading).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement.closest('main'))).toBe(true);
  const newEntryButton = page.getByRole('button', { name: 'Nieuwe notitie' });
  await newEntryButton.focus();
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText(/^Notitie bij /);
  await expect(heading).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement.closest('main'))).toBe(true);
  // The first page of a visit keeps the document's own order: its first Tab is the skip link.
  await page.reload();
  await expect(page.locator('html[data-leerspoor="ready"]')).toBeAttached();
  await page.keyboard.press('Tab');
  await expect(page.locator('a.skip-link')).toBeFocused();
});
