// Shared steps for the browser tests, so each test reads as what a user does.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from '@playwright/test';

/**
 * Realistic participant bundles (~135 KB each: three scans, one of them a begeleider's
 * rating, twelve cases with sixty entries and their feedback, forty actors, seventy ties),
 * made by the model's seeded sample (examples/sample_bundles.rs) into a new folder.
 * Returns `n => text` of `deelnemer-<n>.json`. Compiling the example takes a while once.
 */
export function sampleBundles(count) {
  const dir = mkdtempSync(join(tmpdir(), 'leerspoor-samples-'));
  execFileSync('cargo', ['run', '--offline', '--quiet', '--example', 'sample_bundles', '--', String(count), dir], {
    cwd: new URL('../../../', import.meta.url).pathname,
    stdio: 'inherit',
  });
  return (n) => readFile(join(dir, `deelnemer-${n}.json`), 'utf8');
}

/** A sample participant's bundle (`sample`: from `sampleBundles`) with the levels of "Het netwerk lezen" (its three
 * indicators) set by hand: in the nulmeting, and in the latest own scan (the midpoint; the
 * third scan is the begeleider's rating). `null`: not applicable, so not in the mean. */
export async function withNetworkReading(sample, n, baseline, latest) {
  const bundle = JSON.parse(await sample(n));
  const [first, second, third] = bundle.contents.selfscan.scans;
  expect([first.label, first.rater, second.label, second.rater, third.rater.other?.role]).toEqual(['baseline', 'participant', 'midpoint', 'participant', 'coach']);
  const ids = ['netwerk-lezen-betrokkenen', 'netwerk-lezen-belangen', 'netwerk-lezen-verbanden'];
  for (const [scan, levels] of [[first, baseline], [second, latest]]) {
    ids.forEach((id, k) => (scan.ratings[id].rating = levels[k] === null ? 'not_applicable' : { level: levels[k] }));
  }
  bundle.digest = await bundleDigest(bundle);
  return JSON.stringify(bundle);
}

