// The course folder through the File System Access API (docs/course-folder.md), on real
// directory handles: the origin-private file system (navigator.storage.getDirectory())
// gives a FileSystemDirectoryHandle with the same interface as a picked folder. Only the
// picker is replaced: it hands out the folder "cursusmap" of this context's OPFS. Each
// browser context has its own OPFS, so two contexts are two laptops, and the test copies
// files between their folders as a sync client would.
import { test, expect } from '@playwright/test';
import { sampleBundles, restoreFromBundle, addProfile, openProfile, goTo, open, createProfile, axeViolations, expectEnglish, withNetworkReading, beginScan, fillAndFinish } from './helpers.js';
import { readFile } from 'node:fs/promises';

// bypassCSP: axe is added to the page as a script tag.
test.use({ timezoneId: 'Europe/Amsterdam', bypassCSP: true });

/** Replaces only the picker: it gives this context's OPFS folder "cursusmap". */
async function withFolder(context) {
  await context.addInitScript(() => {
    window.showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle('cursusmap', { create: true });
  });
}

/** Every file in this context's course folder, path → text. */
async function folderFiles(page) {
  return page.evaluate(async () => {
    const out = {};
    async function walk(dir, prefix) {
      for await (const [name, handle] of dir.entries()) {
        if (handle.kind === 'directory') await walk(handle, `${prefix}${name}/`);
        else {
          // A file removed while it is listed (a writer's tidy-up) is no longer there.
          try {
            out[prefix + name] = await (await handle.getFile()).text();
          } catch (e) {
            if (e.name !== 'NotFoundError') throw e;
          }
        }
      }
    }
    const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('cursusmap', { create: true });
    await walk(root, '');
    return out;
  });
}

/** Writes `text` at `path` in this context's course folder, as a sync client puts a file. */
async function putFile(page, path, text) {
  await page.evaluate(async ([path, text]) => {
    const parts = path.split('/');
    const name = parts.pop();
    let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('cursusmap', { create: true });
    for (const part of parts) dir = await dir.getDirectoryHandle(part, { create: true });
    const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
    await writable.write(text);
    await writable.close();
  }, [path, text]);
}

async function chooseFolder(page) {
  await page.getByRole('button', { name: 'Cursusmap kiezen' }).click();
  await expect(page.getByTestId('folder-ready')).toHaveText('Cursusmap: cursusmap');
}

/** Delen › Nu delen in de cursusmap; returns the new file's name. */
async function shareNow(page) {
  const status = page.getByTestId('export-status');
  // The last share's message may still stand: this share's is the one with a new name
  // (a name is never used twice), not the first that matches.
  const before = (await status.count()) ? await status.textContent() : null;
  await page.getByRole('button', { name: 'Nu delen in de cursusmap' }).click();
  await expect(status).not.toHaveText(before ?? '');
  await expect(status).toHaveText(/^Gedeeld in de cursusmap, op jouw plek, als .*\.json\.$/);
  return (await status.textContent()).match(/als (.*\.json)\.$/)[1];
}

const bundles = sampleBundles(30);

/** A participant restored from sample bundle `n`, on a laptop whose picker gives the
 * course folder: the page, their profile id and their bundle's text. */
async function participant(context, n) {
  await withFolder(context);
  const page = await context.newPage();
  const text = await bundles(n);
  await restoreFromBundle(page, text);
  return { page, id: JSON.parse(text).from.profile, text };
}
const own = /^deelnemers\/([0-9a-f-]{36})\/\1\.participant\.\d{8}T\d{6}Z\.json$/;

