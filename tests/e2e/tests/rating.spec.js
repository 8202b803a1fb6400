// Ratings from the network (issue 19, part 4): the participant makes a rating request, the
// rater fills it in on their own laptop without a profile (nothing kept there), and the
// participant reads the answer in through Delen's one import transaction; bad answers are
// refused with their reason and change nothing.
import { test, expect } from '@playwright/test';
import {
  open, createProfile, beginScan, fillAndFinish, downloaded, storageDump, documentKey,
  goTo, bundleDigest, axeViolations, expectEnglish, singleFile,
} from './helpers.js';

test.use({ bypassCSP: true });
// Each test here is a long flow across two browsers (a whole scan, the rater, the import):
// about 29 s on 2 cores with 2 workers, too near the default 30 s. Speed is the bench's to
// judge, not this timeout.
test.describe.configure({ timeout: 60_000 });

const QUESTION = 'Hoe zie jij mijn rol in het overleg over de Kade?';
const EVIDENCE = 'Bij het overleg over de Kade bracht Sanne de bewoners erbij.';

/** On the self-scan overview: asks `name` (`role`, as labelled) for a rating; the file. */
async function makeRequest(page, { name, role, question = '', words = NL }) {
  await open(page, '/zelfscan');
  const section = page.getByRole('region', { name: words.section });
  await section.getByLabel(words.name).fill(name);
  await section.getByLabel(role, { exact: true }).check();
  if (question) await section.getByLabel(words.question).fill(question);
  return downloaded(page, section.getByRole('button', { name: words.make }));
}

const NL = {
  section: 'Beoordeling vragen',
  name: 'Naam van wie je om een beoordeling vraagt',
  question: 'Je vraag aan de beoordelaar (optioneel)',
  make: 'Verzoek maken en downloaden',
};

/** A file for setInputFiles. */
function file(name, text) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(text) };
}

/** The radio group of one indicator on the rater page, chosen by keyboard: Space on the
 *  first level, then `down` presses of the arrow key (levels 1–4, then n.v.t.). */
async function chooseByKeyboard(page, indicator, down) {
  await page.locator(`input[name="rate-${indicator}"]`).first().focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < down; i++) await page.keyboard.press('ArrowDown');
}

/** Sanne with a finished own scan (level 2 everywhere) and a request to Joris Bakker. */
async function sanneAsks(page) {
  await createProfile(page);
  await open(page, '/zelfscan');
  await beginScan(page);
  await fillAndFinish(page, () => 2);
  return makeRequest(page, { name: 'Joris Bakker', role: 'Leidinggevende', question: QUESTION });
}

/** In a fresh browser: opens the request on the first-run page, rates "Het netwerk lezen"
 *  3, 4 and n.v.t. by keyboard with one example, and downloads the answer. */
async function jorisAnswers(browser, request) {
  const context = await browser.newContext();
  const rater = await context.newPage();
  await open(rater, '/');
  await rater.getByLabel('Beoordelingsverzoek (.json)').setInputFiles(file('verzoek.json', request));
  await expect(rater.getByRole('heading', { level: 1 })).toHaveText('Beoordeling voor Sanne de Vries');
  await chooseByKeyboard(rater, 'netwerk-lezen-betrokkenen', 2);
  await chooseByKeyboard(rater, 'netwerk-lezen-belangen', 3);
  await rater.keyboard.press('Tab');
  await expect(rater.locator('#rate-evidence-netwerk-lezen-belangen')).toBeFocused();
  await rater.keyboard.type(EVIDENCE);
  await chooseByKeyboard(rater, 'netwerk-lezen-verbanden', 4);
  await expect(rater.getByTestId('rate-progress')).toHaveText('3 van 26 gedragsindicatoren beantwoord.');
  await rater.getByRole('button', { name: 'Beoordeling downloaden' }).focus();
  const answer = await downloaded(rater, { click: () => rater.keyboard.press('Enter') });
  return { context, rater, answer };
}

/** Leerspoor's own keys and values. */
async function kept(page) {
  const dump = await storageDump(page);
  return Object.fromEntries(Object.entries(dump).filter(([k]) => k.startsWith('leerspoor')));
}