/** First run: restores a profile from its own bundle `text` (`url`: where the app is). */
export async function restoreFromBundle(page, text, { url = '/', passphrase = null } = {}) {
  await open(page, url);
  await page.getByLabel('Je eigen bundel (.json)').setInputFiles({ name: 'eigen.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  if (passphrase) {
    await page.getByLabel('Wachtwoord', { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: 'Ontsleutelen' }).click();
  }
  await page.getByRole('button', { name: 'Profiel herstellen' }).click();
  await expect(page.getByTestId('profile-badge')).toBeVisible();
}

/** Delen › Bundel downloaden, encrypted with `passphrase` when given; returns the text. */
export async function exportBundle(page, { passphrase = null } = {}) {
  await goTo(page, 'Delen');
  if (passphrase) {
    await page.getByLabel('Versleutelen met een wachtwoord').check();
    await page.getByLabel('Wachtwoord (minstens 10 tekens)').fill(passphrase);
    await page.getByLabel('Herhaal het wachtwoord').fill(passphrase);
  }
  const { text } = await downloaded(page, page.getByRole('button', { name: 'Bundel downloaden' }));
  return text;
}

/** Clicks `control` on `page` and returns the file it downloads: its path and its text. */
export async function downloaded(page, control) {
  const [download] = await Promise.all([page.waitForEvent('download'), control.click()]);
  const path = await download.path();
  return { path, text: readFileSync(path, 'utf8') };
}

/** Opens the app at `path` and waits until the wasm has mounted. */
export async function open(page, path = '/') {
  await page.goto(path);
  await expect(page.locator('html[data-leerspoor="ready"]')).toBeAttached();
}

/** First run: makes a profile through the form, as a user would. `url`: where the app is. */
export async function createProfile(page, { name = 'Sanne de Vries', role = 'Deelnemer', course = 'Stadsbeheerleergang 2026', url = '/' } = {}) {
  await open(page, url);
  await makeProfile(page, { name, role, course });
  await expect(page.getByTestId('save-status')).toHaveText(/Opgeslagen/);
}

/** One more profile in this browser, made through the header's "+ Nieuw profiel". */
export async function addProfile(page, { name, role = 'Deelnemer', course = null }) {
  await openProfile(page, '+ Nieuw profiel');
  await makeProfile(page, { name, role, course });
}

/** Fills the new-profile form and makes the profile; `course` null keeps the default. */
async function makeProfile(page, { name, role, course }) {
  await page.getByLabel('Je naam').fill(name);
  await page.getByLabel(role, { exact: true }).check();
  if (course != null) await page.getByLabel('Naam van de leergang').fill(course);
  await page.getByRole('button', { name: 'Profiel aanmaken' }).click();
  await expect(page.getByTestId('profile-badge')).toContainText(name);
}

/** Opens another profile (or the new-profile form) with the header's switcher, by its label. */
export async function openProfile(page, label) {
  await page.getByLabel('Profiel', { exact: true }).selectOption({ label });
  await page.getByRole('banner').getByRole('button', { name: 'Openen', exact: true }).click();
}

/** Waits until the header says everything is saved. */
export async function saved(page) {
  await expect(page.getByTestId('save-status')).toHaveText(/Opgeslagen/);
}

/** Ontwikkeldoelen › Nieuw ontwikkeldoel: a goal `title` on Het netwerk lezen, saved. */
export async function addGoal(page, title) {
  await open(page, '/zelfscan/doelen');
  await page.getByRole('button', { name: 'Nieuw ontwikkeldoel' }).click();
  await page.getByLabel('Titel').fill(title);
  await page.getByRole('checkbox', { name: 'Het netwerk lezen' }).check();
  await page.getByRole('button', { name: 'Doel bewaren' }).click();
}

/** On the self-scan overview: starts a scan (or a rating by `other`) with the mouse. */
export async function beginScan(page, { label = 'Nulmeting', other = null } = {}) {
  if (other) {
    await page.getByRole('button', { name: 'Beoordeling door een ander' }).click();
    await page.getByLabel('Naam van de beoordelaar').fill(other.name);
    await page.getByLabel('Rol van de beoordelaar').selectOption(other.role);
  } else {
    await page.getByRole('button', { name: 'Nieuwe zelfscan' }).click();
  }
  await page.getByLabel('Soort meting').selectOption(label);
  await page.getByRole('button', { name: 'Start de scan' }).click();
  // The single file keeps the route in the fragment (#/zelfscan/scan/…): this matches both.
  await expect(page).toHaveURL(/\/zelfscan\/scan\//);
}

/** Fills every step of a started scan with `level(step)` and finishes it. */
export async function fillAndFinish(page, level, target = '4') {
  for (let step = 1; step <= 9; step++) {
    await expect(page.locator('#scan-progress')).toHaveAttribute('value', String(step));
    const groups = page.locator('fieldset.indicator');
    const n = await groups.count();
    for (let i = 0; i < n; i++) {
      await groups.nth(i).locator(`input[type=radio][value="${level(step)}"]`).check();
    }
    await page.locator('select[id^="target-"]').selectOption(target);
    if (step < 9) await page.getByRole('button', { name: 'Volgende' }).click();
  }
  await page.getByRole('button', { name: 'Afronden' }).click();
  await expect(page.getByText(/Deze scan is afgerond/)).toBeVisible();
  await saved(page);
}

/** Every key and value this origin has in localStorage. */
export async function storageDump(page) {
  return page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
}

/** Fills this origin's storage quota to the last character, with keys outside
 * Leerspoor's, as another app on file:// might. */
export async function fillStorage(page) {
  await page.evaluate(() => {
    let size = 1 << 20;
    let i = 0;
    while (size >= 1) {
      try {
        localStorage.setItem(`vulling-${i++}`, 'x'.repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
}

/** The key of the (single) stored profile document. */
export async function documentKey(page) {
  const keys = Object.keys(await storageDump(page)).filter((k) => k.startsWith('leerspoor/v1/doc/'));
  expect(keys).toHaveLength(1);
  return keys[0];
}

/** Follows a link of the main navigation. */
export async function goTo(page, name) {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}

/** Puts `text` (a stored document) in this origin's storage as the active profile. */
export async function seed(page, text) {
  await open(page, '/');
  await page.evaluate((text) => {
    const doc = JSON.parse(text);
    localStorage.clear();
    localStorage.setItem(`leerspoor/v1/doc/${doc.profile.id}`, text);
    localStorage.setItem(`leerspoor/v1/rev/${doc.profile.id}`, String(doc.revision));
    localStorage.setItem('leerspoor/v1/active', doc.profile.id);
  }, text);
}

/** Every page of the app, as deep links, for a document like `doc`. */
export function tour(doc) {
  const paths = ['/', '/zelfscan', '/zelfscan/resultaten', '/zelfscan/doelen', '/zelfscan/kader'];
  for (const scan of doc.selfscan.scans) paths.push(`/zelfscan/scan/${scan.id}`);
  paths.push('/casusjournaal', '/casusjournaal/agenda', '/casusjournaal/prullenbak');
  for (const c of doc.journal.cases) paths.push(`/casusjournaal/casus/${c.id}`);
  for (const e of doc.journal.entries.slice(0, 3)) paths.push(`/casusjournaal/casus/${e.case_id}/notitie/${e.id}`);
  for (const view of ['kaart', 'raster', 'tabel', 'analyse', 'importeren', 'momentopnamen']) {
    paths.push(`/netwerkkaart?weergave=${view}`);
  }
  paths.push('/delen');
  return paths;
}

/**
 * What sticks out past the right edge of the window: the page's overflow in CSS pixels and
 * the first few elements beyond the edge, for a failure message that says where to look.
 * WCAG 1.4.10 (reflow): at 320 CSS pixels nothing may need scrolling sideways. Content
 * that needs two dimensions (a wide table) may scroll within its own box, which widens
 * nothing; the list leaves such boxes, and the shapes inside drawings, out.
 */
export async function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // Inside a box that scrolls or clips, an element past the edge widens nothing.
    const clipped = (e) => {
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      }
      return false;
    };
    const beyond = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 1 && !e.closest('svg') && !clipped(e))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\s+/g, '.') : ''} (right edge ${Math.round(e.getBoundingClientRect().right)})`);
    return { pixels: document.documentElement.scrollWidth - width, beyond };
  });
}

/** The digest of a bundle as Leerspoor computes it: SHA-256 over JSON with sorted keys, of
 *  the envelope's fields (all but digest and encrypted) with the contents for bundle
 *  version 2, of the contents alone for version 1 (docs/bundle-format.md). Pass the
 *  whole bundle, after changing it. */
export async function bundleDigest(bundle) {
  const { createHash } = await import('node:crypto');
  const canonical = (v) =>
    Array.isArray(v)
      ? `[${v.map(canonical).join(',')}]`
      : v && typeof v === 'object'
        ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`
        : JSON.stringify(v);
  if (bundle.format !== 'leerspoor-bundel') throw new Error('bundleDigest takes the whole bundle');
  const { digest, encrypted, ...signed } = bundle;
  const covered = bundle.schema === 1 ? bundle.contents : signed;
  return 'sha256:' + createHash('sha256').update(canonical(covered)).digest('hex');
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now; returns the violations. */
export async function axeViolations(page) {
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' :: ' + n.failureSummary),
    }));
  });
}

