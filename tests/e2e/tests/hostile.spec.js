// Hostile conditions: two tabs on one profile, a full storage, the network, hostile text
// in every field, and a panic in the wasm.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { open, createProfile, storageDump, documentKey, goTo, axeViolations, downloaded, seed, tour, addProfile, fillStorage } from './helpers.js';

const hostileText = readFileSync(new URL('../../fixtures/hostile-document.json', import.meta.url), 'utf8');
const hostile = JSON.parse(hostileText);

test('two tabs: an edit in one appears in the other, and edits made in both survive', async ({ context }) => {
  const a = await context.newPage();
  await createProfile(a);
  const b = await context.newPage();
  await open(b, '/');
  await expect(b.getByTestId('profile-badge')).toContainText('Sanne de Vries');

  await a.getByLabel('Leergang', { exact: true }).fill('Leergang uit tabblad A');
  await expect(a.getByTestId('save-status')).toHaveText(/Opgeslagen/);
  await expect(b.getByLabel('Leergang', { exact: true })).toHaveValue('Leergang uit tabblad A');

  await b.getByLabel('Naam', { exact: true }).fill('Sanne uit tabblad B');
  await expect(b.getByTestId('save-status')).toHaveText(/Opgeslagen/);
  await expect(a.getByLabel('Naam', { exact: true })).toHaveValue('Sanne uit tabblad B');
  await expect(a.getByLabel('Leergang', { exact: true })).toHaveValue('Leergang uit tabblad A');

  // A again, after B: nothing of B's is undone.
  await a.getByLabel('Leergang', { exact: true }).fill('Leergang, tweede keer uit A');
  await expect(a.getByTestId('save-status')).toHaveText(/Opgeslagen/);
  await expect(b.getByLabel('Leergang', { exact: true })).toHaveValue('Leergang, tweede keer uit A');
  const stored = JSON.parse((await storageDump(a))[await documentKey(a)]);
  expect(stored.profile.name).toBe('Sanne uit tabblad B');
  expect(stored.profile.course).toBe('Leergang, tweede keer uit A');
  const revision = Number((await storageDump(a))[(await documentKey(a)).replace('/doc/', '/rev/')]);
  expect(revision).toBe(stored.revision);
  // Both tabs reload to the same data.
  await b.reload();
  await expect(b.getByLabel('Naam', { exact: true })).toHaveValue('Sanne uit tabblad B');
  await expect(b.getByLabel('Leergang', { exact: true })).toHaveValue('Leergang, tweede keer uit A');
});

test('two tabs: a change still waiting in one tab is merged with the newer save of the other, and neither is lost', async ({ context }) => {
  // The pages' timers run on a clock the test holds, so A's save waits exactly as long as
  // the test says, however slow the machine is.
  await context.clock.install();
  const a = await context.newPage();
  await createProfile(a);
  const b = await context.newPage();
  await open(b, '/');
  await expect(b.getByTestId('profile-badge')).toContainText('Sanne de Vries');
  const key = await documentKey(a);
  const before = Number((await storageDump(a))[key.replace('/doc/', '/rev/')]);

  // A types (its save waits for a pause, which the held clock makes last); B saves a
  // change at once, as on leaving the page.
  await context.clock.pauseAt(Date.now() + 60_000);
  await a.getByLabel('Leergang', { exact: true }).fill('Wijziging van A, nog niet opgeslagen');
  // The held clock keeps A's save waiting, however long the machine takes.
  expect(JSON.parse((await storageDump(a))[key]).profile.course).toBe('Stadsbeheerleergang 2026');
  await b.getByLabel('Naam', { exact: true }).fill('Naam uit B');
  await b.evaluate(() => dispatchEvent(new Event('pagehide')));

  // A's save is refused by the revision check, never written over B's: A merges its
  // change with B's copy and saves the merge as the next revision.
  await expect(a.getByTestId('notice').locator('span')).toHaveText(
    'In een ander tabblad is tegelijk aan dit profiel gewerkt. De wijzigingen uit beide tabbladen zijn samengevoegd en opgeslagen.',
  );
  await expect(a.getByLabel('Naam', { exact: true })).toHaveValue('Naam uit B');
  await expect(a.getByLabel('Leergang', { exact: true })).toHaveValue('Wijziging van A, nog niet opgeslagen');
  // B follows the merge.
  await expect(b.getByLabel('Leergang', { exact: true })).toHaveValue('Wijziging van A, nog niet opgeslagen');
  await expect(b.getByLabel('Naam', { exact: true })).toHaveValue('Naam uit B');
  await context.clock.runFor(2_000); // past the save delay: a late write would land now
  await context.clock.resume();
  const dump = await storageDump(a);
  const stored = JSON.parse(dump[key]);
  expect(stored.profile.name).toBe('Naam uit B');
  expect(stored.profile.course).toBe('Wijziging van A, nog niet opgeslagen');
  // B's save, then A's merge: two writes, each one revision on.
  expect(Number(dump[key.replace('/doc/', '/rev/')])).toBe(before + 2);
  expect(stored.revision).toBe(before + 2);
  // A keeps working on the merge, and its next edit keeps B's.
  await a.getByLabel('Leergang', { exact: true }).fill('Daarna van A');
  await expect(a.getByTestId('save-status')).toHaveText(/Opgeslagen/);
  const after = JSON.parse((await storageDump(a))[key]);
  expect(after.profile.name).toBe('Naam uit B');
  expect(after.profile.course).toBe('Daarna van A');
  await expect(b.getByLabel('Leergang', { exact: true })).toHaveValue('Daarna van A');
});