test('one laptop: the participant shares, the begeleider reads all and writes feedback, the participant reads it in', async ({ context }) => {
  test.setTimeout(90_000);
  const { page, id } = await participant(context, 1);

  await goTo(page, 'Delen');
  await chooseFolder(page);
  await expect(page.getByTestId('folder-no-feedback')).toBeVisible();
  const name = await shareNow(page);
  let files = await folderFiles(page);
  expect(Object.keys(files)).toEqual([`deelnemers/${id}/${name}`]);
  expect(Object.keys(files)[0]).toMatch(own);
  expect(JSON.parse(files[`deelnemers/${id}/${name}`]).from.profile).toBe(id);

  // The begeleider, in the same browser.
  await addProfile(page, { name: 'Carla Visser', role: 'Begeleider' });
  await goTo(page, 'Deelnemers');
  await chooseFolder(page);
  await page.getByRole('button', { name: 'Cursusmap lezen' }).click();
  const rows = page.getByTestId('batch-list').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('th')).toHaveText('Deelnemer 01');
  await expect(rows.first().locator('td').nth(2)).toContainText('nieuw');
  await page.getByRole('button', { name: 'Alles bijwerken (1)' }).click();
  await expect(page.getByTestId('batch-done')).toContainText('Deelnemer 01: toegevoegd');

  await open(page, `/deelnemers/${id}/terugkoppeling`);
  await page.getByLabel('Je opmerking', { exact: true }).fill('Sterk hoe je de wethouder betrok.');
  await page.getByRole('button', { name: 'Opmerking toevoegen', exact: true }).click();
  await page.getByRole('button', { name: 'In de cursusmap zetten' }).click();
  await expect(page.getByTestId('feedback-status')).toContainText('De terugkoppeling staat in de cursusmap, op de plek van Deelnemer 01');
  files = await folderFiles(page);
  const coachFiles = Object.keys(files).filter((p) => p.includes('.feedback.'));
  expect(coachFiles).toHaveLength(1);
  expect(coachFiles[0].startsWith(`deelnemers/${id}/`)).toBe(true);

  // Back to the participant: the return bundle is found in their place and offered.
  await openProfile(page, 'Deelnemer 01 (Deelnemer)');
  await goTo(page, 'Delen');
  const list = page.getByTestId('folder-feedback-list').locator('li');
  await expect(list).toHaveCount(1);
  await expect(list).toContainText('Terugkoppeling van Carla Visser');
  expect(await axeViolations(page)).toEqual([]);
  await list.getByRole('button', { name: 'Bekijken en inlezen' }).click();
  await expect(page.getByTestId('import-preview')).toContainText('Carla Visser (Begeleider)');
  await page.getByRole('button', { name: 'Importeren' }).click();
  await expect(page.getByTestId('import-done')).toHaveText('Ingelezen: 1 wijziging. Een back-up van daarvoor staat hieronder klaar.');
  // Read in twice: nothing doubled.
  await list.getByRole('button', { name: 'Bekijken en inlezen' }).click();
  await page.getByRole('button', { name: 'Importeren' }).click();
  await expect(page.getByTestId('import-done')).toHaveText('Alles uit deze bundel staat er al; er is niets veranderd.');
});

