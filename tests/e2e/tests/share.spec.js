// Bundles through the Delen page: export, restore on a wiped browser, bad files, backup.
import { test, expect } from '@playwright/test';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open, createProfile, storageDump, documentKey, goTo, bundleDigest } from './helpers.js';

const fixtures = new URL('../../fixtures/bad-bundles/', import.meta.url);

async function exportBundle(page) {
  await goTo(page, 'Delen');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Bundel downloaden' }).click(),
  ]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

async function pickBundle(page, name, buffer) {
  await page.getByLabel('Bundelbestand').setInputFiles({ name, mimeType: 'application/json', buffer });
}

test('export, wipe the browser, and the bundle restores everything', async ({ page }) => {
  await createProfile(page, { name: 'Sanne de Vries' });
  await page.getByLabel('Leergang', { exact: true }).fill('Leergang met een bundel');
  await expect(page.getByTestId('save-status')).toHaveText(/Opgeslagen/);
  const before = JSON.parse((await storageDump(page))[await documentKey(page)]);

  const { name, text } = await exportBundle(page);
  expect(name).toMatch(/^leerspoor-sanne-de-vries-\d{4}-\d{2}-\d{2}\.json$/);
  const bundle = JSON.parse(text);
  expect(bundle).toMatchObject({ format: 'leerspoor-bundel', schema: 1, kind: 'participant' });
  expect(bundle.from).toMatchObject({ name: 'Sanne de Vries', role: 'participant', profile: before.profile.id });
  expect(bundle.digest).toMatch(/^sha256:[0-9a-f]{64}$/);

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welkom bij Leerspoor');
  await page.getByLabel('Je eigen bundel (.json)').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('restore-preview')).toContainText('Sanne de Vries (Deelnemer)');
  await page.getByRole('button', { name: 'Profiel herstellen' }).click();
  await expect(page.getByTestId('profile-badge')).toContainText('Sanne de Vries');
  await page.reload();
  const after = JSON.parse((await storageDump(page))[await documentKey(page)]);
  expect(after.profile).toEqual(before.profile);
  expect(after.selfscan).toEqual(before.selfscan);
  expect(after.network).toEqual(before.network);
  expect(after.journal.cases).toEqual(before.journal.cases);
});

test('my own bundle from another laptop merges after a preview, with a backup to go back to', async ({ page }) => {
  await createProfile(page, { name: 'Bram' });
  const { name, text } = await exportBundle(page);
  // The same profile on another laptop gained an actor on the network map.
  const bundle = JSON.parse(text);
  bundle.contents.network.actors.push({
    id: '0f6d6f1e-5a1b-4c53-9d7e-3f1b2a4c5d6e', kind: 'person', name: 'Wethouder Groen',
    organisation: 'Gemeente', role: 'wethouder', notes: '', influence: 5, interest: 3,
    attitude: 'supportive', rapport: 'fair', last_contact: null, position: null,
  });
  bundle.digest = await bundleDigest(bundle);
  const changed = Buffer.from(JSON.stringify(bundle));

  await pickBundle(page, name, changed);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('Bram (Deelnemer)');
  await expect(page.getByTestId('preview-added')).toHaveText('1 × actor');
  await page.getByRole('button', { name: 'Importeren' }).click();
  await expect(page.getByTestId('import-done')).toContainText('Ingelezen: 1 wijziging');
  await page.reload();
  let stored = JSON.parse((await storageDump(page))[await documentKey(page)]);
  expect(stored.network.actors.map((a) => a.name)).toEqual(['Wethouder Groen']);

  // The same bundle again changes nothing.
  await pickBundle(page, name, changed);
  await page.getByRole('button', { name: 'Importeren' }).click();
  await expect(page.getByTestId('import-done')).toContainText('niets veranderd');

  // The backup made before the import brings back the map without the actor.
  await expect(page.getByTestId('backup-info')).toBeVisible();
  await page.getByRole('button', { name: 'Back-up terugzetten…' }).click();
  await page.getByRole('button', { name: 'Ja, zet de back-up terug' }).click();
  await expect(page.getByText('De back-up is teruggezet.')).toBeVisible();
  await page.reload();
  stored = JSON.parse((await storageDump(page))[await documentKey(page)]);
  expect(stored.network.actors).toEqual([]);
});