test('three tabs: two that merge with the save of a third at the same moment both keep their change', async ({ context }) => {
  // A and B each have a change waiting when C saves. Both are refused by the revision
  // check, both merge with C's copy and both save the next revision at once: each
  // passes the check before it hears of the other's write, so the later write replaces
  // the earlier. The tab whose write was replaced hears of it by the writer key and
  // merges again; before, its change was lost.
  await context.clock.install();
  const a = await context.newPage();
  await createProfile(a);
  await a.goto('/netwerkkaart?weergave=tabel');
  const b = await context.newPage();
  await b.goto('/netwerkkaart?weergave=tabel');
  const c = await context.newPage();
  await open(c, '/');
  for (const p of [a, b]) await expect(p.getByRole('button', { name: 'Actor toevoegen' })).toBeVisible();
  const key = await documentKey(a);
  const stored = async () => {
    const dump = await storageDump(c);
    const doc = JSON.parse(dump[key]);
    return { actors: doc.network.actors.map((x) => x.name).sort(), course: doc.profile.course, revision: doc.revision, rev: Number(dump[key.replace('/doc/', '/rev/')]) };
  };
  const before = (await stored()).revision;

  await context.clock.pauseAt(Date.now() + 60_000);
  await a.getByLabel('Naam', { exact: true }).fill('Wijkagent');
  await a.getByRole('button', { name: 'Actor toevoegen' }).click();
  await b.getByLabel('Naam', { exact: true }).fill('Bewonerscommissie');
  await b.getByRole('button', { name: 'Actor toevoegen' }).click();
  await c.getByLabel('Leergang', { exact: true }).fill('Leergang uit C');
  expect((await stored()).actors).toEqual([]);
  await c.evaluate(() => dispatchEvent(new Event('pagehide')));

  await expect.poll(async () => (await stored()).actors).toEqual(['Bewonerscommissie', 'Wijkagent']);
  for (const p of [a, b]) {
    await expect(p.getByTestId('actors-table').locator('tbody tr')).toHaveCount(2);
  }
  await context.clock.runFor(3_000); // past the save delay: a late write would land now
  await context.clock.resume();
  const now = await stored();
  expect(now.actors).toEqual(['Bewonerscommissie', 'Wijkagent']);
  expect(now.course).toBe('Leergang uit C');
  expect(now.rev).toBe(now.revision);
  // C's save, the two merges at one revision, the merge of the replaced write; no more.
  expect(now.revision).toBe(before + 3);
  await open(c, '/netwerkkaart?weergave=tabel');
  await expect(c.getByTestId('actors-table').locator('tbody tr')).toHaveCount(2);
});