test('two laptops: conflict copies, a half-written file and an older copy coming back; the newest wins, nothing doubled', async ({ browser }) => {
  test.setTimeout(120_000);
  const laptopA = await browser.newContext({ timezoneId: 'Europe/Amsterdam' });
  const laptopB = await browser.newContext({ timezoneId: 'Europe/Amsterdam' });
  await withFolder(laptopA);
  await withFolder(laptopB);
  const a = await laptopA.newPage();
  const b = await laptopB.newPage();
  const text = await bundles(2);
  const id = JSON.parse(text).from.profile;
  await restoreFromBundle(a, text);
  // Laptop A's clock: the first share on 20 November, the second a week later.
  await a.clock.setFixedTime(new Date('2026-11-20T09:00:00Z'));
  await goTo(a, 'Delen');
  await chooseFolder(a);
  const first = await shareNow(a);
  expect(first).toBe(`${id}.participant.20261120T090000Z.json`);
  const older = (await folderFiles(a))[`deelnemers/${id}/${first}`];
  await a.clock.setFixedTime(new Date('2026-11-27T14:30:00Z'));
  const second = await shareNow(a);
  expect(second).toBe(`${id}.participant.20261127T143000Z.json`);
  const files = await folderFiles(a);
  expect(Object.keys(files).sort()).toEqual([`deelnemers/${id}/${first}`, `deelnemers/${id}/${second}`]);
  const newest = files[`deelnemers/${id}/${second}`];

  // The sync client brings laptop B: the newest as a conflict copy with another name, a
  // half-written file under a name that looks newer, and the older one under its name.
  const place = `deelnemers/${id}`;
  await open(b, '/');
  await putFile(b, `${place}/${second.replace('.json', '-LAPTOP-123.json')}`, newest);
  await putFile(b, `${place}/${id}.participant.20991231T235959Z.json`, newest.slice(0, Math.floor(newest.length / 2)));
  await putFile(b, `${place}/${first}`, older);

  await createProfile(b, { name: 'Carla Visser', role: 'Begeleider' });
  await goTo(b, 'Deelnemers');
  await chooseFolder(b);
  await b.getByRole('button', { name: 'Cursusmap lezen' }).click();
  const rows = b.getByTestId('batch-list').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  const row = rows.first();
  await expect(row.locator('th')).toHaveText('Deelnemer 02');
  // The newest by contents: the conflict copy, whatever its name (14:30 UTC is 15:30
  // in Amsterdam).
  const shown = '27 november 2026, 15:30';
  await expect(row.locator('td').nth(0)).toHaveText(shown);
  await expect(row.locator('td').nth(2)).toContainText('nieuw');
  // The cut-off file is named, with its reason, and not fatal.
  await expect(row.locator('.problems li')).toHaveCount(1);
  await expect(row.locator('.problems li')).toContainText(`${id}.participant.20991231T235959Z.json`);
  await b.getByRole('button', { name: 'Alles bijwerken (1)' }).click();
  await expect(b.getByTestId('batch-done')).toContainText('Deelnemer 02: toegevoegd');
  const held = b.getByTestId('participants').locator('tbody tr');
  await expect(held).toHaveCount(1);
  await expect(held.first().locator('td').first()).toHaveText(shown);

  // Read again: unchanged, nothing doubled; the reader changed nothing in the folder.
  const before = await folderFiles(b);
  await b.getByRole('button', { name: 'Cursusmap lezen' }).click();
  await expect(rows.first().locator('td').nth(2)).toContainText('ongewijzigd');
  await expect(b.getByRole('button', { name: 'Alles bijwerken (0)' })).toBeDisabled();
  expect(await folderFiles(b)).toEqual(before);

  // Feedback goes back to laptop A, twice over (a conflict copy too): offered once.
  await open(b, `/deelnemers/${id}/terugkoppeling`);
  await b.getByLabel('Je opmerking', { exact: true }).fill('Goed gesprek met de wijkraad.');
  await b.getByRole('button', { name: 'Opmerking toevoegen', exact: true }).click();
  await b.getByRole('button', { name: 'In de cursusmap zetten' }).click();
  await expect(b.getByTestId('feedback-status')).toContainText('De terugkoppeling staat in de cursusmap');
  const fromB = await folderFiles(b);
  const feedbackPath = Object.keys(fromB).find((p) => p.includes('.feedback.'));
  await putFile(a, feedbackPath, fromB[feedbackPath]);
  await putFile(a, feedbackPath.replace('.json', ' (1).json'), fromB[feedbackPath]);
  await a.getByRole('button', { name: 'Opnieuw zoeken naar terugkoppeling' }).click();
  const offered = a.getByTestId('folder-feedback-list').locator('li');
  await expect(offered).toHaveCount(1);
  await offered.getByRole('button', { name: 'Bekijken en inlezen' }).click();
  await a.getByRole('button', { name: 'Importeren' }).click();
  await expect(a.getByTestId('import-done')).toHaveText('Ingelezen: 1 wijziging. Een back-up van daarvoor staat hieronder klaar.');

  // A new case on laptop A, shared again (the clock still says 14:30: the name takes the
  // next free second); laptop B updates, and the summary says what changed.
  await goTo(a, 'Casusjournaal');
  await a.getByLabel('Titel van een nieuw vraagstuk').fill('Speelplaats Zuid');
  await a.getByRole('button', { name: 'Nieuwe casus' }).click();
  await expect(a.getByTestId('save-status')).toHaveText(/Opgeslagen/);
  await goTo(a, 'Delen');
  const third = await shareNow(a);
  expect(third).toBe(`${id}.participant.20261127T143001Z.json`);
  await putFile(b, `${place}/${third}`, (await folderFiles(a))[`${place}/${third}`]);
  await goTo(b, 'Deelnemers');
  await b.getByRole('button', { name: 'Cursusmap lezen' }).click();
  await expect(rows.first().locator('td').nth(2)).toContainText('bijgewerkt');
  await b.getByRole('button', { name: 'Alles bijwerken (1)' }).click();
  await expect(b.getByTestId('batch-done')).toContainText('Deelnemer 02: bijgewerkt (1 nieuwe casus)');
  await laptopA.close();
  await laptopB.close();
});

test('a participant keeps 3 own files: older own ones go, nothing of anyone else', async ({ context }) => {
  test.setTimeout(90_000);
  const { page, id } = await participant(context, 3);
  // Someone else's file and a conflict copy in the participant's place stay.
  await putFile(page, `deelnemers/${id}/notities van de coach.json`, '{"niet": "van Leerspoor"}');
  await putFile(page, `deelnemers/${id}/${id}.participant.20260101T000000Z (1).json`, '');
  await goTo(page, 'Delen');
  await chooseFolder(page);
  const names = [];
  for (let i = 0; i < 5; i += 1) {
    names.push(await shareNow(page));
  }
  const files = Object.keys(await folderFiles(page)).sort();
  expect(files).toEqual([
    `deelnemers/${id}/${id}.participant.20260101T000000Z (1).json`,
    ...names.slice(2).map((n) => `deelnemers/${id}/${n}`),
    `deelnemers/${id}/notities van de coach.json`,
  ].sort());
});

