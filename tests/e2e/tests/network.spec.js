// The network map: table by keyboard, map, grid, CSV import, dragging, analysis.
import { test, expect } from '@playwright/test';
import { open, createProfile } from './helpers.js';

/** Pastes CSV text into the import view, previews, and confirms. */
async function importCsv(page, actors, ties) {
  await open(page, '/netwerkkaart?weergave=importeren');
  if (actors) await page.getByLabel('Of plak de actoren').fill(actors);
  if (ties) await page.getByLabel('Of plak de relaties').fill(ties);
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await page.getByRole('button', { name: 'Importeren' }).click();
  await expect(page.getByTestId('net-status')).toContainText('Ingelezen');
}

test('actors and ties added by keyboard show in the table, on the map and in the grid', async ({ page }) => {
  await createProfile(page);
  await open(page, '/netwerkkaart?weergave=tabel');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Netwerkkaart');
  const kb = page.keyboard;

  // First actor: every step by keyboard; typing on a select picks the option.
  await page.getByLabel('Naam', { exact: true }).focus();
  await kb.type('Wethouder Jansen');
  await kb.press('Tab'); await kb.type('bestuur');
  await kb.press('Tab'); await kb.type('Gemeente');
  await kb.press('Tab'); await kb.type('wethouder');
  await kb.press('Tab'); await kb.type('5');
  await kb.press('Tab'); await kb.type('2');
  await kb.press('Shift+Tab'); await kb.press('Shift+Tab');
  await kb.press('Enter');
  await expect(page.getByTestId('net-status')).toHaveText('Wethouder Jansen staat op de kaart.');

  // Focus is back on the name field for the next one.
  await expect(page.getByLabel('Naam', { exact: true })).toBeFocused();
  await kb.type('Buurtvereniging Oost');
  await kb.press('Tab'); await kb.type('bewoners');
  await kb.press('Tab'); await kb.press('Tab');
  await kb.press('Tab'); await kb.type('2');
  await kb.press('Tab'); await kb.type('5');
  await kb.press('Shift+Tab'); await kb.press('Shift+Tab');
  await kb.press('Enter');
  await expect(page.getByTestId('net-status')).toHaveText('Buurtvereniging Oost staat op de kaart.');

  const actors = page.getByTestId('actors-table');
  await expect(actors.getByRole('row', { name: /Wethouder Jansen/ })).toContainText('bestuur/politiek');
  await expect(actors.getByRole('row', { name: /Wethouder Jansen/ })).toContainText('Gemeente');
  await expect(actors.getByRole('row', { name: /Buurtvereniging Oost/ })).toContainText('bewonersgroep');

  // Ties: ik – Wethouder (formeel, sterk), Wethouder – Buurtvereniging.
  await page.getByLabel('Van', { exact: true }).focus();
  await kb.type('ik');
  await kb.press('Tab'); await kb.type('Weth');
  await kb.press('Tab'); await kb.type('formeel');
  await kb.press('Tab'); await kb.type('sterk');
  await kb.press('Tab');
  await kb.press('Tab'); await kb.type('elke week overleg');
  await kb.press('Enter');
  await expect(page.getByTestId('net-status')).toHaveText('Relatie tussen ik en Wethouder Jansen toegevoegd.');
  await page.getByLabel('Van', { exact: true }).focus();
  await kb.type('Weth');
  await kb.press('Tab'); await kb.type('Buurt');
  await kb.press('Tab'); await kb.press('Tab'); await kb.press('Tab'); await kb.press('Tab');
  await kb.press('Enter');
  await expect(page.getByTestId('net-status')).toHaveText('Relatie tussen Wethouder Jansen en Buurtvereniging Oost toegevoegd.');
  const ties = page.getByTestId('ties-table');
  await expect(ties.locator('tbody tr')).toHaveCount(2);
  await expect(ties).toContainText('elke week overleg');
  await expect(ties).toContainText('sterk');
  // The degree column follows the ties.
  await expect(actors.getByRole('row', { name: /Wethouder Jansen/ }).locator('td').nth(8)).toHaveText('2');

  // Deleting asks first, with what goes along; saying no keeps everything.
  await page.getByRole('button', { name: 'Verwijderen: Wethouder Jansen' }).press('Enter');
  await expect(page.getByTestId('confirm-question')).toContainText('2 relaties en 0 koppelingen');
  await expect(page.getByTestId('confirm-question')).toBeFocused();
  await page.getByRole('button', { name: 'Nee, behouden' }).press('Enter');
  await expect(ties.locator('tbody tr')).toHaveCount(2);

  // The map shows both actors, "ik" and the two ties.
  await page.getByRole('link', { name: 'Kaart', exact: true }).click();
  await expect(page).toHaveURL(/weergave=kaart/);
  const map = page.getByTestId('network-map');
  await expect(map.locator('g.net-node')).toHaveCount(3);
  await expect(map.locator('g.net-node', { hasText: 'Wethouder Jansen' })).toBeVisible();
  await expect(map.locator('g.net-node', { hasText: 'Buurtvereniging Oost' })).toBeVisible();
  await expect(map.locator('line.net-tie')).toHaveCount(2);
  // Keyboard on the map: Enter on a node opens its edit form.
  await map.getByRole('button', { name: /Buurtvereniging Oost/ }).focus();
  await kb.press('Enter');
  await expect(page.getByRole('heading', { name: 'Actor bewerken: Buurtvereniging Oost' })).toBeVisible();
  // A kind filter hides the residents' group and its tie.
  await page.getByRole('checkbox', { name: 'bewonersgroep' }).uncheck();
  await expect(map.locator('g.net-node')).toHaveCount(2);
  await expect(map.locator('line.net-tie')).toHaveCount(1);

  // The grid puts them in their quadrants.
  await page.getByRole('link', { name: 'Invloed en belang' }).click();
  await expect(page.getByTestId('quadrant-tevreden-houden')).toContainText('Wethouder Jansen');
  await expect(page.getByTestId('quadrant-informeren')).toContainText('Buurtvereniging Oost');
  await expect(page.getByTestId('quadrant-nauw-betrekken')).toContainText('Niemand');
});