test('two tabs that save at the same moment both keep their change', async ({ context }) => {
  await context.clock.install();
  const a = await context.newPage();
  await createProfile(a);
  await a.goto('/netwerkkaart?weergave=tabel');
  const b = await context.newPage();
  await b.goto('/netwerkkaart?weergave=tabel');
  for (const p of [a, b]) await expect(p.getByRole('button', { name: 'Actor toevoegen' })).toBeVisible();
  const key = await documentKey(a);
  const actors = async () => JSON.parse((await storageDump(a))[key]).network.actors.map((x) => x.name).sort();

  await context.clock.pauseAt(Date.now() + 60_000);
  await a.getByLabel('Naam', { exact: true }).fill('Wijkagent');
  await a.getByRole('button', { name: 'Actor toevoegen' }).click();
  await b.getByLabel('Naam', { exact: true }).fill('Bewonerscommissie');
  await b.getByRole('button', { name: 'Actor toevoegen' }).click();
  expect(await actors()).toEqual([]);
  await Promise.all([a, b].map((p) => p.evaluate(() => dispatchEvent(new Event('pagehide')))));

  await expect.poll(actors).toEqual(['Bewonerscommissie', 'Wijkagent']);
  for (const p of [a, b]) {
    await expect(p.getByTestId('actors-table').locator('tbody tr')).toHaveCount(2);
  }
  await context.clock.resume();
  await a.reload();
  await expect(a.getByTestId('actors-table').locator('tbody tr')).toHaveCount(2);
});

test('two tabs: one entry typed in both at once is kept twice, the text of each tab whole', async ({ context }) => {
  await context.clock.install();
  const a = await context.newPage();
  await createProfile(a);
  await goTo(a, 'Casusjournaal');
  await a.getByLabel('Titel van een nieuw vraagstuk').fill('Kadeplein');
  await a.getByRole('button', { name: 'Nieuwe casus' }).click();
  await a.getByRole('button', { name: 'Nieuwe notitie' }).click();
  await expect(a).toHaveURL(/\/notitie\/[0-9a-f-]{36}$/);
  await a.getByLabel('Situatie', { exact: true }).fill('Overleg met bewoners');
  await expect(a.getByTestId('save-status')).toHaveText(/Opgeslagen/);
  const entryUrl = a.url();
  const b = await context.newPage();
  await b.goto(entryUrl);
  await expect(b.getByLabel('Situatie', { exact: true })).toHaveValue('Overleg met bewoners');
  const key = await documentKey(a);

  // The same field, typed differently in each tab before either is saved.
  await context.clock.pauseAt(Date.now() + 60_000);
  await a.getByLabel('Situatie', { exact: true }).fill('Overleg met bewoners, versie A');
  await b.getByLabel('Situatie', { exact: true }).fill('Overleg met bewoners, versie B');
  await b.evaluate(() => dispatchEvent(new Event('pagehide')));

  await expect(a.getByTestId('notice').locator('span')).toHaveText(
    'In een ander tabblad is tegelijk aan dit profiel gewerkt. De wijzigingen uit beide tabbladen zijn samengevoegd en opgeslagen. ' +
      '1 onderdeel is in beide tabbladen anders gewijzigd en staat er nu twee keer in; kies zelf welke versie je houdt.',
  );
  await context.clock.resume();
  const entries = JSON.parse((await storageDump(a))[key]).journal.entries;
  expect(entries.map((e) => e.texts['starr.situatie']).sort()).toEqual([
    'Overleg met bewoners, versie A',
    'Overleg met bewoners, versie B',
  ]);
  // B's entry keeps its place (the page B is on); A's text stands beside it as a copy.
  const shown = entryUrl.split('/').pop();
  expect(entries.find((e) => e.id === shown).texts['starr.situatie']).toBe('Overleg met bewoners, versie B');
  // A's page shows the entry as stored now (B's text), so A's next keystroke cannot write
  // over B's; A's own text is the copy.
  await expect(a.getByLabel('Situatie', { exact: true })).toHaveValue('Overleg met bewoners, versie B');
  await expect(b.getByLabel('Situatie', { exact: true })).toHaveValue('Overleg met bewoners, versie B');
  // Both are in the case's list.
  await a.goBack();
  await expect(a.getByRole('heading', { level: 1 })).toHaveText('Kadeplein');
  await expect(a.getByText('Overleg met bewoners, versie A')).toBeVisible();
  await expect(a.getByText('Overleg met bewoners, versie B')).toBeVisible();
});