test('thirty participants: Alles bijwerken takes them all in, the one bad file is reported', async ({ context }) => {
  test.setTimeout(180_000);
  await withFolder(context);
  const page = await context.newPage();
  await open(page, '/');
  for (let n = 1; n <= 30; n += 1) {
    const text = await bundles(n);
    const bundle = JSON.parse(text);
    const stamp = bundle.exported.replace(/[-:]/g, '').replace(/\.\d+/, '').replace(/Z$/, 'Z');
    await putFile(page, `deelnemers/${bundle.from.profile}/${bundle.from.profile}.participant.${stamp}.json`, text);
  }
  await putFile(page, 'deelnemers/00000000-0000-0000-0000-0000000000ff/kapot.json', '{"format": "leerspoor-bundel", ');
  await createProfile(page, { name: 'Carla Visser', role: 'Begeleider' });
  await goTo(page, 'Deelnemers');
  await chooseFolder(page);
  await page.getByRole('button', { name: 'Cursusmap lezen' }).click();
  const rows = page.getByTestId('batch-list').locator('tbody tr');
  await expect(rows).toHaveCount(31);
  await expect(rows.filter({ hasText: 'onleesbaar' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'onleesbaar' }).locator('.problems li')).toContainText('kapot.json');
  await page.getByRole('button', { name: 'Alles bijwerken (30)' }).click();
  await expect(page.getByTestId('batch-done')).toContainText('Bijgewerkt: 30 deelnemers; niet gelukt: 0.', { timeout: 60_000 });
  await expect(page.getByTestId('participants').locator('tbody tr')).toHaveCount(30);
});

test('without the File System Access API the page says what this browser can and cannot do', async ({ page }) => {
  await page.addInitScript(() => {
    delete window.showDirectoryPicker;
    delete Window.prototype.showDirectoryPicker;
  });
  await createProfile(page);
  await goTo(page, 'Delen');
  await expect(page.getByTestId('folder-unsupported')).toContainText('Deze browser kan geen map openen om in te schrijven. Dat kan in Edge en Chrome.');
  await expect(page.getByRole('button', { name: 'Nu delen in de cursusmap' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Bundel downloaden' })).toBeEnabled();
});

test('encrypted with the course passphrase: the begeleider unlocks the folder once; the passphrase is kept nowhere', async ({ context }) => {
  test.setTimeout(90_000);
  const { page } = await participant(context, 4);
  await goTo(page, 'Delen');
  await chooseFolder(page);
  await page.getByLabel('Versleutelen met een wachtwoord').check();
  await page.getByLabel('Wachtwoord (minstens 10 tekens)').fill('leergang-stadsbeheer-2026');
  await page.getByLabel('Herhaal het wachtwoord').fill('leergang-stadsbeheer-2026');
  await shareNow(page);
  const [text] = Object.values(await folderFiles(page));
  expect(JSON.parse(text).encrypted).toBeTruthy();
  // Only the envelope (who, when) is readable; the contents are sealed.
  expect(JSON.parse(text).contents).toBeUndefined();
  expect(text).not.toContain('Maaibeheer');

  await addProfile(page, { name: 'Carla Visser', role: 'Begeleider' });
  await goTo(page, 'Deelnemers');
  await chooseFolder(page);
  await page.getByRole('button', { name: 'Cursusmap lezen' }).click();
  const rows = page.getByTestId('batch-list').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('versleuteld');
  await expect(page.getByRole('button', { name: 'Alles bijwerken (0)' })).toBeDisabled();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Wachtwoord van de leergang').fill('een ander wachtwoord');
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(page.getByTestId('batch-unlocked')).toHaveText('Ontgrendeld: 0; het wachtwoord past niet op: 1.');
  await page.getByLabel('Wachtwoord van de leergang').fill('leergang-stadsbeheer-2026');
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(page.getByTestId('batch-unlocked')).toHaveText('Ontgrendeld: 1; het wachtwoord past niet op: 0.');
  await expect(rows.first().locator('th')).toHaveText('Deelnemer 04');
  await expect(rows.first().locator('td').nth(2)).toContainText('nieuw');
  await page.getByRole('button', { name: 'Alles bijwerken (1)' }).click();
  await expect(page.getByTestId('batch-done')).toContainText('Deelnemer 04: toegevoegd');
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
  expect(stored).not.toContain('leergang-stadsbeheer-2026');
});

test('the chosen folder is kept for the next visit, and wiping the profile forgets it', async ({ context }) => {
  await withFolder(context);
  const page = await context.newPage();
  await createProfile(page);
  await goTo(page, 'Delen');
  await chooseFolder(page);
  await page.reload();
  await expect(page.getByTestId('folder-ready')).toHaveText('Cursusmap: cursusmap');
  await expect(page.getByRole('button', { name: 'Nu delen in de cursusmap' })).toBeVisible();
  const kept = () => page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('leerspoor-cursusmap', 1);
    open.onsuccess = () => {
      const request = open.result.transaction('mappen').objectStore('mappen').count();
      request.onsuccess = () => { open.result.close(); resolve(request.result); };
      request.onerror = () => reject(request.error);
    };
    open.onerror = () => reject(open.error);
  }));
  expect(await kept()).toBe(1);
  await page.getByRole('button', { name: 'Wissen voorbereiden…' }).click();
  await expect(page.getByTestId('wipe-preview')).toContainText('De keuze van je cursusmap wordt in deze browser vergeten');
  await page.getByLabel('Ik begrijp dat dit niet ongedaan kan worden.').check();
  await page.getByRole('button', { name: 'Wis mijn gegevens' }).click();
  await expect(page.getByLabel('Je naam')).toBeVisible();
  await expect.poll(kept).toBe(0);
});