test('a bundle from someone else is shown but cannot be merged', async ({ browser }) => {
  const other = await browser.newPage();
  await createProfile(other, { name: 'Iemand Anders' });
  const { name, text } = await exportBundle(other);
  await other.close();
  const page = await browser.newPage();
  await createProfile(page, { name: 'Ikzelf' });
  await goTo(page, 'Delen');
  const before = await storageDump(page);
  await pickBundle(page, name, Buffer.from(text));
  await expect(page.getByTestId('foreign-note')).toContainText('Iemand Anders');
  await expect(page.getByRole('button', { name: 'Importeren' })).toBeDisabled();
  expect(await storageDump(page)).toEqual(before);
});

const expectedErrors = {
  'empty.json': 'Het bestand is leeg',
  'report.pdf': 'PDF-bestand',
  'photo.png': 'PNG-afbeelding',
  'letter.docx': 'Word-',
  'truncated.json': 'beschadigd of onvolledig',
  'other-kind.json': 'geen Leerspoor-bundel',
  'framework.json': 'competentiekader',
  'duplicate-ids.json': 'meer dan eens',
  'dangling-reference.json': 'bestaat niet',
  'invalid-date.json': 'niet de verwachte vorm',
  'level-out-of-range.json': 'niet geldig',
  'wrong-types.json': 'niet de verwachte vorm',
  'deep-nesting.json': 'te diep genest',
  'newer-format.json': 'Leerspoor 3.0.0',
  'newer-contents.json': 'schemaversie 7',
  'damaged-digest.json': 'controlesom klopt niet',
};

test('every bad bundle is refused with its own Dutch message and nothing changes', async ({ page }) => {
  await createProfile(page);
  await goTo(page, 'Delen');
  const before = await storageDump(page);
  const files = (await readdir(fixtures)).filter((f) => f in expectedErrors);
  expect(files).toHaveLength(Object.keys(expectedErrors).length);
  for (const file of files) {
    await pickBundle(page, file, await readFile(new URL(file, fixtures)));
    await expect(page.getByTestId('import-error'), file).toContainText(expectedErrors[file]);
  }
  // A 50 MB file is refused from its size, before it is read.
  const big = join(tmpdir(), 'leerspoor-groot.json');
  await writeFile(big, Buffer.alloc(50 * 1024 * 1024, 0x20));
  await page.getByLabel('Bundelbestand').setInputFiles(big);
  await expect(page.getByTestId('import-error')).toContainText('te groot (50 MB)');
  expect(await storageDump(page)).toEqual(before);
});

test('hostile text in a bundle is shown literally and never runs', async ({ page }) => {
  await createProfile(page);
  await goTo(page, 'Delen');
  await page.getByLabel('Bundelbestand').setInputFiles(new URL('html-and-script.json', fixtures).pathname);
  // A valid bundle from someone else: its sender and counts are shown, as text.
  await expect(page.getByTestId('import-preview')).toBeVisible();
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator('script:not([type="module"])').count()).toBe(0);
});

test('a bundle dropped on the import area is read like a picked one', async ({ page }) => {
  await createProfile(page);
  await goTo(page, 'Delen');
  const text = await readFile(new URL('framework.json', fixtures), 'utf8');
  const dataTransfer = await page.evaluateHandle((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'kader.json', { type: 'application/json' }));
    return dt;
  }, text);
  await page.getByTestId('import-zone').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('import-error')).toContainText('competentiekader');
});