test.describe('two tabs', () => {
  // axe is injected as a script, which the app's policy rightly forbids.
  test.use({ bypassCSP: true });

  test('a profile wiped in one is closed in the other, which never writes it back but offers its copy', async ({ context }) => {
    await context.clock.install(); // the pages' timers run on a clock the test can move on
    const a = await context.newPage();
    await createProfile(a);
    const id = (await documentKey(a)).split('/').pop();
    const b = await context.newPage();
    await open(b, '/');
    await expect(b.getByTestId('profile-badge')).toContainText('Sanne de Vries');
    await goTo(b, 'Delen');
    await b.getByRole('button', { name: 'Wissen voorbereiden…' }).click();
    await b.getByLabel('Ik begrijp dat dit niet ongedaan kan worden.').check();

    // A types (its save still waits for a pause) while B wipes the profile.
    await a.getByLabel('Leergang', { exact: true }).fill('Na het wissen getypt in A');
    await b.getByRole('button', { name: 'Wis mijn gegevens' }).click();

    // A says what happened and shows the first-run page, not the wiped profile.
    const closed = a.getByTestId('closed-copy');
    await expect(closed).toContainText('Sanne de Vries is in een ander tabblad');
    await expect(a.getByRole('heading', { level: 1 })).toHaveText('Welkom bij Leerspoor');
    await expect(a.getByTestId('profile-badge')).toHaveCount(0);
    await context.clock.runFor(2_000); // past the save delay, on the pages' clock: a late write would land now
    const keys = Object.keys(await storageDump(a));
    expect(keys.filter((k) => k.includes(id))).toEqual([]);
    expect(JSON.stringify(await storageDump(a))).not.toContain('Na het wissen getypt in A');
    expect(await axeViolations(a)).toEqual([]);

    // Nothing is written back, but nothing A held is lost either: its copy, with the last
    // change, downloads as a bundle that restores the profile.
    const copy = await downloaded(a, closed.getByRole('button', { name: 'Download de kopie' }));
    const bundle = JSON.parse(copy.text);
    expect(bundle.format).toBe('leerspoor-bundel');
    expect(bundle.contents.profile.id).toBe(id);
    expect(bundle.contents.profile.course).toBe('Na het wissen getypt in A');
    await a.getByLabel('Je eigen bundel (.json)').setInputFiles(copy.path);
    await a.getByRole('button', { name: 'Profiel herstellen' }).click();
    await expect(a.getByTestId('profile-badge')).toContainText('Sanne de Vries');
    await goTo(a, 'Overzicht');
    await expect(a.getByLabel('Leergang', { exact: true })).toHaveValue('Na het wissen getypt in A');
    await closed.getByRole('button', { name: 'Sluiten zonder downloaden' }).click();
    await expect(closed).toHaveCount(0);
  });

  test('a save of this tab that crossed a wipe in the other is removed again', async ({ page }) => {
    await createProfile(page);
    const key = await documentKey(page);
    // Each tab sees the other's writes a moment late, so this tab's own save can land just
    // after the other tab's wipe. Then only the wipe's event arrives, with the copy still
    // stored: the event as the browser sends it, the stored copy as that save left it.
    await page.evaluate((rev) => dispatchEvent(new StorageEvent('storage', { key: rev, oldValue: '1', newValue: null })), key.replace('/doc/', '/rev/'));
    await expect(page.getByTestId('closed-copy')).toContainText('Sanne de Vries');
    const id = key.split('/').pop();
    expect(Object.keys(await storageDump(page)).filter((k) => k.includes(id))).toEqual([]);
  });

  test('storage cleared in one tab: the other offers its copy at once and writes nothing back', async ({ context }) => {
    await context.clock.install(); // the pages' timers run on a clock the test can move on
    const a = await context.newPage();
    await createProfile(a);
    await a.getByLabel('Leergang', { exact: true }).fill('Alleen nog in tabblad A');
    await expect(a.getByTestId('save-status')).toHaveText(/Opgeslagen/);
    const b = await context.newPage();
    await open(b, '/');
    await b.evaluate(() => localStorage.clear());

    await expect(a.getByTestId('closed-copy')).toContainText('Sanne de Vries');
    await expect(a.getByRole('heading', { level: 1 })).toHaveText('Welkom bij Leerspoor');
    await context.clock.runFor(2_000); // past the save delay, on the pages' clock: a late write would land now
    expect(Object.keys(await storageDump(a)).filter((k) => k.startsWith('leerspoor/v1/doc/'))).toEqual([]);
    const copy = await downloaded(a, a.getByRole('button', { name: 'Download de kopie' }));
    expect(JSON.parse(copy.text).contents.profile.course).toBe('Alleen nog in tabblad A');
  });

  test('a copy a newer Leerspoor stored in one tab is named in the other, never written over', async ({ context }) => {
    await context.clock.install(); // the pages' timers run on a clock the test can move on
    const a = await context.newPage();
    await createProfile(a);
    const key = await documentKey(a);
    const b = await context.newPage();
    await open(b, '/');
    // B stands in for a newer Leerspoor: it stores the profile in a schema this build cannot read.
    await b.evaluate((key) => {
      const doc = JSON.parse(localStorage.getItem(key));
      doc.schema = 999;
      doc.app = '9.9.9';
      doc.revision += 1;
      localStorage.setItem(key, JSON.stringify(doc));
      localStorage.setItem(key.replace('/doc/', '/rev/'), String(doc.revision));
    }, key);

    const error = a.getByTestId('save-error');
    await expect(error).toContainText('die dit tabblad niet kan lezen');
    await expect(error).toContainText('Leerspoor 9.9.9');
    await expect(a.getByTestId('save-status')).toHaveText('Niet opgeslagen');
    // An edit in A after that is refused, and says so; the newer copy stays as B left it.
    await a.getByLabel('Leergang', { exact: true }).fill('Oude versie probeert te schrijven');
    await context.clock.runFor(2_000); // past the save delay, on the pages' clock: a late write would land now
    await expect(error).toContainText('die dit tabblad niet kan lezen');
    await expect(a.getByTestId('notice')).toHaveCount(0);
    const stored = JSON.parse((await storageDump(a))[key]);
    expect(stored.schema).toBe(999);
    expect(stored.profile.course).not.toBe('Oude versie probeert te schrijven');
  });

  test('a copy another tab sets aside as unreadable is not taken for a wipe', async ({ context }) => {
    await context.clock.install(); // the pages' timers run on a clock the test can move on
    const a = await context.newPage();
    await createProfile(a);
    const key = await documentKey(a);
    const id = key.split('/').pop();
    await a.getByLabel('Leergang', { exact: true }).fill('Laatste wijziging in A');
    await expect(a.getByTestId('save-status')).toHaveText(/Opgeslagen/);
    // The profile's backup, as an import leaves it: a wipe removes it, setting aside must not.
    const backupKey = `leerspoor/v1/backup/${id}`;
    await a.evaluate(([key, backupKey]) => {
      const backup = { taken: new Date().toISOString(), document: JSON.parse(localStorage.getItem(key)) };
      localStorage.setItem(backupKey, JSON.stringify(backup));
      // Then the stored copy breaks (a disk or browser fault); A still holds its own.
      localStorage.setItem(key, '{"kapot');
    }, [key, backupKey]);
    // B starts, cannot read the copy and sets it aside: its start-up removes the copy.
    const b = await context.newPage();
    await open(b, '/');
    await expect(b.getByTestId('kept-notice')).toBeVisible();

    const closed = a.getByTestId('closed-copy');
    await expect(closed).toContainText('heeft ze apart gezet');
    await expect(closed).toContainText('Ze zijn niet gewist');
    await expect(closed.getByRole('heading')).toHaveText('Profiel apart gezet in een ander tabblad');
    await expect(a.getByTestId('kept-notice')).toBeVisible();
    await context.clock.runFor(2_000); // past the save delay, on the pages' clock: a late write would land now
    const dump = await storageDump(a);
    expect(dump[backupKey]).toContain('Laatste wijziging in A');
    const kept = Object.keys(dump).filter((k) => k.startsWith('leerspoor/v1/kept/'));
    expect(kept).toHaveLength(1);
    expect(dump[kept[0]]).toBe('{"kapot');
    expect(await axeViolations(a)).toEqual([]);
    // Both the copy set aside and what A held can be downloaded.
    const raw = await downloaded(a, a.getByTestId('kept-notice').getByRole('button', { name: 'Download de bewaarde gegevens' }));
    expect(raw.text).toBe('{"kapot');
    const copy = await downloaded(a, closed.getByRole('button', { name: 'Download de kopie' }));
    expect(JSON.parse(copy.text).contents.profile.course).toBe('Laatste wijziging in A');
  });

  test('kept data set aside or removed in one tab is listed alike in the other', async ({ context }) => {
    const doc = (n) => `leerspoor/v1/doc/7b0e4a3c-0000-4000-8000-00000000000${n}`;
    const a = await context.newPage();
    await open(a, '/');
    await a.evaluate((key) => localStorage.setItem(key, '{"kapot'), doc(1));
    await a.reload(); // A's start-up sets the unreadable copy aside
    const keptA = a.getByTestId('kept-notice');
    await expect(keptA.getByRole('listitem')).toHaveCount(1);
    const b = await context.newPage();
    await open(b, '/');
    const keptB = b.getByTestId('kept-notice');
    await expect(keptB.getByRole('listitem')).toHaveCount(1);

    // B removes it: A no longer offers what is gone.
    await keptB.getByRole('button', { name: 'Verwijderen…' }).click();
    await keptB.getByRole('button', { name: 'Ja, verwijder' }).click();
    await expect(keptB).toHaveCount(0);
    await expect(keptA).toHaveCount(0);

    // A third tab's start-up sets another copy aside: both open tabs list it. Storage
    // cleared there: both lists empty.
    await a.evaluate((key) => localStorage.setItem(key, '{"ook kapot'), doc(2));
    const c = await context.newPage();
    await open(c, '/');
    await expect(keptA.getByRole('listitem')).toHaveCount(1);
    await expect(keptB.getByRole('listitem')).toHaveCount(1);
    await c.evaluate(() => localStorage.clear());
    await expect(keptA).toHaveCount(0);
    await expect(keptB).toHaveCount(0);

    // Removed where this tab does not hear of it (its own change fires no event here):
    // the download says the data is gone, rather than doing nothing.
    await a.evaluate((key) => localStorage.setItem(key, '{"weer kapot'), doc(3));
    await a.reload();
    await expect(keptA.getByRole('listitem')).toHaveCount(1);
    await expect(keptB.getByRole('listitem')).toHaveCount(1);
    await a.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('leerspoor/v1/kept/')).forEach((k) => localStorage.removeItem(k)));
    await expect(keptB).toHaveCount(0);
    await keptA.getByRole('button', { name: 'Download de bewaarde gegevens' }).click();
    await expect(a.getByTestId('notice')).toContainText('Deze bewaarde gegevens zijn er niet meer');
    await expect(keptA).toHaveCount(0);
  });

  test('a profile made, renamed or wiped in one tab joins, follows or leaves the list of the other', async ({ context }) => {
    const a = await context.newPage();
    await createProfile(a, { name: 'Anna Adviseur' });
    const b = await context.newPage();
    await open(b, '/');
    await addProfile(b, { name: 'Bram Begeleider', role: 'Begeleider', course: 'Stadsbeheerleergang 2026' });

    const choices = a.getByLabel('Profiel', { exact: true }).locator('option');
    await expect(choices).toHaveText(['Anna Adviseur (Deelnemer)', 'Bram Begeleider (Begeleider)', '+ Nieuw profiel']);
    await expect(a.getByTestId('profile-badge')).toContainText('Anna Adviseur');
    // Renamed in B, where it is open: A's list follows, and A stays where it was.
    await b.getByLabel('Naam', { exact: true }).fill('Aart Begeleider');
    await expect(b.getByTestId('save-status')).toHaveText(/Opgeslagen/);
    await expect(choices).toHaveText(['Aart Begeleider (Begeleider)', 'Anna Adviseur (Deelnemer)', '+ Nieuw profiel']);
    await expect(a.getByTestId('profile-badge')).toContainText('Anna Adviseur');

    await goTo(b, 'Delen');
    await b.getByRole('button', { name: 'Wissen voorbereiden…' }).click();
    await b.getByLabel('Ik begrijp dat dit niet ongedaan kan worden.').check();
    await b.getByRole('button', { name: 'Wis mijn gegevens' }).click();
    await expect(choices).toHaveText(['Anna Adviseur (Deelnemer)', '+ Nieuw profiel']);
    // A profile A did not show: A goes on with its own, and has nothing to offer back.
    await expect(a.getByTestId('profile-badge')).toContainText('Anna Adviseur');
    await expect(a.getByTestId('closed-copy')).toHaveCount(0);
  });
});