test('on a later visit the browser asks again: one click, and the page says why', async ({ context }) => {
  await withFolder(context);
  // The origin-private folder is always allowed, so here the permission answers are
  // replaced too: "prompt" until the user's click asks.
  await context.addInitScript(() => {
    let granted = sessionStorage.getItem('granted') === 'yes';
    FileSystemHandle.prototype.queryPermission = async () => (granted ? 'granted' : 'prompt');
    FileSystemHandle.prototype.requestPermission = async () => {
      granted = true;
      sessionStorage.setItem('granted', 'yes');
      return 'granted';
    };
  });
  const page = await context.newPage();
  await createProfile(page);
  await goTo(page, 'Delen');
  await page.getByRole('button', { name: 'Cursusmap kiezen' }).click();
  await expect(page.getByTestId('folder-ready')).toBeVisible();
  await page.evaluate(() => sessionStorage.removeItem('granted'));
  await page.reload();
  await expect(page.getByTestId('folder-access')).toContainText('Je koos eerder de cursusmap ‘cursusmap’. Bij elk nieuw bezoek vraagt de browser opnieuw');
  await expect(page.getByRole('button', { name: 'Nu delen in de cursusmap' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Toegang geven tot ‘cursusmap’' }).click();
  await expect(page.getByTestId('folder-ready')).toHaveText('Cursusmap: cursusmap');
  await expect(page.getByRole('button', { name: 'Nu delen in de cursusmap' })).toBeVisible();
});

test('in English: sharing to the course folder and reading it', async ({ context }) => {
  await withFolder(context);
  const page = await context.newPage();
  await createProfile(page, { name: 'Sam Green' });
  await page.getByTestId('language-switch').click();
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Share' }).click();
  await page.getByRole('button', { name: 'Choose course folder' }).click();
  await expect(page.getByTestId('folder-ready')).toHaveText('Course folder: cursusmap');
  await page.getByRole('button', { name: 'Share to the course folder now' }).click();
  await expect(page.getByTestId('export-status')).toHaveText(/^Shared to the course folder, in your place, as .*\.json\.$/);
  await expect(page.getByTestId('folder-no-feedback')).toHaveText('There is no feedback for you in the course folder yet.');
  await expectEnglish(page, 'Share with a course folder');

  await page.getByLabel('Profile', { exact: true }).selectOption({ label: '+ New profile' });
  await page.getByRole('banner').getByRole('button', { name: 'Open', exact: true }).click();
  await page.getByLabel('Your name').fill('Chris Walker');
  await page.getByLabel('Coach', { exact: true }).check();
  await page.getByRole('button', { name: 'Create profile' }).click();
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Participants' }).click();
  await page.getByRole('button', { name: 'Choose course folder' }).click();
  await page.getByRole('button', { name: 'Read course folder' }).click();
  const rows = page.getByTestId('batch-list').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('th')).toHaveText('Sam Green');
  await expect(rows.first().locator('td').nth(2)).toContainText('new');
  await expectEnglish(page, 'Participants with a course folder');
});

// The same two participants and hand-worked figures as the workspace's regiegroep test
// (workspace.spec.js), but read from the folder by a begeleider who holds neither.
test('the regiegroep reads the group from the folder, across begeleiders, and stores none of it', async ({ context }) => {
  test.setTimeout(90_000);
  await withFolder(context);
  const page = await context.newPage();
  await open(page, '/');
  const ids = [];
  for (const [n, baseline, latest] of [[1, [1, 1, 1], [4, 4, null]], [2, [2, 2, 2], [2, 3, null]]]) {
    const text = await withNetworkReading(bundles, n, baseline, latest);
    const id = JSON.parse(text).from.profile;
    ids.push(id);
    await putFile(page, `deelnemers/${id}/${id}.participant.20261120T090000Z.json`, text);
  }
  await putFile(page, 'deelnemers/00000000-0000-0000-0000-0000000000ff/half.json', '{"format": "leerspoor-bundel"');
  await createProfile(page, { name: 'Rita Regie', role: 'Begeleider' });
  await goTo(page, 'Regiegroep');
  await expect(page.getByRole('main')).toContainText('Overzicht over 0 deelnemers');
  await chooseFolder(page);
  await page.getByRole('button', { name: 'Overzicht uit de cursusmap' }).click();
  await expect(page.getByTestId('regiegroep-source')).toContainText('Gelezen uit de cursusmap ‘cursusmap’');
  await expect(page.getByRole('main')).toContainText('Overzicht over 2 deelnemers');
  await expect(page.getByRole('main')).toContainText('1 deelnemer kon niet worden gelezen en telt niet mee.');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'CSV downloaden' }).click(),
  ]);
  const lines = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
  expect(lines.find((l) => l.startsWith('Het netwerk lezen;'))).toBe('Het netwerk lezen;2;3,25;0;0;1;1;1,50;1,75');
  expect(await axeViolations(page)).toEqual([]);
  // Nothing of the participants is kept in this browser.
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
  for (const id of ids) expect(stored).not.toContain(id);
  await page.getByRole('button', { name: 'Terug naar mijn deelnemers' }).click();
  await expect(page.getByRole('main')).toContainText('Overzicht over 0 deelnemers');
});

