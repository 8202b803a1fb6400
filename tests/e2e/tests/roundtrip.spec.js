// Round trips with realistic data: a profile exported and read in again elsewhere comes
// back the same, compared by value, in a fresh browser and between the two editions (the
// web edition and the single file), plain and encrypted.
import { test, expect } from '@playwright/test';
import { sampleBundles, singleFile, restoreFromBundle, exportBundle, open, goTo, saved, storageDump } from './helpers.js';

let sample;
test.beforeAll(() => {
  test.setTimeout(300_000);
  sample = sampleBundles(2);
});

/** The one stored document of this page's edition (web: `leerspoor/`, file: `leerspoor-bestand/`). */
async function storedDocument(page) {
  const dump = await storageDump(page);
  const keys = Object.keys(dump).filter((k) => /^leerspoor(-bestand)?\/v1\/doc\//.test(k));
  expect(keys).toHaveLength(1);
  return JSON.parse(dump[keys[0]]);
}

/** What a document holds, without the counter of its saves (each browser counts its own). */
function byValue(doc) {
  const { revision, ...rest } = doc;
  expect(revision).toBeGreaterThan(0);
  return rest;
}

/** A development goal and a snapshot of the map, which the sample has none of. */
async function addGoalAndSnapshot(page, title) {
  await open(page, page.url().startsWith('file:') ? page.url().split('#')[0] + '#/zelfscan/doelen' : '/zelfscan/doelen');
  await page.getByRole('button', { name: 'Nieuw ontwikkeldoel' }).click();
  await page.getByLabel('Titel').fill(title);
  await page.locator('form.goal-form').getByRole('checkbox').first().check();
  await page.getByLabel('Nieuwe actie').fill('Wijkschouw meelopen');
  await page.getByRole('button', { name: 'Actie toevoegen' }).click();
  await page.getByRole('button', { name: 'Doel bewaren' }).click();
  await expect(page.getByTestId('goal-list')).toContainText(title);
  await goTo(page, 'Netwerkkaart');
  await page.getByRole('link', { name: 'Momentopnamen' }).click();
  await page.getByLabel('Naam van de momentopname (mag leeg)').fill(`Kaart bij ${title}`);
  await page.getByRole('button', { name: 'Momentopname maken' }).click();
  await expect(page.getByRole('main')).toContainText(`Kaart bij ${title}`);
  await saved(page);
}

/** Everything the issue names is really in it, so the comparison compares something. */
function expectRealistic(doc) {
  expect(doc.selfscan.scans.filter((s) => s.status === 'finished').length).toBeGreaterThanOrEqual(3);
  expect(doc.selfscan.scans.some((s) => s.rater !== 'participant')).toBe(true);
  expect(doc.selfscan.goals.length).toBeGreaterThanOrEqual(1);
  expect(doc.journal.cases.length).toBeGreaterThanOrEqual(12);
  expect(doc.journal.entries.length).toBeGreaterThanOrEqual(60);
  expect(doc.journal.entries.filter((e) => e.feedback.length > 0).length).toBeGreaterThan(0);
  expect(doc.network.actors.length).toBeGreaterThanOrEqual(40);
  expect(doc.network.ties.length).toBeGreaterThanOrEqual(70);
  expect(doc.network.snapshots.length).toBeGreaterThanOrEqual(1);
  expect(doc.network.snapshots[0].actors.length).toBe(doc.network.actors.length);
}

test('a realistic profile exported and imported in a fresh browser comes back the same, by value', async ({ browser }) => {
  test.setTimeout(120_000);
  const first = await browser.newContext();
  const a = await first.newPage();
  await restoreFromBundle(a, await sample(1));
  await addGoalAndSnapshot(a, 'Vaker de wijk in');
  const before = await storedDocument(a);
  expectRealistic(before);
  const text = await exportBundle(a);
  expect(JSON.parse(text).contents).toEqual(before);

  // A browser that never saw it: the first run's restore, then a reload from storage.
  const fresh = await browser.newContext();
  const b = await fresh.newPage();
  await restoreFromBundle(b, text);
  await b.reload();
  await expect(b.locator('html[data-leerspoor="ready"]')).toBeAttached();
  const after = await storedDocument(b);
  expect(byValue(after)).toEqual(byValue(before));
  // And it reads as the same profile: its own export says the same.
  expect(JSON.parse(await exportBundle(b)).contents).toEqual(after);
  await Promise.all([first.close(), fresh.close()]);
});

test.describe('between the two editions', () => {
  let url;
  let remove;
  test.beforeAll(() => ({ url, remove } = singleFile()));
  test.afterAll(() => remove());

  for (const passphrase of [null, 'paarse olifant danst']) {
    const how = passphrase ? 'encrypted' : 'plain';
    test(`from the single file to the web edition and back, ${how}`, async ({ browser }) => {
      test.setTimeout(120_000);
      // The single file, opened from disk: a realistic profile, one goal and a snapshot more.
      const disk = await browser.newContext();
      const file = await disk.newPage();
      await restoreFromBundle(file, await sample(2), { url });
      await addGoalAndSnapshot(file, 'Uit het losse bestand');
      const inFile = await storedDocument(file);
      expectRealistic(inFile);
      const there = await exportBundle(file, { passphrase });
      if (passphrase) expect(there).not.toContain('Uit het losse bestand');

      // The web edition, in a browser that never saw it: the same document.
      const webContext = await browser.newContext();
      const web = await webContext.newPage();
      await restoreFromBundle(web, there, { passphrase });
      const onWeb = await storedDocument(web);
      expect(byValue(onWeb)).toEqual(byValue(inFile));
      // Worked on there: a new case, a goal and a snapshot.
      await goTo(web, 'Casusjournaal');
      await web.getByLabel('Titel van een nieuw vraagstuk').fill('Casus uit de webversie');
      await web.getByRole('button', { name: 'Nieuwe casus' }).click();
      await expect(web.getByRole('heading', { level: 1 })).toHaveText('Casus uit de webversie');
      await addGoalAndSnapshot(web, 'Uit de webversie');
      const worked = await storedDocument(web);
      const back = await exportBundle(web, { passphrase });

      // Back in the single file, through Delen: merged, it is the web edition's document.
      await goTo(file, 'Delen');
      await file.getByLabel('Bundelbestand').setInputFiles({ name: 'terug.json', mimeType: 'application/json', buffer: Buffer.from(back) });
      if (passphrase) {
        await file.getByLabel('Wachtwoord', { exact: true }).fill(passphrase);
        await file.getByRole('button', { name: 'Ontsleutelen' }).click();
      }
      await expect(file.getByTestId('preview-added')).toContainText('casus');
      await file.getByRole('button', { name: 'Importeren' }).click();
      await expect(file.getByTestId('import-done')).toContainText('Ingelezen');
      await saved(file);
      const merged = await storedDocument(file);
      expect(byValue(merged)).toEqual(byValue(worked));
      expect(merged.journal.cases.map((c) => c.title)).toContain('Casus uit de webversie');
      expect(merged.selfscan.goals.map((g) => g.title).sort()).toEqual(['Uit de webversie', 'Uit het losse bestand']);
      // Each edition kept to its own keys.
      expect(Object.keys(await storageDump(file)).filter((k) => k.startsWith('leerspoor/'))).toEqual([]);
      expect(Object.keys(await storageDump(web)).filter((k) => k.startsWith('leerspoor-bestand/'))).toEqual([]);
      await Promise.all([disk.close(), webContext.close()]);
    });
  }
});