// Words that only Dutch interface text has. A page in English that still shows one of
// them has a string left untranslated (user data in the English tests is English).
const DUTCH = /\b(de|het|een|van|je|jouw|jij|niet|voor|naar|nog|geen|wordt|zijn|deze|dit|bij|ook|maak|nieuwe?|opslaan|opgeslagen|wissen|terug|volgende|vorige|zelfscan|casus|casussen|netwerkkaart|delen|deelnemer|begeleider|leergang|afgerond|ambitie|weet|ik|naam|datum|geen|alle|uit|aan|wat|wie|hoe)\b/i;

/** The visible lines that still read as Dutch. */
export async function untranslated(page) {
  const text = await page.locator('body').innerText();
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && DUTCH.test(line) && line !== 'Nederlands');
}

/** The page is in English: `lang`, no Dutch line left, and axe-clean. */
export async function expectEnglish(page, where) {
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(await untranslated(page), `${where}: lines still in Dutch`).toEqual([]);
  const violations = await axeViolations(page);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

/**
 * The single-file edition's file: URL. The same release build the server serves:
 * LEERSPOOR_SINGLE when given (./dev.sh test made it), else made here from LEERSPOOR_DIST
 * into a new folder (a second). Returns `{ url, remove }`.
 */
export function singleFile() {
  const e2e = new URL('../', import.meta.url).pathname;
  let file = process.env.LEERSPOOR_SINGLE && resolve(e2e, process.env.LEERSPOOR_SINGLE);
  let made = null;
  if (!file || !existsSync(file)) {
    const dist = resolve(e2e, process.env.LEERSPOOR_DIST ?? '../../dist');
    made = mkdtempSync(join(tmpdir(), 'leerspoor-single-'));
    file = join(made, 'leerspoor.html');
    execFileSync('node', [resolve(e2e, '../../scripts/single-file.mjs'), dist, file]);
  }
  return { url: pathToFileURL(file).href, remove: () => made && rmSync(made, { recursive: true, force: true }) };
}

/** 32 actors in a ring with eight chords, five of them tied to "ik": 32 + 8 + 5 ties. */
export function bigMap() {
  const name = (i) => `Partij ${String(i).padStart(2, '0')}`;
  const actors = ['naam', ...Array.from({ length: 32 }, (_, i) => name(i + 1))].join('\n') + '\n';
  const ties = ['van,naar'];
  for (let i = 1; i <= 32; i++) ties.push(`${name(i)},${name((i % 32) + 1)}`);
  for (let i = 1; i <= 13; i += 4) ties.push(`${name(i)},${name(i + 16)}`);
  for (let i = 3; i <= 15; i += 4) ties.push(`${name(i)},${name(i + 10)}`);
  for (let i = 1; i <= 5; i++) ties.push(`ik,${name(i * 6)}`);
  return { actors, ties: ties.join('\n') + '\n' };
}

/** Every node's transform on the map, by its data-node (an id, or "ik"). */
export async function places(page) {
  return page.locator('g.net-node').evaluateAll((nodes) =>
    Object.fromEntries(nodes.map((n) => [n.dataset.node, n.getAttribute('transform')])));
}