// The page's clock is held: a share that should not happen yet cannot slip in late.
test('automatisch delen: after a change at most once every 5 minutes, and at once when the page is left', async ({ context }) => {
  test.setTimeout(90_000);
  await withFolder(context);
  const page = await context.newPage();
  await page.clock.install({ time: new Date('2026-11-20T08:59:00Z') });
  const text = await bundles(5);
  const id = JSON.parse(text).from.profile;
  await restoreFromBundle(page, text);
  await goTo(page, 'Delen');
  await chooseFolder(page);
  await page.clock.pauseAt(new Date('2026-11-20T09:01:00Z'));
  const names = async () => Object.keys(await folderFiles(page)).map((p) => p.split('/').pop()).sort();
  const file = (stamp) => `${id}.participant.${stamp}.json`;

  await page.getByLabel('Automatisch delen na wijzigingen').check();
  await expect(page.getByTestId('auto-share-status')).toHaveText(`Automatisch gedeeld op 20 november 2026, 10:01 als ${file('20261120T090100Z')}.`);

  // A change at 09:01: saved, but the next share waits until 09:06.
  const change = async (title) => {
    await goTo(page, 'Casusjournaal');
    await page.getByLabel('Titel van een nieuw vraagstuk').fill(title);
    await page.getByRole('button', { name: 'Nieuwe casus' }).click();
    await page.clock.runFor(1_000);
    await expect(page.getByTestId('save-status')).toHaveText(/Opgeslagen/);
  };
  await change('Speelplaats Zuid');
  expect(await names()).toEqual([file('20261120T090100Z')]);
  await page.clock.runFor(4 * 60_000);
  expect(await names()).toEqual([file('20261120T090100Z')]);
  await page.clock.runFor(60_000);
  await expect.poll(names).toEqual([file('20261120T090100Z'), file('20261120T090600Z')]);

  // Another change at 09:06:01 (saved at 09:06:02), then the page is hidden (the user
  // leaves): shared at once, not at 09:11.
  await change('Bankjes Noord');
  expect(await names()).toHaveLength(2);
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  });
  await expect.poll(names).toEqual([file('20261120T090100Z'), file('20261120T090600Z'), file('20261120T090602Z')]);
  const newest = JSON.parse((await folderFiles(page))[`deelnemers/${id}/${file('20261120T090602Z')}`]);
  expect(newest.contents.journal.cases.map((c) => c.title)).toContain('Bankjes Noord');

  // Off again: a change shares nothing, however long.
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
  });
  await goTo(page, 'Delen');
  await expect(page.getByLabel('Automatisch delen na wijzigingen')).toBeChecked();
  await page.getByLabel('Automatisch delen na wijzigingen').uncheck();
  await change('Fietsenstalling West');
  await page.clock.runFor(10 * 60_000);
  expect(await names()).toHaveLength(3);
});