test('a full storage: edits made while full are kept in the page and saved once there is room', async ({ page }) => {
  // foundation.spec.js checks the refusal and the intact earlier copy; this goes on from there.
  await createProfile(page);
  await page.getByLabel('Leergang', { exact: true }).fill('Opgeslagen leergang');
  await expect(page.getByTestId('save-status')).toHaveText(/Opgeslagen/);
  await fillStorage(page);
  await page.getByLabel('Leergang', { exact: true }).fill('Geschreven toen de opslag vol was');
  await expect(page.getByTestId('save-error')).toContainText('de opslag van de browser is vol');
  // Other sections still work, and a new edit is refused the same clear way.
  await goTo(page, 'Netwerkkaart');
  await goTo(page, 'Overzicht');
  await expect(page.getByLabel('Leergang', { exact: true })).toHaveValue('Geschreven toen de opslag vol was');
  await page.getByLabel('Naam', { exact: true }).fill('Sanne, ook bij volle opslag');
  await expect(page.getByTestId('save-status')).toHaveText(/Niet opgeslagen/);
  let stored = JSON.parse((await storageDump(page))[await documentKey(page)]);
  expect(stored.profile.course).toBe('Opgeslagen leergang');
  // Room again (the user cleared other data): the next save takes everything along.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('vulling-')).forEach((k) => localStorage.removeItem(k)));
  await page.getByLabel('Naam', { exact: true }).fill('Sanne, weer met ruimte');
  await expect(page.getByTestId('save-status')).toHaveText(/Opgeslagen/);
  await expect(page.getByTestId('save-error')).toHaveCount(0);
  stored = JSON.parse((await storageDump(page))[await documentKey(page)]);
  expect(stored.profile.course).toBe('Geschreven toen de opslag vol was');
  expect(stored.profile.name).toBe('Sanne, weer met ruimte');
  await page.reload();
  await expect(page.getByLabel('Leergang', { exact: true })).toHaveValue('Geschreven toen de opslag vol was');
});

