// Printing: Zelfscan › Resultaten and Deelnemers › Sessie voorbereiden on A4. Chromium
// prints each page to PDF with the print stylesheet; the PDF's text (pdf.js) must hold
// the content a session needs and none of the navigation.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createProfile, open, goTo, axeViolations, bundleDigest, seed } from './helpers.js';

// axe is injected as a script, which the app's Content-Security-Policy would block.
test.use({ bypassCSP: true });

const repo = new URL('../../../', import.meta.url).pathname;
let bundle;

// One realistic participant (three scans, a year of journal), from the model's seeded
// sample, as workspace.spec.js makes them; the sample has no development goals, so one is
// added (the digest made anew, as Leerspoor checks it).
const GOAL = {
  id: '7b0c9a52-3d4e-4f1a-9b2c-5d6e7f8a9b0c',
  title: 'Vaker de wijk in met de wijkbeheerder',
  description: 'Eens per maand een schouw, en de bewoners zelf laten vertellen.',
  competencies: ['netwerk-lezen'],
  actions: [
    { text: 'Wijkschouw meelopen', done: true },
    { text: 'Bewonersavond bijwonen', done: false },
  ],
  due: '2026-06-30',
  status: 'in_progress',
};

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const dir = await mkdtemp(join(tmpdir(), 'leerspoor-print-'));
  execFileSync('cargo', ['run', '--offline', '--quiet', '--example', 'sample_bundles', '--', '1', dir], {
    cwd: repo,
    stdio: 'inherit',
  });
  const parsed = JSON.parse(await readFile(join(dir, 'deelnemer-1.json'), 'utf8'));
  parsed.contents.selfscan.goals.push(GOAL);
  parsed.digest = await bundleDigest(parsed);
  bundle = JSON.stringify(parsed);
});

/** The page as Chromium prints it on A4: page count and all text, in reading order.
 *  PRINT_OUT=<dir> keeps the PDF, to look at. */
async function printed(page, name) {
  await page.emulateMedia({ media: 'print' });
  // preferCSSPageSize: the size and margins of print.css's @page, as the print dialog uses them.
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  if (process.env.PRINT_OUT) await writeFile(join(process.env.PRINT_OUT, `${name}.pdf`), pdf);
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, disableFontFace: true }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => i.str + (i.hasEOL ? '\n' : '')).join(''));
  }
  await doc.destroy();
  return { pages: doc.numPages, text: pages.join('\n'), bytes: pdf.length };
}

// Line breaks and the spaces pdf.js guesses between text runs differ from the DOM's.
const squash = (s) => s.replace(/\s+/g, '');

function expectText(pdf, present, absent) {
  const all = squash(pdf.text);
  for (const s of present) expect(all, `the printout should contain “${s}”`).toContain(squash(s));
  for (const s of absent) expect(all, `the printout should not contain “${s}”`).not.toContain(squash(s));
}

// Navigation and controls: on screen they are there, on paper they must not be.
const CHROME = ['Naar de inhoud', 'Casusjournaal', 'Afdrukken', 'Opgeslagen', 'English'];