/** Delen: picks `text` as the bundle to import and waits for the preview. */
async function pick(page, name, text) {
  await goTo(page, 'Delen');
  await page.getByLabel('Bundelbestand').setInputFiles(file(name, text));
  await expect(page.getByTestId('import-preview')).toBeVisible();
}

test('a rating request goes to the rater, is filled in without a profile and comes back into the results', async ({ page, browser }) => {
  const request = await sanneAsks(page);
  expect(request.path).toBeTruthy();
  const list = page.getByTestId('request-list');
  await expect(list).toContainText('Joris Bakker (leidinggevende)');
  await expect(list).toContainText('Wacht op antwoord');
  await expect(page.getByTestId('request-sent')).toContainText('Stuur het bestand naar Joris Bakker');
  const req = JSON.parse(request.text);
  expect(req.kind).toBe('rating_request');
  // Only the request and its framework travel: none of Sanne's scans.
  expect(req.contents.selfscan.scans).toEqual([]);
  expect(req.contents.selfscan.requests[0]).toMatchObject({ rater: 'Joris Bakker', role: 'manager', question: QUESTION });

  const { context, rater, answer } = await jorisAnswers(browser, request.text);
  await expect(rater.getByTestId('rate-question')).toHaveText(QUESTION);
  await expect(rater.getByTestId('rate-sent')).toContainText(/Je beoordeling is gedownload als leerspoor-beoordeling-joris-bakker-\d{4}-\d{2}-\d{2}\.json\. Stuur dit bestand aan Sanne de Vries/);
  const ans = JSON.parse(answer.text);
  expect(ans.kind).toBe('rating_answer');
  expect(ans.from.name).toBe('Joris Bakker');

  // Nothing of the rater's is kept in that browser: not before a reload, not after.
  const nothingKept = async () => {
    const stored = JSON.stringify(await storageDump(rater));
    expect(stored).not.toContain('Joris');
    expect(stored).not.toContain('Sanne');
    expect(stored).not.toContain('Kade');
    expect(Object.keys(await storageDump(rater)).filter((k) => k.includes('/doc/'))).toEqual([]);
  };
  await nothingKept();
  await rater.reload();
  await expect(rater.locator('html[data-leerspoor="ready"]')).toBeAttached();
  await expect(rater.getByRole('heading', { level: 1 })).toHaveText('Welkom bij Leerspoor');
  await nothingKept();
  await context.close();

  // Sanne reads the answer in: preview first, then the one import with its backup.
  await pick(page, 'beoordeling.json', answer.text);
  await expect(page.getByTestId('preview-from')).toHaveText('Joris Bakker (leidinggevende)');
  await expect(page.getByTestId('preview-added')).toHaveText('1 × scan');
  await expect(page.getByTestId('rating-note')).toContainText('Een beoordeling door Joris Bakker op je beoordelingsverzoek van');
  await page.getByRole('button', { name: 'Beoordeling inlezen' }).click();
  await expect(page.getByTestId('import-done')).toHaveText('Ingelezen: 1 wijziging. Een back-up van daarvoor staat hieronder klaar.');

  // Self 2, 2, 2 → 2,0; Joris 3, 4, n.v.t. → 3,5; the gap +1,5, notable.
  await open(page, '/zelfscan/resultaten');
  const table = page.getByTestId('rater-table');
  await expect(table.getByRole('row', { name: 'Het netwerk lezen' })).toHaveText(/2,0\s*3,5\s*\+1,5\s*⚠ opvallend verschil/);
  await expect(table.getByRole('row', { name: 'Het netwerk benutten' })).toHaveText(/2,0\s*–\s*–/);
  await open(page, '/zelfscan');
  await expect(page.getByTestId('scan-list')).toContainText('Joris Bakker (leidinggevende)');
  await expect(page.getByTestId('request-list')).toContainText('Beantwoord: zie je resultaten');

  // The same answer again: nothing doubled, nothing written.
  const key = await documentKey(page);
  const before = (await storageDump(page))[key];
  await pick(page, 'beoordeling.json', answer.text);
  await expect(page.getByTestId('preview-added')).toHaveText('niets nieuws');
  await page.getByRole('button', { name: 'Beoordeling inlezen' }).click();
  await expect(page.getByTestId('import-done')).toHaveText('Alles uit deze bundel staat er al; er is niets veranderd.');
  expect((await storageDump(page))[key]).toBe(before);
});

