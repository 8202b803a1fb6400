// Every moment shown is the browser's local time. Leerspoor stores moments in UTC; a
// Dutch user near midnight must see the Dutch date and clock, never the UTC ones. The
// browser here is in Amsterdam: CET (UTC+1) in March, CEST (UTC+2) in July. Each moment
// below is worked out by hand, and each crosses midnight, so a page that shows UTC shows
// the wrong clock time and the day before.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { beginScan, createProfile, documentKey, fillAndFinish, goTo, open, saved } from './helpers.js';

test.use({ timezoneId: 'Europe/Amsterdam' });

const TIMEZONE = 'Europe/Amsterdam';

// Seeded moments (UTC) and what Amsterdam reads for them.
const FEEDBACK_WRITTEN = '2026-03-01T23:30:00Z'; // 2 maart 2026, 00:30 (CET)
const CASE_DELETED = '2026-03-01T23:05:00Z'; // 2 maart 2026, 00:05
const GOAL_FEEDBACK_WRITTEN = '2026-03-01T23:40:00Z'; // 2 maart 2026, 00:40
const SNAPSHOT_TAKEN = '2026-03-01T23:50:00Z'; // 2 maart 2026, 00:50
const BACKUP_TAKEN = '2026-06-30T22:10:00Z'; // 1 juli 2026, 00:10 (CEST)
// The clock while Anna exports and while Bea imports.
const ANNA_EXPORTS = '2026-07-01T22:20:00Z'; // 2 juli 2026, 00:20
const BEA_IMPORTS = '2026-07-01T22:45:00Z'; // 2 juli 2026, 00:45

const ids = {
  case: '00000000-0000-4000-8000-00000000c001',
  entry: '00000000-0000-4000-8000-00000000e001',
  feedback: '00000000-0000-4000-8000-00000000f001',
  binned: '00000000-0000-4000-8000-00000000c002',
  goal: '00000000-0000-4000-8000-00000000a001',
  goalFeedback: '00000000-0000-4000-8000-00000000f002',
  actor: '00000000-0000-4000-8000-00000000b001',
  snapshot: '00000000-0000-4000-8000-00000000d001',
};

/**
 * Anna, a participant, made through the form at `ANNA_EXPORTS`; then her stored document
 * gets a case with an entry that has a coach's feedback, a case in the bin, a goal with
 * feedback, an actor and a snapshot of the map, and a backup from before an import.
 */
async function anna(page) {
  await page.clock.setFixedTime(new Date(ANNA_EXPORTS));
  await createProfile(page, { name: 'Anna Adviseur' });
  const key = await documentKey(page);
  await page.evaluate(({ key, ids, at }) => {
    const doc = JSON.parse(localStorage.getItem(key));
    const competency = doc.selfscan.frameworks[0].areas[0].competencies[0].id;
    const stamp = '2026-03-01T20:00:00Z';
    const kase = (id, title) => ({
      id, title, situation: '', question: '', client: '', status: 'exploring', start: '2026-03-01',
      tags: [], competencies: [], actors: [], involved_names: [], created: stamp, updated: stamp,
    });
    doc.journal.cases = [kase(ids.case, 'Kademuur Zuid')];
    doc.journal.entries = [{
      id: ids.entry, case_id: ids.case, date: '2026-03-01', model: 'free', texts: { vrij: 'Overleg met de aannemer' },
      next_steps: [], coach_question: null, peer_consultation: false, created: stamp, updated: stamp,
      feedback: [{ id: ids.feedback, author: 'Bea Begeleider', author_role: 'coach', written: at.feedback, text: 'Mooi beschreven.' }],
    }];
    doc.journal.bin = [{ kind: 'case', case: kase(ids.binned, 'Bomenkap Noordsingel'), entries: [], deleted: at.deleted }];
    doc.selfscan.goals = [{
      id: ids.goal, title: 'Vaker de wijk in', description: '', competencies: [competency], actions: [], due: null, status: 'open',
      feedback: [{ id: ids.goalFeedback, author: 'Bea Begeleider', author_role: 'coach', written: at.goalFeedback, text: 'Kies één wijk.' }],
    }];
    const actor = {
      id: ids.actor, kind: 'person', name: 'Wethouder Groen', organisation: 'Gemeente', role: 'wethouder', notes: '',
      influence: 5, interest: 3, attitude: 'supportive', rapport: 'fair', last_contact: null, position: null,
    };
    doc.network.actors = [actor];
    doc.network.snapshots = [{ id: ids.snapshot, taken: at.snapshot, label: 'Voor de zomer', actors: [actor], ties: [] }];
    localStorage.setItem(key, JSON.stringify(doc));
    const id = doc.profile.id;
    localStorage.setItem(`leerspoor/v1/backup/${id}`, JSON.stringify({ taken: at.backup, document: doc }));
  }, {
    key,
    ids,
    at: { feedback: FEEDBACK_WRITTEN, deleted: CASE_DELETED, goalFeedback: GOAL_FEEDBACK_WRITTEN, snapshot: SNAPSHOT_TAKEN, backup: BACKUP_TAKEN },
  });
  await page.reload();
  await expect(page.getByTestId('profile-badge')).toContainText('Anna Adviseur');
}

/** Anna's bundle, exported through Delen at `ANNA_EXPORTS`: its file name and text. */
async function annasBundle(page) {
  await anna(page);
  await goTo(page, 'Delen');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Bundel downloaden' }).click(),
  ]);
  await expect(page.getByTestId('export-status')).toContainText('De bundel is opgeslagen als');
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