test('an encrypted bundle needs its passphrase, and a wrong one is told apart', async ({ page }) => {
  await createProfile(page, { name: 'Geheim Gehouden' });
  await page.getByLabel('Leergang', { exact: true }).fill('Vertrouwelijke leergang');
  await goTo(page, 'Delen');
  await page.getByLabel('Versleutelen met een wachtwoord').check();
  await page.getByLabel('Wachtwoord (minstens 10 tekens)').fill('kort');
  await page.getByLabel('Herhaal het wachtwoord').fill('kort');
  await page.getByRole('button', { name: 'Bundel downloaden' }).click();
  await expect(page.getByTestId('export-status')).toContainText('minstens 10 tekens');
  await page.getByLabel('Wachtwoord (minstens 10 tekens)').fill('paarse olifant danst');
  await page.getByLabel('Herhaal het wachtwoord').fill('paarse olifant danst');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Bundel downloaden' }).click(),
  ]);
  const text = await readFile(await download.path(), 'utf8');
  const bundle = JSON.parse(text);
  expect(bundle.contents).toBeUndefined();
  expect(bundle.encrypted).toMatchObject({ cipher: 'AES-256-GCM', kdf: 'PBKDF2-SHA256', iterations: 600000 });
  expect(text).not.toContain('Vertrouwelijke leergang');

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel('Je eigen bundel (.json)').setInputFiles({ name: 'geheim.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByLabel('Wachtwoord', { exact: true }).fill('verkeerd wachtwoord');
  await page.getByRole('button', { name: 'Ontsleutelen' }).click();
  await expect(page.getByTestId('unlock-error')).toContainText('Het wachtwoord klopt niet');
  await page.getByLabel('Wachtwoord', { exact: true }).fill('paarse olifant danst');
  await page.getByRole('button', { name: 'Ontsleutelen' }).click();
  await expect(page.getByTestId('restore-preview')).toContainText('Geheim Gehouden');
  await page.getByRole('button', { name: 'Profiel herstellen' }).click();
  await expect(page.getByTestId('profile-badge')).toContainText('Geheim Gehouden');
  await goTo(page, 'Overzicht');
  await expect(page.getByLabel('Leergang', { exact: true })).toHaveValue('Vertrouwelijke leergang');
});

test('real exports match the published JSON Schema', async ({ page }) => {
  const { default: Ajv2020 } = await import('ajv/dist/2020.js');
  const { default: addFormats } = await import('ajv-formats');
  const schema = JSON.parse(await readFile(new URL('../../../docs/bundle.schema.json', import.meta.url), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  await createProfile(page, { name: 'Schema Controle' });
  const plain = JSON.parse((await exportBundle(page)).text);
  expect(validate(plain), JSON.stringify(validate.errors)).toBe(true);
  // A realistic bundle with every section filled, as the model writes it.
  const full = JSON.parse(await readFile(new URL('html-and-script.json', fixtures), 'utf8'));
  expect(validate(full), JSON.stringify(validate.errors)).toBe(true);
  // And the schema is not a rubber stamp: a broken envelope fails it.
  expect(validate({ ...plain, digest: 'md5:123' })).toBe(false);
  const { contents, ...sealed } = plain;
  expect(validate({ ...sealed, encrypted: { cipher: 'AES-256-GCM', kdf: 'PBKDF2-SHA256', iterations: 600000, salt: 'AA==', nonce: 'AA==', ciphertext: 'AA==' } })).toBe(true);
  expect(validate({ ...plain, encrypted: { cipher: 'AES-256-GCM', kdf: 'PBKDF2-SHA256', iterations: 600000, salt: 'AA==', nonce: 'AA==', ciphertext: 'AA==' } })).toBe(false);
  expect(contents.profile.name).toBe('Schema Controle');
});

test('the encrypted fixture opens only with its passphrase, and a tampered one not at all', async ({ page }) => {
  const fixture = await readFile(new URL('../encrypted-bundle.json', fixtures), 'utf8');
  await open(page, '/');
  const pick = (buffer) => page.getByLabel('Je eigen bundel (.json)').setInputFiles({ name: 'versleuteld.json', mimeType: 'application/json', buffer });
  const tampered = JSON.parse(fixture);
  const bytes = Buffer.from(tampered.encrypted.ciphertext, 'base64');
  bytes[5] ^= 0x01;
  tampered.encrypted.ciphertext = bytes.toString('base64');
  await pick(Buffer.from(JSON.stringify(tampered)));
  await page.getByLabel('Wachtwoord', { exact: true }).fill('leerspoor-fixture');
  await page.getByRole('button', { name: 'Ontsleutelen' }).click();
  await expect(page.getByTestId('unlock-error')).toContainText('klopt niet');
  await pick(Buffer.from(fixture));
  await page.getByLabel('Wachtwoord', { exact: true }).fill('leerspoor-fixture');
  await page.getByRole('button', { name: 'Ontsleutelen' }).click();
  await expect(page.getByTestId('restore-preview')).toContainText('Versleutelde Fixture');
});