test('an answer to another participant, to a request never made, or on another framework is refused; the own request too', async ({ page, browser }) => {
  const request = await sanneAsks(page);
  const { context, answer } = await jorisAnswers(browser, request.text);
  await context.close();
  const resigned = async (change) => {
    const bundle = JSON.parse(answer.text);
    change(bundle);
    bundle.digest = await bundleDigest(bundle);
    return JSON.stringify(bundle);
  };
  const refusals = [
    [
      'van een ander',
      await resigned((b) => {
        b.contents.profile.id = '00000000-0000-4000-8000-0000000000aa';
        b.contents.profile.name = 'Anna de Boer';
      }),
      'Dit is een beoordeling door Joris Bakker op een verzoek van Anna de Boer, niet op een verzoek van dit profiel. Lees hem in met het profiel van Anna de Boer. Er is niets ingelezen.',
    ],
    [
      'nooit gevraagd',
      await resigned((b) => {
        const other = '00000000-0000-4000-8000-0000000000bb';
        b.contents.selfscan.requests[0].id = other;
        b.contents.selfscan.scans[0].id = other;
        b.contents.selfscan.scans[0].request = other;
      }),
      'Deze beoordeling door Joris Bakker hoort bij een verzoek dat dit profiel niet heeft gedaan: het staat niet bij je beoordelingsverzoeken. Er is niets ingelezen.',
    ],
    [
      'ander kader',
      await resigned((b) => {
        b.contents.selfscan.frameworks[0].areas[0].competencies[0].indicators[0].name = 'Een ander gedrag';
      }),
      'Deze beoordeling door Joris Bakker gebruikt een ander kader dan je verzoek meestuurde (een andere versie, of andere niveaus, competenties of indicatoren). Vraag Joris Bakker het verzoek opnieuw in te vullen. Er is niets ingelezen.',
    ],
    [
      'eigen verzoek',
      request.text,
      'Dit beoordelingsverzoek is van Sanne de Vries, en dat profiel staat in deze browser: je kunt jezelf niet beoordelen. Stuur het bestand naar Joris Bakker; die opent het in Leerspoor op de eigen laptop en stuurt je de beoordeling terug. Er is niets ingelezen.',
    ],
  ];
  const before = await kept(page);
  for (const [what, text, message] of refusals) {
    await pick(page, `${what}.json`, text);
    await expect(page.getByTestId('foreign-note'), what).toHaveText(message);
    await expect(page.getByTestId('import-preview').getByRole('button', { name: /Importeren|inlezen|invullen/ }), what).toBeDisabled();
    await page.getByRole('button', { name: 'Annuleren' }).click();
    expect(await kept(page), what).toEqual(before);
  }

  // A request that carries the participant's own scans is no request: named when read.
  const leaky = JSON.parse(request.text);
  leaky.contents.selfscan.scans = JSON.parse((await storageDump(page))[await documentKey(page)]).selfscan.scans;
  leaky.digest = await bundleDigest(leaky);
  await goTo(page, 'Delen');
  await page.getByLabel('Bundelbestand').setInputFiles(file('lek.json', JSON.stringify(leaky)));
  await expect(page.getByTestId('import-error')).toContainText('Dit bestand noemt zich een beoordelingsverzoek, maar bevat niet wat daarbij hoort');
  expect(await kept(page)).toEqual(before);
});

test('a participant with a profile can rate someone else from Delen, and nothing goes into that profile', async ({ page, browser }) => {
  const request = await sanneAsks(page);
  const context = await browser.newContext();
  const colleague = await context.newPage();
  await createProfile(colleague, { name: 'Joris Bakker' });
  const before = await kept(colleague);
  await pick(colleague, 'verzoek.json', request.text);
  await expect(colleague.getByTestId('rate-note')).toHaveText('Dit is een beoordelingsverzoek van Sanne de Vries aan Joris Bakker. Je vult het in op een eigen pagina; er komt niets in je profiel.');
  await colleague.getByRole('button', { name: 'Beoordeling invullen' }).click();
  await expect(colleague.getByRole('heading', { level: 1 })).toHaveText('Beoordeling voor Sanne de Vries');
  await colleague.locator('input[name="rate-netwerk-lezen-betrokkenen"][value="3"]').check();
  const { text } = await downloaded(colleague, colleague.getByRole('button', { name: 'Beoordeling downloaden' }));
  expect(JSON.parse(text).kind).toBe('rating_answer');
  await colleague.getByRole('button', { name: 'Klaar: antwoorden wissen' }).click();
  await expect(colleague.getByRole('heading', { level: 1 })).not.toHaveText(/Beoordeling voor/);
  expect(await kept(colleague)).toEqual(before);
  await context.close();
});

