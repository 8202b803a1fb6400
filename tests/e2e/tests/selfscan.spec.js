// Self-scan: doing a scan (by keyboard too), results, ratings by others, resuming a
// draft, framework versions and framework import.
import { readFile } from 'node:fs/promises';
import { test, expect } from '@playwright/test';
import { open, createProfile, storageDump, documentKey, goTo, saved, beginScan, fillAndFinish } from './helpers.js';

const FIRST = 'Het netwerk lezen';

async function storedSection(page) {
  const doc = JSON.parse((await storageDump(page))[await documentKey(page)]);
  return doc.selfscan;
}

/** What has focus: enough to recognise a control. */
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type') || '',
      name: el.getAttribute('name') || '',
      id: el.id,
      text: (el.textContent || '').trim(),
    };
  });
}

/** Presses Tab until the focused element satisfies `ok`; fails after `max` presses. */
async function tabTo(page, ok, what, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (ok(await focused(page))) return focused(page);
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Starts a scan through the overview with the mouse. */
async function startScan(page, options = {}) {
  await open(page, '/zelfscan');
  await beginScan(page, options);
}

test('a scan can be done from start to finish by keyboard alone', async ({ page }) => {
  await createProfile(page);
  await goTo(page, 'Zelfscan');
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Nieuwe zelfscan', 'Nieuwe zelfscan');
  await page.keyboard.press('Enter');
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Start de scan', 'Start de scan');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/zelfscan\/scan\//);
  // The button is gone with the form; the scan's heading has the focus, not the document.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  const bar = page.getByRole('progressbar');
  let indicators = 0;
  for (let step = 1; step <= 9; step++) {
    await expect(bar).toHaveAttribute('value', String(step));
    await expect(bar).toHaveAttribute('max', '9');
    await expect(page.getByText(`Competentie ${step} van 9`)).toBeVisible();
    const n = await page.locator('fieldset.indicator').count();
    let lastGroup = '';
    for (let i = 0; i < n; i++) {
      const f = await tabTo(page, (f) => f.type === 'radio' && f.name !== lastGroup, 'a radio group');
      lastGroup = f.name;
      // Space chooses the first level, each arrow the next one: level 3.
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await expect(page.locator(`input[name="${f.name}"][value="3"]`)).toBeChecked();
      indicators++;
    }
    await tabTo(page, (f) => f.tag === 'select' && f.id.startsWith('target-'), 'the ambition');
    for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowDown');
    await expect(page.locator('select[id^="target-"]')).toHaveValue('4');
    const next = step < 9 ? 'Volgende' : 'Afronden';
    await tabTo(page, (f) => f.tag === 'button' && f.text === next, next);
    await page.keyboard.press('Enter');
    if (step < 9) {
      // Focus moves to the new step's heading, so Tab continues from the top of the step.
      await expect(page.locator('#step-title')).toBeFocused();
    }
  }
  await expect(page.getByText(/Deze scan is afgerond/)).toBeVisible();
  await saved(page);
  const section = await storedSection(page);
  expect(section.scans).toHaveLength(1);
  const scan = section.scans[0];
  expect(scan.status).toBe('finished');
  expect(scan.label).toBe('baseline');
  expect(Object.keys(scan.ratings)).toHaveLength(indicators);
  expect(Object.values(scan.ratings).every((r) => r.rating.level === 3)).toBe(true);
  expect(Object.values(scan.targets)).toEqual(Array(9).fill(4));
});

test('a second scan shows its change and both scans in the radar chart', async ({ page }) => {
  await createProfile(page);
  await startScan(page);
  await fillAndFinish(page, () => 2);
  // One scan has no change to show: it was compared with itself, "0,0 = gelijk" on every
  // row (found by a helper using the app).
  await open(page, '/zelfscan/resultaten');
  await expect(page.getByRole('heading', { name: 'Verandering tussen twee scans' })).toBeVisible();
  await expect(page.getByTestId('delta-table')).toHaveCount(0);
  await expect(page.locator('.results-deltas')).toContainText('Kies twee scans om ze te vergelijken.');
  // The midpoint starts as a copy of the baseline; only the first competency changes.
  await open(page, '/zelfscan');
  await page.getByRole('button', { name: 'Kopiëren als nieuw concept' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Tussenmeting/);
  await expect(page.locator('#step-title')).toHaveText(FIRST);
  for (const group of await page.locator('fieldset.indicator').all()) {
    await group.locator('input[value="4"]').check();
  }
  await page.getByRole('navigation', { name: 'Alle stappen' }).getByRole('link').last().click();
  await page.getByRole('button', { name: 'Afronden' }).click();
  await saved(page);

  await goTo(page, 'Zelfscan');
  await page.getByRole('link', { name: 'Resultaten' }).click();
  const radar = page.getByRole('img', { name: /Radardiagram/ });
  await expect(radar).toBeVisible();
  // Two scans and the ambition, each its own series with its own line style.
  await expect(radar.locator('g.radar-series')).toHaveCount(3);
  await expect(radar.locator('g.radar-series[data-series^="Nulmeting"] polygon')).toHaveAttribute('stroke-dasharray', '');
  await expect(radar.locator('g.radar-series[data-series^="Tussenmeting"] polygon')).toHaveAttribute('stroke-dasharray', '8 4');
  await expect(radar.locator('g.radar-series[data-series="Ambitie"]')).toHaveCount(1);
  const legend = page.getByRole('list', { name: 'Legenda' });
  await expect(legend.getByRole('listitem')).toHaveCount(3);

  await page.getByText('Tabel met dezelfde cijfers').click();
  const table = page.getByTestId('radar-table');
  await expect(table.getByRole('row', { name: FIRST })).toHaveText(/2,0\s*4,0\s*4,0/);
  await expect(table.getByRole('row', { name: 'Het netwerk benutten' })).toHaveText(/2,0\s*2,0\s*4,0/);

  const deltas = page.getByTestId('delta-table');
  await expect(deltas.getByRole('row', { name: FIRST })).toContainText('+2,0 ↑ hoger');
  await expect(deltas.getByRole('row', { name: 'Het netwerk benutten' })).toContainText('0,0 = gelijk');
  // Strengths and gaps follow the later scan.
  await expect(page.getByTestId('strengths').getByRole('listitem').first()).toHaveText(`${FIRST}: 4,0`);
  await expect(page.getByTestId('gaps').getByRole('listitem')).toHaveCount(3);
  await expect(page.getByTestId('gaps')).not.toContainText(FIRST);

  // Leaving one scan out removes its series.
  await page.getByRole('checkbox', { name: /Nulmeting/ }).uncheck();
  await expect(radar.locator('g.radar-series')).toHaveCount(2);
});

test('a rating by someone else is compared with the own scan, differences flagged', async ({ page }) => {
  await createProfile(page);
  await startScan(page);
  await fillAndFinish(page, () => 2);
  await startScan(page, { other: { name: 'Joris Bakker', role: 'Leidinggevende' } });
  await fillAndFinish(page, (step) => (step === 1 ? 4 : step === 2 ? 3 : 2));
  await open(page, '/zelfscan');
  await expect(page.getByTestId('scan-list')).toContainText('Joris Bakker (leidinggevende)');

  await open(page, '/zelfscan/resultaten');
  const table = page.getByTestId('rater-table');
  const first = table.getByRole('row', { name: FIRST });
  await expect(first).toHaveText(/2,0\s*4,0\s*\+2,0\s*⚠ opvallend verschil/);
  await expect(table.getByRole('row', { name: 'Het netwerk benutten' })).toHaveText(/2,0\s*3,0\s*\+1,0\s*⚠ opvallend verschil/);
  await expect(table.getByText('⚠ opvallend verschil')).toHaveCount(2);
  const same = table.getByRole('row').nth(3);
  await expect(same).not.toContainText('opvallend');
});

test('reload keeps everything and a half-done draft resumes at the first open step', async ({ page }) => {
  await createProfile(page);
  await startScan(page, { label: 'Eindmeting' });
  for (let step = 1; step <= 3; step++) {
    for (const group of await page.locator('fieldset.indicator').all()) {
      await group.locator('input[value="3"]').check();
    }
    if (step === 2) {
      await page.getByLabel('Voorbeeld uit de praktijk (optioneel)').first().fill('Overleg met de wijkraad over het park');
    }
    await page.getByRole('button', { name: 'Volgende' }).click();
  }
  // Step 4 only partly: the draft should come back here.
  const step4 = await page.locator('#step-title').textContent();
  await page.locator('fieldset.indicator').first().getByLabel('Weet ik niet / n.v.t.').check();
  await saved(page);

  await page.reload();
  await open(page, '/zelfscan');
  await expect(page.getByTestId('scan-list')).toContainText('Eindmeting');
  await expect(page.getByTestId('scan-list')).toContainText('Concept');
  await page.getByRole('link', { name: 'Verder invullen: Eindmeting' }).click();
  await expect(page.locator('#step-title')).toHaveText(step4);
  await expect(page.getByRole('progressbar')).toHaveAttribute('value', '4');
  await expect(page.locator('fieldset.indicator').first().getByLabel('Weet ik niet / n.v.t.')).toBeChecked();
  await expect(page.locator('fieldset.indicator').nth(1).locator('input:checked')).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Alle stappen' }).getByRole('link').nth(1).click();
  await expect(page.getByLabel('Voorbeeld uit de praktijk (optioneel)').first()).toHaveValue('Overleg met de wijkraad over het park');
  await expect(page.locator('fieldset.indicator input[value="3"]:checked')).toHaveCount(await page.locator('fieldset.indicator').count());
});

test('editing the framework makes a new version and leaves an earlier scan unchanged', async ({ page }) => {
  await createProfile(page);
  await startScan(page);
  await fillAndFinish(page, () => 2);
  const before = await storedSection(page);
  const indicatorId = 'netwerk-lezen-betrokkenen';
  const oldName = before.frameworks[0].areas[0].competencies[0].indicators[0].name;

  await open(page, '/zelfscan/kader');
  await expect(page.getByRole('heading', { level: 2, name: /versie 1/ })).toBeVisible();
  await page.getByText(FIRST, { exact: true }).first().click();
  await page.locator(`#fw-ind-${indicatorId}`).fill('Maakt een krachtenveld van alle partijen');
  await page.locator(`#fw-ind-${indicatorId}`).press('Tab');
  await expect(page.getByTestId('framework-message')).toHaveText('Bewaard als versie 2 van het kader.');
  await expect(page.getByRole('heading', { level: 2, name: /versie 2/ })).toBeVisible();
  await page.locator('#fw-level-1').fill('Starter');
  await page.locator('#fw-level-1').press('Tab');
  await expect(page.getByTestId('framework-message')).toHaveText('Bewaard als versie 3 van het kader.');
  await saved(page);

  const after = await storedSection(page);
  expect(after.scans[0]).toEqual(before.scans[0]);
  expect(after.scans[0].framework.version).toBe(1);
  expect(after.frameworks.map((f) => f.version).sort()).toEqual([1, 3]);

  // The earlier scan still shows its own texts and the same results.
  await open(page, '/zelfscan');
  await page.getByRole('link', { name: /Bekijken: Nulmeting/ }).click();
  await expect(page.getByRole('row', { name: oldName })).toContainText('2. In ontwikkeling');
  await expect(page.getByText('Maakt een krachtenveld')).toHaveCount(0);
  await open(page, '/zelfscan/resultaten');
  await page.getByText('Tabel met dezelfde cijfers').click();
  await expect(page.getByTestId('radar-table').getByRole('row', { name: FIRST })).toHaveText(/2,0\s*4,0/);
  // A new scan uses the new version.
  await startScan(page, { label: 'Tussenmeting' });
  await expect(page.getByText('Maakt een krachtenveld van alle partijen')).toBeVisible();
  await expect(page.getByText('1. Starter').first()).toBeVisible();
});

// The editor's headings and labels were made once: after an edit they showed the old
// names until a reload, and its 150 fields shared a few names ("Indicator", "Niveau 1.
// Beginnend") with nothing to say whose they were (found by a helper using the app).
test('the framework editor follows each edit at once, and names whose fields they are', async ({ page }) => {
  await createProfile(page);
  await open(page, '/zelfscan/kader');
  await page.getByText(FIRST, { exact: true }).first().click();
  const group = page.getByRole('group', { name: 'Brengt de betrokken personen en partijen rond een vraagstuk in kaart' });
  await expect(group.getByLabel('Naam indicator')).toHaveValue('Brengt de betrokken personen en partijen rond een vraagstuk in kaart');
  await expect(group.getByLabel('Niveau 1. Beginnend')).toHaveCount(1);

  await group.getByLabel('Naam indicator').fill('Maakt een krachtenveld van alle partijen');
  await group.getByLabel('Naam indicator').press('Tab');
  await expect(page.getByTestId('framework-message')).toHaveText('Bewaard als versie 2 van het kader.');
  const renamed = page.getByRole('group', { name: 'Maakt een krachtenveld van alle partijen' });
  await expect(renamed).toHaveCount(1);
  // The focus stayed where the user went.
  await expect(renamed.getByLabel('Niveau 1. Beginnend')).toBeFocused();

  await page.locator('#fw-level-1').fill('Starter');
  await page.locator('#fw-level-1').press('Tab');
  await expect(page.getByTestId('framework-message')).toHaveText('Bewaard als versie 3 van het kader.');
  await expect(renamed.getByLabel('Niveau 1. Starter')).toHaveCount(1);
  await expect(page.getByLabel('Niveau 1. Beginnend')).toHaveCount(0);

  const competency = page.getByLabel('Naam competentie').first();
  await competency.fill('Het netwerk lezen en gebruiken');
  await competency.press('Tab');
  await expect(page.locator('summary').first()).toHaveText('Het netwerk lezen en gebruiken');

  // An empty name is refused with the name it keeps, and the heading keeps it too.
  await competency.fill('');
  await competency.press('Tab');
  await expect(page.getByTestId('framework-error')).toHaveText(
    'Niet bewaard: Een naam mag niet leeg zijn. Deze competentie heet nog \u201cHet netwerk lezen en gebruiken\u201d.');
  await expect(page.locator('summary').first()).toHaveText('Het netwerk lezen en gebruiken');
});

test('an invalid framework file is refused with the reason, and nothing changes', async ({ page }) => {
  await page.clock.install(); // the page's timers run on a clock the test can move on
  await createProfile(page);
  await open(page, '/zelfscan/kader');
  await saved(page);
  const key = await documentKey(page);
  const stored = (await storageDump(page))[key];
  const input = page.getByLabel('Kader importeren (JSON-bestand)');

  // Export gives the framework as a file that says what and which version it is.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Kader exporteren (JSON)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('kader-adviseur-stadsbeheer-v1.json');
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  expect(exported).toMatchObject({ format: 'leerspoor-kader', schema: 1, framework: { id: 'adviseur-stadsbeheer', version: 1 } });

  const noLevels = JSON.stringify({ format: 'leerspoor-kader', schema: 1, framework: { id: 'x', name: 'X', levels: [], areas: [] } });
  await input.setInputFiles({ name: 'kader.json', mimeType: 'application/json', buffer: Buffer.from(noLevels) });
  await expect(page.getByTestId('framework-error')).toContainText('Het kader heeft geen niveaus');
  await expect(page.getByTestId('framework-error')).toContainText('Er is niets veranderd.');

  await input.setInputFiles({ name: 'kapot.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "leerspoor-kader", ') });
  await expect(page.getByTestId('framework-error')).toContainText('Dit is geen leesbare JSON');

  await expect(page.getByRole('heading', { level: 2, name: 'Adviseur Stadsbeheer (versie 1)' })).toBeVisible();
  // Past the save delay on the page's clock: a save the refused files caused would land now.
  await page.clock.runFor(2_000);
  expect((await storageDump(page))[key]).toBe(stored);

  // A valid file (the exported framework with a new name) is taken in as a new version.
  const section = await storedSection(page);
  const fw = { ...section.frameworks[0], name: 'Adviseur Stadsbeheer Noord' };
  await input.setInputFiles({ name: 'goed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'leerspoor-kader', schema: 1, framework: fw })) });
  await expect(page.getByTestId('framework-message')).toHaveText('Kader “Adviseur Stadsbeheer Noord” is ingelezen als versie 2.');
  await expect(page.getByRole('heading', { level: 2, name: 'Adviseur Stadsbeheer Noord (versie 2)' })).toBeVisible();
});

// A framework without an indicator the scan in progress has answered took that answer
// away without a word (found by a helper using the app): now the page asks first.
test('a framework that would drop answers in the scan in progress is imported only after a yes', async ({ page }) => {
  await createProfile(page);
  await startScan(page);
  await page.locator('fieldset.indicator').first().locator('input[value="3"]').check();
  await saved(page);
  const scan = (await storedSection(page)).scans[0];
  const [rated] = Object.keys(scan.ratings);
  expect(rated).toBeTruthy();
  const fw = structuredClone((await storedSection(page)).frameworks[0]);
  for (const area of fw.areas) {
    for (const c of area.competencies) c.indicators = c.indicators.filter((i) => i.id !== rated);
  }
  const file = { name: 'kader.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'leerspoor-kader', schema: 1, framework: fw })) };

  await open(page, '/zelfscan/kader');
  const input = page.getByLabel('Kader importeren (JSON-bestand)');
  await input.setInputFiles(file);
  await expect(page.getByTestId('framework-drops')).toContainText(
    'Dit kader heeft niet alle gedragsindicatoren van je scan in uitvoering. Als je het inleest, vervallen daar 1 antwoord. Toch inlezen?');
  await expect(page.locator('#fw-import-question')).toBeFocused();
  await page.getByRole('button', { name: 'Niet inlezen' }).click();
  await expect(page.getByTestId('framework-message')).toHaveText('Het kader is niet ingelezen; je antwoorden zijn er nog.');
  await expect(input).toBeFocused();
  await saved(page);
  expect(Object.keys((await storedSection(page)).scans[0].ratings)).toEqual([rated]);

  await input.setInputFiles(file);
  await page.getByRole('button', { name: 'Toch inlezen' }).click();
  await expect(page.getByTestId('framework-message')).toHaveText('Kader “Adviseur Stadsbeheer” is ingelezen als versie 2.');
  await saved(page);
  expect((await storedSection(page)).scans[0].ratings).toEqual({});
});

test('development goals are added, linked to competencies, and edited', async ({ page }) => {
  await createProfile(page);
  await open(page, '/zelfscan/doelen');
  await page.getByRole('button', { name: 'Nieuw ontwikkeldoel' }).click();
  await page.getByRole('button', { name: 'Doel bewaren' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Geef het ontwikkeldoel een titel.' })).toBeVisible();
  await page.getByLabel('Titel').fill('Vaker de wijk in');
  await page.getByRole('checkbox', { name: FIRST }).check();
  await page.getByLabel('Streefdatum (optioneel)').fill('2026-06-30');
  await page.getByLabel('Nieuwe actie').fill('Wijkschouw meelopen');
  await page.getByRole('button', { name: 'Actie toevoegen' }).click();
  await page.getByLabel('Nieuwe actie').fill('Bewonersavond bijwonen');
  await page.getByLabel('Nieuwe actie').press('Enter');
  await page.getByRole('button', { name: 'Doel bewaren' }).click();
  const list = page.getByTestId('goal-list');
  await expect(list).toContainText('Vaker de wijk in');
  await expect(list).toContainText('Status: Open · Streefdatum: 30-06-2026 · 0 van 2 acties gedaan');
  await expect(list).toContainText(`Competenties: ${FIRST}`);

  await page.getByRole('button', { name: 'Bewerken: Vaker de wijk in' }).click();
  await page.getByRole('checkbox', { name: 'Gedaan: Wijkschouw meelopen' }).check();
  await page.getByLabel('Status').selectOption('Mee bezig');
  await page.getByRole('button', { name: 'Doel bewaren' }).click();
  await expect(list).toContainText('Status: Mee bezig · Streefdatum: 30-06-2026 · 1 van 2 acties gedaan');
  await saved(page);
  await page.reload();
  await open(page, '/zelfscan/doelen');
  await expect(page.getByTestId('goal-list')).toContainText('1 van 2 acties gedaan');
  const section = await storedSection(page);
  expect(section.goals[0]).toMatchObject({ title: 'Vaker de wijk in', competencies: ['netwerk-lezen'], status: 'in_progress', due: '2026-06-30' });
});

test('a scan is deleted only after confirmation', async ({ page }) => {
  await createProfile(page);
  await startScan(page, { label: 'Nulmeting' });
  await page.locator('fieldset.indicator').first().locator('input[value="2"]').check();
  await saved(page);
  await open(page, '/zelfscan');
  const list = page.getByTestId('scan-list');
  await page.getByRole('button', { name: 'Verwijderen…' }).click();
  await page.getByRole('group', { name: 'Bevestig verwijderen' }).getByRole('button', { name: 'Nee' }).click();
  await expect(list).toContainText('Nulmeting');
  await page.getByRole('button', { name: 'Verwijderen…' }).click();
  await page.getByRole('button', { name: 'Ja, verwijder' }).click();
  await expect(page.getByText('Je hebt nog geen scans.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Scan “Nulmeting” is verwijderd.' })).toBeAttached();
  await saved(page);
  expect((await storedSection(page)).scans).toHaveLength(0);
});