/** Bea, a begeleider in her own browser (also in Amsterdam), at `BEA_IMPORTS`, with Anna's bundle picked under Delen. */
async function beaPicks(browser, bundle) {
  const context = await browser.newContext({ timezoneId: TIMEZONE });
  const bea = await context.newPage();
  await bea.clock.setFixedTime(new Date(BEA_IMPORTS));
  await createProfile(bea, { name: 'Bea Begeleider', role: 'Begeleider' });
  await goTo(bea, 'Delen');
  await bea.getByLabel('Bundelbestand').setInputFiles({ name: bundle.name, mimeType: 'application/json', buffer: Buffer.from(bundle.text) });
  await expect(bea.getByTestId('import-preview')).toBeVisible();
  return { bea, context };
}

test("the journal shows a coach's feedback and the bin's deletions in local time", async ({ page }) => {
  await anna(page);
  await open(page, `/casusjournaal/casus/${ids.case}/notitie/${ids.entry}`);
  const feedback = page.getByRole('article', { name: 'Terugkoppeling van Bea Begeleider (begeleider)' });
  await expect(feedback).toContainText('Geschreven op 2 maart 2026, 00:30');

  await open(page, '/casusjournaal/prullenbak');
  const row = page.getByRole('row', { name: /Bomenkap Noordsingel/ });
  await expect(row).toContainText('2 maart 2026, 00:05');
  await expect(row).not.toContainText('23:05');
});

test("a goal's feedback shows when it was written in local time", async ({ page }) => {
  await anna(page);
  await open(page, '/zelfscan/doelen');
  await expect(page.getByTestId('goal-feedback')).toContainText('Terugkoppeling van Bea Begeleider (begeleider), 2 maart 2026, 00:40');
});

test('Delen: the backup line, the wipe page and the bundle name give local dates and times', async ({ page }) => {
  const bundle = await annasBundle(page);
  await saved(page);
  await expect(page.getByTestId('backup-info')).toHaveText('Back-up van vóór de laatste import: 1 juli 2026, 00:10.');
  await page.getByRole('button', { name: 'Wissen voorbereiden…' }).click();
  await expect(page.getByTestId('wipe-preview')).toContainText('Je laatste bundel is van 2 juli 2026, 00:20.');
  await expect(page.getByTestId('wipe-preview')).not.toContainText('22:20');
  // Made at 00:20 on 2 July in Amsterdam: the file is named after that day, while the
  // bundle itself states the moment in UTC.
  expect(bundle.name).toBe('leerspoor-anna-adviseur-2026-07-02.json');
  expect(JSON.parse(bundle.text).exported).toBe('2026-07-01T22:20:00Z');
});

test("the begeleider's pages give the bundle's moments in local time", async ({ page, browser }) => {
  test.setTimeout(60_000);
  const bundle = await annasBundle(page);
  const { bea, context } = await beaPicks(browser, bundle);
  await bea.getByRole('button', { name: 'Toevoegen aan mijn deelnemers' }).click();
  await expect(bea.getByTestId('import-done')).toContainText('staat nu bij je deelnemers');

  await goTo(bea, 'Deelnemers');
  const row = bea.getByTestId('participants').getByRole('row', { name: /Anna Adviseur/ });
  await expect(row.getByRole('cell')).toHaveText(['2 juli 2026, 00:20', '2 juli 2026, 00:45', /Sessie voorbereiden met Anna Adviseur/]);

  await row.getByRole('link', { name: 'Anna Adviseur', exact: true }).click();
  await expect(bea.getByRole('heading', { level: 1 })).toHaveText('Dashboard van Anna Adviseur');
  await expect(bea.getByTestId('bundle-dates')).toHaveText('Stadsbeheerleergang 2026 · bundel van 2 juli 2026, 00:20 · ingelezen 2 juli 2026, 00:45');

  await bea.getByRole('navigation', { name: 'Deelnemer' }).getByRole('link', { name: 'Sessie voorbereiden' }).click();
  await expect(bea.getByRole('main')).toContainText(
    'Dit is de eerste bundel van Anna Adviseur (van 2 juli 2026, 00:20); er is nog niets om mee te vergelijken.',
  );
  await context.close();
});

// Fixed on the import's own branch (ui/pages/share/import.rs): fails here until merged.
test("the import preview gives the bundle's export moment in local time", async ({ page, browser }) => {
  test.setTimeout(60_000);
  const bundle = await annasBundle(page);
  const { bea, context } = await beaPicks(browser, bundle);
  const preview = bea.getByTestId('import-preview');
  await expect(preview).toContainText(/Geëxporteerd op\s*2 juli 2026, 00:20/);
  await expect(preview).not.toContainText('22:20');
  await context.close();
});

// Fixed on the network pages' branch (ui/pages/network/snapshots.rs): fails here until merged.
test('the network map names its snapshots by their local moment', async ({ page }) => {
  await anna(page);
  await open(page, '/netwerkkaart?weergave=momentopnamen');
  const snapshots = page.getByRole('region', { name: 'Momentopnamen' });
  await expect(snapshots).toContainText(/Voor de zomer \(2 maart 2026, 00:50\)/);
  await expect(snapshots).not.toContainText('23:50');
});

// Found while writing this spec: the finished scan's notice takes the date of the UTC
// moment (ui/pages/selfscan/scan.rs, the self-scan pages' branch); fails until fixed there.
test('a scan finished just after midnight says it was finished that local day', async ({ page }) => {
  test.setTimeout(60_000);
  await page.clock.setFixedTime(new Date(ANNA_EXPORTS)); // 2 juli 2026, 00:20 in Amsterdam
  await createProfile(page, { name: 'Anna Adviseur' });
  await goTo(page, 'Zelfscan');
  await beginScan(page);
  await fillAndFinish(page, () => '3');
  await expect(page.getByText(/Deze scan is afgerond/)).toContainText('Deze scan is afgerond op 2 juli 2026.');
});