test('the request form and the rater page are axe-clean, and read in English', async ({ page, browser }) => {
  await createProfile(page, { name: 'Sam Jones' });
  await open(page, '/zelfscan');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const request = await makeRequest(page, {
    name: 'Jo Baker',
    role: 'Colleague',
    question: 'How do you see my advice?',
    words: {
      section: 'Ask for a rating',
      name: 'Name of the person you ask',
      question: 'Your question to the rater (optional)',
      make: 'Make and download the request',
    },
  });
  await expect(page.getByTestId('request-list')).toContainText('Jo Baker (colleague)');
  await expect(page.getByTestId('request-list')).toContainText('Awaiting an answer');
  await expectEnglish(page, 'self-scan overview with a request');

  const context = await browser.newContext();
  const rater = await context.newPage();
  await open(rater, '/');
  await rater.getByLabel('Beoordelingsverzoek (.json)').setInputFiles(file('request.json', request.text));
  await expect(rater.getByRole('heading', { level: 1 })).toHaveText('Beoordeling voor Sam Jones');
  expect(await axeViolations(rater)).toEqual([]);
  // Downloading with nothing answered says why, in the rater's language.
  await rater.getByRole('button', { name: 'Beoordeling downloaden' }).click();
  await expect(rater.getByTestId('rate-error')).toHaveText('Beantwoord minstens één gedragsindicator voordat je je beoordeling downloadt.');
  await rater.locator('input[name="rate-netwerk-lezen-belangen"][value="4"]').check();
  // The language switch builds the page anew; the answers stay.
  await rater.getByTestId('language-switch').click();
  await expect(rater.getByRole('heading', { level: 1 })).toHaveText('Rating for Sam Jones');
  await expect(rater.locator('input[name="rate-netwerk-lezen-belangen"][value="4"]')).toBeChecked();
  await expect(rater.getByTestId('rate-progress')).toHaveText('1 of 26 behavioural indicators answered.');
  await expect(rater.getByTestId('rate-question')).toHaveText('How do you see my advice?');
  await expectEnglish(rater, 'rater page');
  // Kept by choice, then found again on the first-run page, all in English.
  await rater.getByLabel('Keep my answers in this browser, so I can continue later').check();
  await expect(rater.getByTestId('rate-memory')).toContainText('Your answers are kept in this browser');
  await expect.poll(async () => Object.keys(await storageDump(rater)).filter((k) => k.includes('/rating/')).length).toBe(1);
  await rater.reload();
  await expect(rater.locator('html[data-leerspoor="ready"]')).toBeAttached();
  await expect(rater.getByTestId('rate-kept')).toContainText(/^Rating for Sam Jones by Jo Baker, request of \d{1,2} \w+ \d{4}: 1 answered/);
  await expectEnglish(rater, 'first-run page with a kept rating');
  await rater.getByRole('button', { name: 'Continue: rating for Sam Jones' }).click();
  await expect(rater.locator('input[name="rate-netwerk-lezen-belangen"][value="4"]')).toBeChecked();
  const { text } = await downloaded(rater, rater.getByRole('button', { name: 'Download the rating' }));
  await expect(rater.getByTestId('rate-sent')).toContainText('Send this file to Sam Jones');
  await context.close();

  await open(page, '/delen');
  await page.getByLabel('Bundle file').setInputFiles(file('rating.json', text));
  await expect(page.getByTestId('rating-note')).toContainText('A rating by Jo Baker on your rating request of');
  await expectEnglish(page, 'import preview of a rating');
});