test('a course folder that is gone (moved, or the sync client took it offline) is named plainly, and nothing changes', async ({ context }) => {
  await withFolder(context);
  const page = await context.newPage();
  await createProfile(page, { name: 'Carla Visser', role: 'Begeleider' });
  await goTo(page, 'Deelnemers');
  await chooseFolder(page);
  await page.evaluate(async () => (await navigator.storage.getDirectory()).removeEntry('cursusmap', { recursive: true }));
  await page.getByRole('button', { name: 'Cursusmap lezen' }).click();
  await expect(page.getByTestId('batch-state').getByRole('alert')).toHaveText('De cursusmap of een bestand erin is er niet meer: verplaatst, hernoemd of (nog) niet gesynchroniseerd. Kies de map opnieuw.');
  await expect(page.locator('.empty-state')).toContainText('Nog geen deelnemers.');

  await addProfile(page, { name: 'Sanne de Vries', role: 'Deelnemer' });
  await goTo(page, 'Delen');
  await chooseFolder(page);
  await page.evaluate(async () => (await navigator.storage.getDirectory()).removeEntry('cursusmap', { recursive: true }));
  await page.getByRole('button', { name: 'Nu delen in de cursusmap' }).click();
  await expect(page.getByTestId('export-status')).toHaveText('Niet gedeeld: De cursusmap of een bestand erin is er niet meer: verplaatst, hernoemd of (nog) niet gesynchroniseerd. Kies de map opnieuw.');
});