test('no request goes anywhere but the app itself, on every page, and the policy forbids it', async ({ page, baseURL }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await seed(page, hostileText.replaceAll('window.__pwned = 1', 'x'));
  for (const path of tour(hostile)) {
    await open(page, path);
    expect(await page.evaluate(() => window.__violations), path).toEqual([]);
  }
  const origin = new URL(baseURL).origin;
  const elsewhere = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
  expect(elsewhere).toEqual([]);
  expect(requests.length).toBeGreaterThan(tour(hostile).length);
  // The Content-Security-Policy is in force: a request to another origin is refused.
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("connect-src 'self'");
  expect(policy).toContain("default-src 'self'");
  expect(policy).not.toContain('unsafe-inline');
  const refused = await page.evaluate(() =>
    fetch('http://198.51.100.7/weg').then(() => 'sent', () => 'refused'),
  );
  expect(refused).toBe('refused');
  expect(await page.evaluate(() => window.__violations.some((v) => v.startsWith('connect-src')))).toBe(true);
});

test('hostile text in every field is shown literally, never runs, and never widens the page', async ({ page }) => {
  // A long flow of many page loads: about 29 s on 2 cores with 2 workers, too near the
  // default 30 s. Speed is the bench's to judge, not this timeout.
  test.setTimeout(60_000);
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await seed(page, hostileText);
  for (const path of tour(hostile)) {
    await open(page, path);
    // Counted in the whole document, not only in <main>: markup that became elements
    // anywhere (header, notices, dialogs, <head>) counts. The policy alone would stop the
    // script from running, so what matters is that no element was made of the text.
    const check = await page.evaluate(() => ({
      pwned: window.__pwned,
      injected: [...document.querySelectorAll('img, b, iframe, object, embed, [onerror], [onload], [onclick]')].map((e) => e.outerHTML.slice(0, 80)),
      scripts: [...document.scripts].filter((s) => s.text.includes('__pwned')).length,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    }));
    expect(check.pwned, path).toBeUndefined();
    expect(check.injected, path).toEqual([]);
    expect(check.scripts, path).toBe(0);
    expect(check.overflow, `${path} is wider than the window`).toBeLessThanOrEqual(0);
  }
  expect(dialogs).toEqual([]);
  // Shown exactly as typed, markup and all: the profile's name and course, ...
  await open(page, '/');
  await expect(page.getByTestId('profile-badge')).toContainText(hostile.profile.name);
  expect(hostile.profile.name).toBe('<img src=x onerror="window.__pwned = 1"> & <b>vet</b> "aanhalingstekens"');
  await expect(page.getByLabel('Naam', { exact: true })).toHaveValue(hostile.profile.name);
  await expect(page.getByLabel('Leergang', { exact: true })).toHaveValue('<script>window.__pwned = 1</script> Bewonersavond');
  // ... every case's title as its page's heading and its client in the form, ...
  for (const c of hostile.journal.cases) {
    await open(page, `/casusjournaal/casus/${c.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.title);
    await expect(page.getByLabel('Opdrachtgever', { exact: true })).toHaveValue(c.client);
  }
  // ... and every actor's name in the map's table.
  await open(page, '/netwerkkaart?weergave=tabel');
  const names = page.getByTestId('actors-table').locator('tbody th[scope="row"]');
  expect((await names.allTextContents()).sort()).toEqual(hostile.network.actors.map((a) => a.name).sort());
  // Right-to-left and emoji text arrive intact.
  const text = await page.locator('main').innerText();
  expect(text).toContain('👩🏽‍🌾🌳🚧 Boomfeestdag 🎉 met 👨‍👩‍👧‍👦 gezinnen');
  expect(await page.evaluate(() => document.querySelectorAll('img, b, [onerror]').length)).toBe(0);
});

test('a panic in the wasm shows a message and a download of all stored data, never a blank page', async ({ page }) => {
  await createProfile(page);
  await page.getByLabel('Leergang', { exact: true }).fill('Leergang voor de noodkopie');
  await expect(page.getByTestId('save-status')).toHaveText(/Opgeslagen/);
  const key = await documentKey(page);
  const before = await storageDump(page);
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));

  await page.goto('/?test-panic=1');
  const crash = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Er ging iets mis in Leerspoor' }) });
  await expect(crash).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-leerspoor', 'crashed');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Er ging iets mis in Leerspoor');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.locator('main')).toBeHidden();
  expect(consoleErrors.join('\n')).toContain('test-panic');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    crash.getByRole('link', { name: 'Noodkopie van mijn gegevens downloaden' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^leerspoor-noodkopie-\d{4}-\d{2}-\d{2}\.json$/);
  const copy = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(copy.sleutels[key]).toBe(before[key]);
  expect(JSON.parse(copy.sleutels[key]).profile.course).toBe('Leergang voor de noodkopie');

  // Nothing was lost: reloading brings the app back with the data.
  await crash.getByRole('link', { name: 'Opnieuw laden' }).click();
  await expect(page.locator('html[data-leerspoor="ready"]')).toBeAttached();
  await expect(page.getByLabel('Leergang', { exact: true })).toHaveValue('Leergang voor de noodkopie');
  expect(await storageDump(page)).toEqual(before);
});