test('the single file opens a rating request and downloads the answer', async ({ browser }) => {
  const participant = await browser.newPage();
  const request = await sanneAsks(participant);
  const single = singleFile();
  try {
    const context = await browser.newContext();
    const rater = await context.newPage();
    await rater.goto(single.url);
    await expect(rater.locator('html[data-leerspoor="ready"]')).toBeAttached();
    await rater.getByLabel('Beoordelingsverzoek (.json)').setInputFiles(file('verzoek.json', request.text));
    await expect(rater.getByRole('heading', { level: 1 })).toHaveText('Beoordeling voor Sanne de Vries');
    await rater.locator('input[name="rate-netwerk-lezen-betrokkenen"][value="3"]').check();
    const { text } = await downloaded(rater, rater.getByRole('button', { name: 'Beoordeling downloaden' }));
    const answer = JSON.parse(text);
    expect(answer.kind).toBe('rating_answer');
    expect(answer.contents.selfscan.scans[0].ratings['netwerk-lezen-betrokkenen'].rating).toEqual({ level: 3 });
    await context.close();

    await pick(participant, 'beoordeling.json', text);
    await participant.getByRole('button', { name: 'Beoordeling inlezen' }).click();
    await expect(participant.getByTestId('import-done')).toHaveText('Ingelezen: 1 wijziging. Een back-up van daarvoor staat hieronder klaar.');
  } finally {
    single.remove();
  }
});

test('the rater keeps answers in the browser only when they choose to, goes on after a reload, and Klaar removes them', async ({ page, browser }) => {
  const request = await sanneAsks(page);
  const requestId = JSON.parse(request.text).contents.selfscan.requests[0].id;
  const context = await browser.newContext();
  const rater = await context.newPage();
  const keptKeys = async () => Object.keys(await storageDump(rater)).filter((k) => k.includes('/rating/'));
  const keepBox = rater.getByLabel('Bewaar mijn antwoorden in deze browser, zodat ik later verder kan');
  const openRequest = async () => {
    await rater.getByLabel('Beoordelingsverzoek (.json)').setInputFiles(file('verzoek.json', request.text));
    await expect(rater.getByRole('heading', { level: 1 })).toHaveText('Beoordeling voor Sanne de Vries');
  };
  await open(rater, '/');
  await openRequest();
  // Not chosen: nothing kept, a reload leaves nothing.
  await expect(keepBox).not.toBeChecked();
  await rater.locator('input[name="rate-netwerk-lezen-betrokkenen"][value="3"]').check();
  expect(await keptKeys()).toEqual([]);
  await rater.reload();
  await expect(rater.locator('html[data-leerspoor="ready"]')).toBeAttached();
  await expect(rater.getByRole('heading', { level: 1 })).toHaveText('Welkom bij Leerspoor');
  await expect(rater.getByTestId('rate-kept')).toHaveCount(0);

  // Chosen: the answer in progress is kept under its request, and said so.
  await openRequest();
  await rater.locator('input[name="rate-netwerk-lezen-betrokkenen"][value="3"]').check();
  await keepBox.check();
  await expect(rater.getByTestId('rate-memory')).toContainText('Je antwoorden worden in deze browser bewaard, ook als je het tabblad sluit');
  await rater.locator('#rate-evidence-netwerk-lezen-belangen').fill(EVIDENCE);
  await expect.poll(keptKeys).toEqual([`leerspoor/v1/rating/${requestId}`]);
  await expect.poll(async () => JSON.stringify(await storageDump(rater))).toContain('bracht Sanne de bewoners erbij');
  await rater.reload();
  await expect(rater.locator('html[data-leerspoor="ready"]')).toBeAttached();
  const keptList = rater.getByTestId('rate-kept').locator('li');
  await expect(keptList).toHaveText(/^Beoordeling voor Sanne de Vries door Joris Bakker, verzoek van \d{1,2} \w+ \d{4}: 1 beantwoord Verder invullen Wissen$/);
  expect(await axeViolations(rater)).toEqual([]);
  await keptList.getByRole('button', { name: 'Verder invullen: beoordeling voor Sanne de Vries' }).click();
  await expect(rater.locator('input[name="rate-netwerk-lezen-betrokkenen"][value="3"]')).toBeChecked();
  await expect(rater.locator('#rate-evidence-netwerk-lezen-belangen')).toHaveValue(EVIDENCE);
  await expect(keepBox).toBeChecked();
  await expect(rater.getByTestId('rate-progress')).toHaveText('1 van 26 gedragsindicatoren beantwoord.');

  // Clearing the box removes the kept copy; ticking it again keeps it again.
  await keepBox.uncheck();
  await expect.poll(keptKeys).toEqual([]);
  await keepBox.check();
  await expect.poll(keptKeys).toHaveLength(1);
  // Sent and Klaar: nothing of the rater's is left.
  const { text } = await downloaded(rater, rater.getByRole('button', { name: 'Beoordeling downloaden' }));
  expect(JSON.parse(text).contents.selfscan.scans[0].ratings['netwerk-lezen-belangen'].evidence).toBe(EVIDENCE);
  await rater.getByRole('button', { name: 'Klaar: antwoorden wissen' }).click();
  await expect(rater.getByRole('heading', { level: 1 })).toHaveText('Welkom bij Leerspoor');
  expect(await keptKeys()).toEqual([]);
  expect(JSON.stringify(await storageDump(rater))).not.toContain('Sanne');
  await context.close();
});