test('CSV import previews bad rows by line number and adds only on confirmation', async ({ page }) => {
  await createProfile(page);
  await open(page, '/netwerkkaart?weergave=importeren');
  await page.getByLabel('Of plak de actoren').fill(
    'naam;soort;invloed;belang;kleur\nAnna Bakker;persoon;4;5;rood\nBram Smit;persoon;9;2;blauw\nCor de Wit;bedrijf;2;2;groen\n');
  await page.getByLabel('Of plak de relaties').fill('van,naar,soort\nik,Anna Bakker,formeel\nAnna Bakker,Cor de Wit,samenwerking\n');
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('2 nieuwe actoren, 2 nieuwe relaties.');
  await expect(page.getByTestId('import-errors')).toContainText('Actorenbestand, regel 3');
  await expect(page.getByTestId('import-errors')).toContainText('9');
  await expect(preview).toContainText('kleur');
  await expect(page.getByTestId('import-new-actors')).toContainText('Anna Bakker');
  // Nothing is on the map before confirming.
  await open(page, '/netwerkkaart?weergave=tabel');
  await expect(page.getByTestId('actors-table')).toHaveCount(0);

  await importCsv(page,
    'naam;soort;invloed;belang\nAnna Bakker;persoon;4;5\nBram Smit;persoon;9;2\nCor de Wit;bedrijf;2;2\n',
    'van,naar\nik,Anna Bakker\nAnna Bakker,Cor de Wit\n');
  await expect(page.getByTestId('net-status')).toHaveText('Ingelezen: 2 actoren en 2 relaties.');
  await page.getByRole('link', { name: 'Tabel' }).click();
  await expect(page.getByTestId('actors-table').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('actors-table')).toContainText('Cor de Wit');
  await expect(page.getByTestId('actors-table')).not.toContainText('Bram Smit');
});

test('a dragged node keeps its place over a reload', async ({ page }) => {
  await createProfile(page);
  await importCsv(page, 'naam\nAnna Bakker\nCor de Wit\n', 'van,naar\nik,Anna Bakker\nAnna Bakker,Cor de Wit\n');
  await open(page, '/netwerkkaart?weergave=kaart');
  const node = page.locator('g.net-node[aria-label^="Cor de Wit"]');
  await node.scrollIntoViewIfNeeded();
  const before = await node.getAttribute('transform');
  const box = await node.locator('path').boundingBox();
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 40, y + 30, { steps: 4 });
  await page.mouse.move(x + 90, y + 60, { steps: 4 });
  await page.mouse.up();
  await expect(node).not.toHaveAttribute('transform', before);
  const after = await node.getAttribute('transform');
  await expect(page.getByTestId('save-status')).toHaveText(/Opgeslagen/);
  await page.reload();
  await expect(page.locator('html[data-leerspoor="ready"]')).toBeAttached();
  await expect(page.locator('g.net-node[aria-label^="Cor de Wit"]')).toHaveAttribute('transform', after);
});

test('an actor bridging two groups is suggested as a broker to reach', async ({ page }) => {
  await createProfile(page);
  await importCsv(page,
    'naam\nAnna\nAart\nMo Makelaar\nBea\nBen\n',
    'van,naar\nik,Anna\nAnna,Aart\nAnna,Mo Makelaar\nMo Makelaar,Bea\nBea,Ben\n');
  await page.getByRole('link', { name: 'Analyse' }).click();
  await expect(page.getByTestId('brokers')).toContainText('Mo Makelaar');
  await expect(page.getByTestId('suggestions')).toContainText('Mo Makelaar is een makelaar');
  // Anna is a broker too, but already tied to "ik": no suggestion to reach her.
  await expect(page.getByTestId('suggestions')).not.toContainText('Anna is een makelaar');
  await expect(page.getByTestId('clusters')).toContainText('één samenhangende groep');
});