test('Zelfscan › Resultaten prints the radar, its figures and the goals on A4, without navigation', async ({ page }) => {
  test.setTimeout(90_000);
  const contents = JSON.parse(bundle).contents;
  await open(page, '/');
  await page.getByLabel('Je eigen bundel (.json)').setInputFiles({ name: 'eigen.json', mimeType: 'application/json', buffer: Buffer.from(bundle) });
  await page.getByRole('button', { name: 'Profiel herstellen' }).click();
  await expect(page.getByTestId('profile-badge')).toBeVisible();
  await goTo(page, 'Zelfscan');
  await page.getByRole('link', { name: 'Resultaten' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Resultaten zelfscan');
  const goal = GOAL.title;
  await expect(page.getByTestId('goal-summary')).toContainText(goal);
  await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Zelfscan' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeHidden();
  await expect(page.getByLabel('Eerdere scan')).toBeHidden();
  await expect(page.getByTestId('radar')).toBeVisible();
  // The folded table of the radar's figures is open on paper.
  await expect(page.getByTestId('radar-table')).toBeVisible();

  const pdf = await printed(page, 'resultaten');
  console.log(`Resultaten: ${pdf.pages} A4 page(s), ${pdf.bytes} bytes`);
  expect(pdf.pages).toBeGreaterThanOrEqual(1);
  // Measured: 3 (radar and its figures; changes, strengths and goals; the raters' table).
  expect(pdf.pages).toBeLessThanOrEqual(4);
  const name = JSON.parse(bundle).contents.profile.name;
  expectText(
    pdf,
    [
      'Resultaten zelfscan',
      `${name} · ${contents.profile.course}`,
      'Radardiagram',
      'Gemiddeld niveau per competentie',
      'Verandering tussen twee scans',
      'Sterktes en grootste afstand tot je ambitie',
      'Ontwikkeldoelen',
      goal,
      'Competenties: Het netwerk lezen',
      'Status: Mee bezig · Streefdatum: 30-06-2026 · 1 van 2 acties gedaan',
      'Wijkschouw meelopen (gedaan)',
      'Bewonersavond bijwonen',
      'Jouw beeld en dat van een ander',
      'Het netwerk lezen',
    ],
    [...CHROME, 'Competentiekader', 'Welke scans wil je over elkaar leggen?', 'Tabel met dezelfde cijfers'],
  );
  // A competency name is on the radar's axis and in each table: the drawing printed too.
  expect(squash(pdf.text).split(squash('Het netwerk lezen')).length - 1).toBeGreaterThanOrEqual(4);
});

test('Deelnemers › Sessie voorbereiden prints changes, open questions, goals, entries and scans on A4', async ({ browser }) => {
  test.setTimeout(90_000);
  const contents = JSON.parse(bundle).contents;
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await createProfile(page, { name: 'Bea Begeleider', role: 'Begeleider' });
  await goTo(page, 'Delen');
  const add = async (text, button) => {
    await page.getByLabel('Bundelbestand').setInputFiles({ name: 'deelnemer.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.getByRole('button', { name: button }).click();
    await expect(page.getByTestId('import-done')).toContainText('staat nu bij je deelnemers');
  };
  await add(bundle, 'Toevoegen aan mijn deelnemers');
  // A newer bundle with one more actor, so "what changed" has something to say.
  const newer = JSON.parse(bundle);
  newer.contents.network.actors.push({
    id: '0f6d6f1e-5a1b-4c53-9d7e-3f1b2a4c5d6e', kind: 'person', name: 'Wethouder Groen',
    organisation: 'Gemeente', role: 'wethouder', notes: '', influence: 5, interest: 3,
    attitude: 'supportive', rapport: 'fair', last_contact: null, position: null,
  });
  newer.exported = '2026-04-01T10:00:00Z';
  newer.digest = await bundleDigest(newer);
  await add(JSON.stringify(newer), 'Bijwerken');

  await goTo(page, 'Deelnemers');
  await page.getByTestId('participants').getByRole('link', { name: contents.profile.name, exact: true }).click();
  await page.getByRole('navigation', { name: 'Deelnemer' }).getByRole('link', { name: 'Sessie voorbereiden' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Sessie voorbereiden met ${contents.profile.name}`);
  await expect(page.getByTestId('radar')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // What the printout should show, from the participant's own data.
  const caseTitle = (id) => contents.journal.cases.find((c) => c.id === id).title;
  const question = contents.journal.entries.find((e) => e.coach_question && !e.coach_question.done && e.coach_question.text.trim());
  const newest = [...contents.journal.entries]
    .filter((e) => contents.journal.cases.some((c) => c.id === e.case_id))
    .sort((a, b) => b.date.localeCompare(a.date) || b.updated.localeCompare(a.updated))[0];
  const dmy = (iso) => iso.split('-').reverse().join('-');
  const goal = GOAL.title;

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Deelnemer' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeHidden();
  await expect(page.getByTestId('radar')).toBeVisible();

  const pdf = await printed(page, 'sessie');
  console.log(`Sessie voorbereiden: ${pdf.pages} A4 page(s), ${pdf.bytes} bytes`);
  expect(pdf.pages).toBeGreaterThanOrEqual(1);
  // Measured: 6, of which 2½ are the sample's ~50 open steps; the bound leaves room for
  // another machine's fonts, not for a page per section.
  expect(pdf.pages).toBeLessThanOrEqual(8);
  expectText(
    pdf,
    [
      `Sessie voorbereiden met ${contents.profile.name}`,
      'Wat is er veranderd',
      'Nieuwe actoren op de netwerkkaart (1)',
      'Wethouder Groen',
      'Open vragen en stappen',
      ...(question ? ['Vraag voor de begeleider', question.coach_question.text.slice(0, 60)] : []),
      'Ontwikkeldoelen',
      goal,
      'Bewonersavond bijwonen',
      'Recente notities',
      `${dmy(newest.date)} — ${caseTitle(newest.case_id)}`,
      'Laatste scans',
      'Het netwerk lezen',
    ],
    [...CHROME, 'Alle deelnemers', 'Terugkoppeling', 'Regiegroep'],
  );
  expect(question, 'the sample participant has an open question for the begeleider').toBeTruthy();
  await context.close();
});

// The year of track.spec.js (tests/fixtures/track/year.json), worked out by hand there.
test('Mijn leerspoor › Ontwikkelverslag prints the growth per competency with its evidence on A4', async ({ page }) => {
  const year = await readFile(new URL('../../fixtures/track/year.json', import.meta.url), 'utf8');
  await seed(page, year);
  await open(page, '/leerspoor/verslag');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ontwikkelverslag');
  const pdf = await printed(page, 'ontwikkelverslag');
  console.log(`Ontwikkelverslag: ${pdf.pages} A4 page(s), ${pdf.bytes} bytes`);
  expect(pdf.pages).toBeGreaterThanOrEqual(1);
  // Nine competencies, each kept whole on its page.
  expect(pdf.pages).toBeLessThanOrEqual(6);
  expectText(
    pdf,
    [
      'Ontwikkelverslag',
      'Sanne',
      'Het netwerk lezen',
      '2,0 (12 januari 2026)',
      '3,0 (15 juni 2026)',
      '+1,0',
      'Joris (leidinggevende): 4,0 (20 juni 2026), verschil +1,0',
      'Voorbeeld 11',
      'Vaker de wijk in (bereikt)',
      'Speelplaats Oost (agenderen, 2 notities)',
      'Verhalend verbinden',
    ],
    [...CHROME, 'Mijn leerspoor', 'Voor het eindgesprek'],
  );
});

// A case printed with the browser's own command cut its text areas at their height on
// screen, mid-line (found by a helper using the app): on paper they are as long as their text.
test('a case prints its long situation whole', async ({ page }) => {
  await createProfile(page);
  await goTo(page, 'Casusjournaal');
  await page.getByLabel('Titel van een nieuw vraagstuk').fill('Wateroverlast Bloemenbuurt');
  await page.getByRole('button', { name: 'Nieuwe casus' }).click();
  const lines = Array.from({ length: 40 }, (_, i) => `Regel ${i + 1} van wat er speelt in de buurt.`);
  lines.push('Dit is de laatste regel van de situatie.');
  await page.getByLabel('Situatie', { exact: true }).fill(lines.join('\n'));
  await expect(page.getByTestId('save-status')).toHaveText(/Opgeslagen/);
  const pdf = await printed(page, 'case');
  expectText(pdf, ['Regel 1 van wat er speelt', 'Regel 40 van wat er speelt', 'Dit is de laatste regel van de situatie.'], []);
});