test('a kept rating that was damaged is named, stays until removed, and stops nothing', async ({ browser }) => {
  const context = await browser.newContext();
  const rater = await context.newPage();
  await open(rater, '/');
  const key = 'leerspoor/v1/rating/00000000-0000-4000-8000-000000000071';
  await rater.evaluate((key) => localStorage.setItem(key, '{"request": {"format": "leersp'), key);
  await rater.reload();
  await expect(rater.locator('html[data-leerspoor="ready"]')).toBeAttached();
  const item = rater.getByTestId('rate-kept').locator('li');
  await expect(item).toHaveText('De beoordeling die in deze browser bewaard is, kon niet worden gelezen: hij is beschadigd. Hij blijft bewaard tot je hem wist. Bewaarde beoordeling wissen');
  expect((await storageDump(rater))[key]).toBe('{"request": {"format": "leersp');
  // The rest of the page works: a profile can still be made.
  await expect(rater.getByRole('button', { name: 'Profiel aanmaken' })).toBeEnabled();
  await item.getByRole('button', { name: 'Bewaarde beoordeling wissen' }).click();
  await expect(rater.getByTestId('rate-kept')).toHaveCount(0);
  expect((await storageDump(rater))[key]).toBeUndefined();
  await context.close();
});

// After a download, a changed answer is not in the file sent: the message of what was
// sent stayed, and *Klaar* cleared the change unsent. Closing the tab lost answers held
// only in memory without a word (both found by a helper using the app).
test('answers changed after the download are not taken for sent, and closing the tab asks first', async ({ page, browser }) => {
  const request = await sanneAsks(page);
  const { context, rater } = await jorisAnswers(browser, request.text);
  await expect(rater.getByTestId('rate-sent')).toBeVisible();
  await chooseByKeyboard(rater, 'netwerk-lezen-betrokkenen', 3);
  await expect(rater.getByTestId('rate-sent')).toHaveCount(0);
  await expect(rater.getByTestId('rate-changed')).toHaveText(
    'Je hebt je antwoorden veranderd nadat je ze downloadde. Download je beoordeling opnieuw en stuur dat bestand; anders komen de veranderingen niet aan.');
  await expect(rater.getByRole('button', { name: 'Klaar: antwoorden wissen' })).toHaveCount(0);

  // Leaving now would lose the change: the browser asks.
  const asked = new Promise((resolve) => rater.once('dialog', (d) => { resolve(d.type()); d.dismiss(); }));
  await rater.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
  expect(rater.isClosed()).toBe(false);

  // Downloaded again: sent as it is now, and nothing is asked on leaving.
  await downloaded(rater, { click: () => rater.getByRole('button', { name: 'Beoordeling downloaden' }).click() });
  await expect(rater.getByTestId('rate-sent')).toBeVisible();
  await expect(rater.getByTestId('rate-changed')).toHaveCount(0);
  let dialogs = 0;
  rater.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  await rater.close({ runBeforeUnload: true });
  await expect.poll(() => rater.isClosed()).toBe(true);
  expect(dialogs).toBe(0);
  await context.close();
});