test('a rating through the course folder: the request goes in the participant\'s place, the rater answers beside it without a profile, the participant reads it in once', async ({ browser }) => {
  test.setTimeout(120_000);
  // Sanne's laptop: her own scan (level 2 everywhere) and the course folder chosen.
  const sanneContext = await browser.newContext({ timezoneId: 'Europe/Amsterdam' });
  await withFolder(sanneContext);
  const sanne = await sanneContext.newPage();
  await createProfile(sanne);
  await open(sanne, '/zelfscan');
  await beginScan(sanne);
  await fillAndFinish(sanne, () => 2);
  await open(sanne, '/zelfscan');
  const section = sanne.getByRole('region', { name: 'Beoordeling vragen' });
  await expect(section.getByTestId('request-folder-hint')).toContainText('Kies of open die bij Delen');
  await goTo(sanne, 'Delen');
  await chooseFolder(sanne);
  await open(sanne, '/zelfscan');
  await section.getByLabel('Naam van wie je om een beoordeling vraagt').fill('Joris Bakker');
  await section.getByLabel('Leidinggevende', { exact: true }).check();
  await section.getByRole('button', { name: 'Verzoek maken en in de cursusmap zetten' }).click();
  await expect(section.getByTestId('request-sent')).toContainText(/^Het verzoek aan Joris Bakker staat in de cursusmap, op jouw plek, als [0-9a-f-]{36}\.rating_request\.\d{8}T\d{6}Z\.json\. Laat Joris Bakker weten/);
  let files = await folderFiles(sanne);
  const [requestPath] = Object.keys(files);
  expect(Object.keys(files)).toHaveLength(1);
  const sanneId = requestPath.split('/')[1];
  expect(requestPath).toMatch(new RegExp(`^deelnemers/${sanneId}/${sanneId}\\.rating_request\\.`));
  expect(JSON.parse(files[requestPath]).kind).toBe('rating_request');
  // Nothing there yet to read in.
  await goTo(sanne, 'Delen');
  await expect(sanne.getByTestId('folder-no-feedback')).toBeVisible();
  await expect(sanne.getByTestId('folder-rating-list')).toHaveCount(0);

  // Joris's laptop: the sync client brought the folder; he has no profile.
  const jorisContext = await browser.newContext({ timezoneId: 'Europe/Amsterdam' });
  await withFolder(jorisContext);
  const joris = await jorisContext.newPage();
  await open(joris, '/');
  for (const [path, text] of Object.entries(files)) await putFile(joris, path, text);
  // A half-synced file beside it is no request and stops nothing.
  await putFile(joris, `deelnemers/${sanneId}/bundel (1).json`, '{"format": "leersp');
  await joris.getByRole('button', { name: 'Cursusmap openen' }).click();
  const offered = joris.getByTestId('rate-folder-list').locator('li');
  await expect(offered).toHaveCount(1);
  await expect(offered).toHaveText(/^Sanne de Vries vraagt Joris Bakker \(leidinggevende\), \d{1,2} \w+ \d{4} Beoordelen$/);
  expect(await axeViolations(joris)).toEqual([]);
  await offered.getByRole('button', { name: 'Beoordelen: verzoek van Sanne de Vries aan Joris Bakker' }).click();
  await expect(joris.getByRole('heading', { level: 1 })).toHaveText('Beoordeling voor Sanne de Vries');
  for (const [indicator, level] of [['betrokkenen', '3'], ['belangen', '4']]) {
    await joris.locator(`input[name="rate-netwerk-lezen-${indicator}"][value="${level}"]`).check();
  }
  await joris.locator('input[name="rate-netwerk-lezen-verbanden"][value="nvt"]').check();
  await joris.getByRole('button', { name: 'Beoordeling in de cursusmap zetten' }).click();
  await expect(joris.getByTestId('rate-sent')).toContainText(/^Je beoordeling staat in de cursusmap, op de plek van Sanne de Vries, als [0-9a-f-]{36}\.rating_answer\.\d{8}T\d{6}Z\.json\. Sanne de Vries vindt hem daar bij Delen\./);
  files = await folderFiles(joris);
  const answers = Object.keys(files).filter((p) => p.includes('.rating_answer.'));
  expect(answers).toHaveLength(1);
  expect(answers[0].startsWith(`deelnemers/${sanneId}/`)).toBe(true);
  // The request is still there, and the half-synced file untouched.
  expect(files[requestPath]).toBeTruthy();
  expect(files[`deelnemers/${sanneId}/bundel (1).json`]).toBe('{"format": "leersp');
  // Nothing of Joris's is kept in his browser: no profile, no folder remembered.
  const keptByJoris = await joris.evaluate(async () => ({
    local: Object.keys(localStorage).filter((k) => k.startsWith('leerspoor') && k.includes('/doc/')),
    text: JSON.stringify({ ...localStorage }),
    databases: (await indexedDB.databases()).map((d) => d.name),
  }));
  expect(keptByJoris.local).toEqual([]);
  expect(keptByJoris.text).not.toContain('Sanne');
  expect(keptByJoris.databases).not.toContain('leerspoor-cursusmap');
  await joris.getByRole('button', { name: 'Klaar: antwoorden wissen' }).click();
  await joris.getByRole('button', { name: 'Cursusmap openen' }).click();
  await expect(offered).toContainText('er ligt al een beoordeling');

  // Back on Sanne's laptop, once the sync client brought Joris's answer.
  await putFile(sanne, answers[0], files[answers[0]]);
  await sanne.getByRole('button', { name: 'Opnieuw zoeken naar terugkoppeling' }).click();
  const ratings = sanne.getByTestId('folder-rating-list').locator('li');
  await expect(ratings).toHaveCount(1);
  await expect(ratings).toHaveText(/^Beoordeling door Joris Bakker, \d{1,2} \w+ \d{4}, \d{2}:\d{2} Bekijken en inlezen$/);
  await ratings.getByRole('button', { name: 'Bekijken en inlezen: beoordeling door Joris Bakker' }).click();
  await expect(sanne.getByTestId('preview-from')).toHaveText('Joris Bakker (leidinggevende)');
  await sanne.getByRole('button', { name: 'Beoordeling inlezen' }).click();
  await expect(sanne.getByTestId('import-done')).toHaveText('Ingelezen: 1 wijziging. Een back-up van daarvoor staat hieronder klaar.');
  // Read in once: the list says so and offers it no more.
  await expect(ratings).toHaveText(/^Beoordeling door Joris Bakker, .* al ingelezen$/);
  await expect(ratings.getByRole('button')).toHaveCount(0);
  // Self 2, 2, 2 → 2,0; Joris 3, 4, n.v.t. → 3,5: the gap +1,5.
  await open(sanne, '/zelfscan/resultaten');
  await expect(sanne.getByTestId('rater-table').getByRole('row', { name: 'Het netwerk lezen' })).toHaveText(/2,0\s*3,5\s*\+1,5/);
  await open(sanne, '/zelfscan');
  await expect(sanne.getByTestId('request-list')).toContainText('Beantwoord: zie je resultaten');
  await sanneContext.close();
  await jorisContext.close();
});
