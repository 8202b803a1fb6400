// Issue 19, part 5: the map as a thinking tool. It takes the window's width, its labels
// are readable (at least 11 CSS pixels on the screen), and the nodes can be sized by
// influence or by betweenness, which moves none of them.
import { test, expect } from '@playwright/test';
import { open, createProfile, saved, overflow, expectEnglish, bigMap, places } from './helpers.js';

/** Pastes CSV text into the import view, previews, and confirms. */
async function importCsv(page, actors, ties) {
  await open(page, '/netwerkkaart?weergave=importeren');
  await page.getByLabel('Of plak de actoren').fill(actors);
  await page.getByLabel('Of plak de relaties').fill(ties);
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await page.getByRole('button', { name: 'Importeren' }).click();
  await expect(page.getByTestId('net-status')).toContainText('Ingelezen');
}

/** A new profile with the 33 actors of `bigMap` read in, its map shown at 1280×800. */
async function openBigMap(page) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await createProfile(page);
  const { actors, ties } = bigMap();
  await importCsv(page, actors, ties);
  await open(page, '/netwerkkaart?weergave=kaart');
  const map = page.getByTestId('network-map');
  await expect(map.locator('g.net-node')).toHaveCount(33);
  return map;
}

/**
 * The fork worked out by hand (as in model::network::sizing's tests): ik – Anna – Bram,
 * and Bram – Cor, Bram – Dirk; influence 5, 1, 3, 2.
 * Betweenness: Anna lies on the shortest paths ik–Bram, ik–Cor, ik–Dirk (3); Bram on
 * ik–Cor, ik–Dirk, Anna–Cor, Anna–Dirk, Cor–Dirk (5). Normalised (× 2 / (4 × 3)):
 * Anna 0.50, Bram 0.83. Radii: r² = 10² + (30² − 10²) × share, share the measure over
 * its range (influence) or over the highest of any actor (betweenness).
 */
const FORK_ACTORS = 'naam;soort;invloed\nAnna;persoon;5\nBram;persoon;1\nCor;persoon;3\nDirk;persoon;2\n';
const FORK_TIES = 'van,naar\nik,Anna\nAnna,Bram\nBram,Cor\nBram,Dirk\n';

/** Each node's radius as the map draws it, by its name ("ik" for the advisor). */
async function radii(page) {
  return page.locator('g.net-node').evaluateAll((nodes) =>
    Object.fromEntries(nodes.map((n) => [
      n.dataset.node === 'ik' ? 'ik' : n.querySelector('text').textContent,
      n.querySelector('path').dataset.radius,
    ])));
}

/** The drawn width of a node's shape on the screen, in CSS pixels, its outline left out:
 *  the shape's own box times the scale from it to the screen (its transform included). */
async function shapeWidth(page, name) {
  return page.locator('g.net-node', { hasText: name }).locator('path')
    .evaluate((p) => p.getBBox().width * p.getScreenCTM().a);
}

/** Every label's size on the screen: its font size times the drawing's scale, and the
 *  height of its box. */
async function labelSizes(page) {
  return page.locator('text.net-node-label').evaluateAll((labels) => labels.map((l) => ({
    name: l.textContent,
    px: parseFloat(getComputedStyle(l).fontSize) * l.getScreenCTM().a,
    height: l.getBoundingClientRect().height,
  })));
}

/** The width of main's content box: the page's column. */
async function column(page) {
  return page.locator('main').evaluate((m) => {
    const s = getComputedStyle(m);
    return m.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
  });
}

test.describe('the map as a thinking tool', () => {
  // axe-core is added to the page as a script (expectEnglish), which the CSP would refuse.
  test.use({ bypassCSP: true });

  test('the map takes the width of the window, at 1280 and 1920 pixels, and overflows nowhere', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await createProfile(page);
    await importCsv(page, FORK_ACTORS, FORK_TIES);
    await open(page, '/netwerkkaart?weergave=kaart');
    const map = page.getByTestId('network-map');
    await expect(map.locator('g.net-node')).toHaveCount(5);
    // The drawing's frame (the SVG fills it, inside its 1 px border).
    const frame = page.locator('.net-map');

    // 1280: main's column is 70rem less its padding (1072 px); the map is wider than
    // that, and reaches to 24 px (main's padding) from each edge of the window.
    const col = await column(page);
    expect(col).toBe(1072);
    let box = await frame.boundingBox();
    let inner = await page.evaluate(() => document.documentElement.clientWidth);
    expect(box.width).toBeGreaterThan(col);
    expect(Math.abs(box.x - 24)).toBeLessThanOrEqual(1);
    expect(Math.abs(inner - 24 - (box.x + box.width))).toBeLessThanOrEqual(1);
    // It fits in the window's height, with its controls.
    expect(box.height).toBeLessThanOrEqual(800 - 8 * 16 + 1);
    // The drawing fills the box: its viewBox has the box's shape.
    const shape = async () => {
      const [, , w, h] = (await map.getAttribute('viewBox')).split(' ').map(Number);
      const svg = await map.boundingBox();
      return [w / h, svg.width / svg.height];
    };
    // The map measures itself when shown and on every resize: wait for that, not a time.
    const misfit = async () => {
      const [drawn, screen] = await shape();
      return Math.abs(drawn - screen);
    };
    await expect.poll(misfit).toBeLessThan(0.01);
    expect((await overflow(page)).pixels).toBe(0);

    // 1920: the map and the form beside it take the width; the map alone is still
    // wider than main's column.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(async () => (await frame.boundingBox()).width).toBeGreaterThan(col + 300);
    box = await frame.boundingBox();
    inner = await page.evaluate(() => document.documentElement.clientWidth);
    const side = await page.locator('.net-side').boundingBox();
    expect(side.x).toBeGreaterThan(box.x + box.width);
    expect(Math.abs(inner - 24 - (side.x + side.width))).toBeLessThanOrEqual(1);
    expect(Math.abs(box.x - 24)).toBeLessThanOrEqual(1);
    expect((await overflow(page)).pixels).toBe(0);
    await expect.poll(misfit).toBeLessThan(0.01);

    // A phone's width: the map is main's column, and nothing needs scrolling sideways.
    await page.setViewportSize({ width: 360, height: 740 });
    await expect.poll(async () => (await frame.boundingBox()).width).toBeLessThan(360);
    box = await frame.boundingBox();
    expect(Math.round(box.width)).toBe(await column(page));
    expect((await overflow(page)).pixels).toBe(0);
  });

  test('labels show at least 11 pixels on the screen at 1280×800, zoomed out too', async ({ page }) => {
    const map = await openBigMap(page);

    const check = async (state) => {
      const sizes = await labelSizes(page);
      expect(sizes).toHaveLength(33);
      for (const s of sizes) {
        expect(s.px, `${state}: ${s.name}`).toBeGreaterThanOrEqual(11);
        expect(s.height, `${state}: ${s.name}`).toBeGreaterThanOrEqual(11);
      }
      return sizes[0].px;
    };
    // 13 px at the default zoom.
    expect(Math.abs((await check('default zoom')) - 13)).toBeLessThan(0.2);
    // Zoomed out twice the drawing shrinks, the labels do not.
    const before = (await map.locator('g.net-node path').first().boundingBox()).width;
    await page.getByRole('button', { name: 'Uitzoomen' }).click();
    await page.getByRole('button', { name: 'Uitzoomen' }).click();
    await expect.poll(async () => (await map.locator('g.net-node path').first().boundingBox()).width)
      .toBeLessThan(before * 0.7);
    expect(Math.abs((await check('zoomed out')) - 13)).toBeLessThan(0.2);
    // A narrower window: still 13 px.
    await page.setViewportSize({ width: 900, height: 800 });
    await expect.poll(async () => (await labelSizes(page))[0].px).toBeGreaterThan(12.8);
    await check('900 pixels wide');
  });

  test('sizing by influence and by betweenness gives the radii worked out by hand, and moves no node', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await createProfile(page);
    await importCsv(page, FORK_ACTORS, FORK_TIES);
    await open(page, '/netwerkkaart?weergave=kaart');
    const map = page.getByTestId('network-map');
    await expect(map.locator('g.net-node')).toHaveCount(5);
    await saved(page);
    const before = await places(page);
    const group = page.getByRole('group', { name: 'Grootte van de actoren' });

    // All the same by default: the shapes' own size, 14.
    await expect(group.getByRole('radio', { name: 'Allemaal even groot' })).toBeChecked();
    expect(await radii(page)).toEqual({ ik: '14.0', Anna: '14.0', Bram: '14.0', Cor: '14.0', Dirk: '14.0' });
    const same = await shapeWidth(page, 'Bram');

    // By influence: 5 → 30, 1 → 10, 3 → √500, 2 → √300; the star keeps 14.
    await group.getByRole('radio', { name: 'Naar invloed (1–5)' }).check();
    await expect(map.locator('g.net-node', { hasText: 'Anna' }).locator('path')).toHaveAttribute('data-radius', '30.0');
    expect(await radii(page)).toEqual({ ik: '14.0', Anna: '30.0', Bram: '10.0', Cor: '22.4', Dirk: '17.3' });
    await expect(map.getByRole('button', { name: 'Cor, persoon, invloed 3 van 5' })).toBeVisible();
    await expect(page.getByTestId('map-size-note')).toContainText('hoe meer invloed');
    expect(await shapeWidth(page, 'Bram') / same).toBeCloseTo(10 / 14, 2);

    // By betweenness (by keyboard: the arrow key moves within the group): Bram 30,
    // Anna √580 (3/5 of Bram's), Cor and Dirk 10.
    await group.getByRole('radio', { name: 'Naar invloed (1–5)' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(group.getByRole('radio', { name: 'Naar makelaarsrol (tussenpositie)' })).toBeChecked();
    await expect(map.locator('g.net-node', { hasText: 'Bram' }).locator('path')).toHaveAttribute('data-radius', '30.0');
    expect(await radii(page)).toEqual({ ik: '14.0', Anna: '24.1', Bram: '30.0', Cor: '10.0', Dirk: '10.0' });
    await expect(map.getByRole('button', { name: 'Bram, persoon, tussenpositie 0,83' })).toBeVisible();
    await expect(map.getByRole('button', { name: 'Anna, persoon, tussenpositie 0,50' })).toBeVisible();
    expect(await shapeWidth(page, 'Bram') / same).toBeCloseTo(30 / 14, 2);
    // The labels sit below the larger shapes: Bram's label starts under his circle.
    const circle = await map.locator('g.net-node', { hasText: 'Bram' }).locator('path').boundingBox();
    const text = await map.locator('g.net-node', { hasText: 'Bram' }).locator('text').boundingBox();
    expect(text.y).toBeGreaterThanOrEqual(circle.y + circle.height);

    // Nothing moved, nothing was saved as a change of the map.
    expect(await places(page)).toEqual(before);
    await expect(page.getByTestId('save-status')).toHaveText(/Opgeslagen/);

    // The choice stays for the session, across the page's views...
    await page.getByRole('link', { name: 'Tabel' }).click();
    await page.getByRole('link', { name: 'Kaart', exact: true }).click();
    await expect(group.getByRole('radio', { name: 'Naar makelaarsrol (tussenpositie)' })).toBeChecked();
    expect((await radii(page)).Bram).toBe('30.0');
    // ...and the arrow keys still move a node, by 20 map units, sized or not.
    const node = map.locator('g.net-node', { hasText: 'Bram' });
    await node.focus();
    await page.keyboard.press('ArrowRight');
    const [, x, y] = before[await node.getAttribute('data-node')].match(/^translate\((-?[\d.]+) (-?[\d.]+)\)$/).map(Number);
    await expect(node).toHaveAttribute('transform', `translate(${(x + 20).toFixed(1)} ${y.toFixed(1)})`);
    await saved(page);

    // A reload starts from all the same size again: the choice is not in the document.
    await page.reload();
    await expect(page.locator('html[data-leerspoor="ready"]')).toBeAttached();
    await expect(group.getByRole('radio', { name: 'Allemaal even groot' })).toBeChecked();
    expect((await radii(page)).Bram).toBe('14.0');
  });

  // Issue 20: a move rescales nothing. The box is fitted to the nodes when the map is
  // shown (and on another filter, another window size, "Opnieuw plaatsen", "Alles
  // tonen"); moving one actor keeps it, until that actor would leave it.
  test('moving an actor keeps the view box, until the actor would leave it', async ({ page }) => {
    const map = await openBigMap(page);
    await saved(page);
    const viewBox = async () => (await map.getAttribute('viewBox')).split(' ').map(Number);
    // Measured on the screen first: the box has the drawing's shape.
    await expect.poll(async () => {
      const [, , w, h] = await viewBox();
      const svg = await map.boundingBox();
      return Math.abs(w / h - svg.width / svg.height);
    }).toBeLessThan(0.01);
    const before = await places(page);
    const xy = (t) => t.match(/^translate\((-?[\d.]+) (-?[\d.]+)\)$/).slice(1).map(Number);
    // The leftmost actor: it sets the box's left edge.
    const [id] = Object.entries(before).filter(([k]) => k !== 'ik').sort((a, b) => xy(a[1])[0] - xy(b[1])[0])[0];
    const node = map.locator(`g.net-node[data-node="${id}"]`);
    const [x, y] = xy(before[id]);
    const fitted = await viewBox();

    // One step inwards: fitting again would shrink the box; it stays as it was.
    await node.focus();
    await page.keyboard.press('ArrowRight');
    await expect(node).toHaveAttribute('transform', `translate(${(x + 20).toFixed(1)} ${y.toFixed(1)})`);
    await saved(page);
    expect(await viewBox()).toEqual(fitted);
    const others = (all) => Object.fromEntries(Object.entries(all).filter(([k]) => k !== id));
    expect(others(await places(page))).toEqual(others(before));

    // Outwards, step by step: the box stays while the actor is 30 map units or more
    // inside its edge, and grows around it at the step that would bring it closer.
    const steps = Math.floor((x + 20 - fitted[0] - 30) / 20) + 1;
    expect(steps).toBeGreaterThan(1);
    const at = (k) => `translate(${(x + 20 - 20 * k).toFixed(1)} ${y.toFixed(1)})`;
    for (let k = 1; k < steps; k++) await page.keyboard.press('ArrowLeft');
    await expect(node).toHaveAttribute('transform', at(steps - 1));
    await saved(page);
    expect(await viewBox()).toEqual(fitted);
    await page.keyboard.press('ArrowLeft');
    await expect(node).toHaveAttribute('transform', at(steps));
    await expect.poll(async () => (await viewBox())[0]).toBeLessThan(fitted[0]);
    const grown = await viewBox();
    expect(x + 20 - 20 * steps).toBeGreaterThanOrEqual(grown[0] + 30);
    await expect(node).toBeFocused();

    // Back inwards: kept again. "Alles tonen" fits the box to the nodes anew.
    for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowRight');
    await expect(node).toHaveAttribute('transform', `translate(${(x + 20).toFixed(1)} ${y.toFixed(1)})`);
    expect(await viewBox()).toEqual(grown);
    await page.getByRole('button', { name: 'Alles tonen' }).click();
    await expect.poll(async () => (await viewBox())[0]).toBeGreaterThan(grown[0]);
    await saved(page);
    expect(others(await places(page))).toEqual(others(before));
  });

  test('the size choice in English', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await createProfile(page, { name: 'Sam Jones' });
    await importCsv(page, FORK_ACTORS, FORK_TIES);
    await open(page, '/netwerkkaart?weergave=kaart');
    await page.getByTestId('language-switch').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const group = page.getByRole('group', { name: 'Size of the actors' });
    await expect(group.getByRole('radio', { name: 'All the same size' })).toBeChecked();
    await expect(page.getByTestId('map-size-note')).toHaveText('All actors are the same size.');
    await group.getByRole('radio', { name: 'By influence (1–5)' }).check();
    await expect(page.getByRole('button', { name: 'Dirk, person, influence 2 out of 5' })).toBeVisible();
    await group.getByRole('radio', { name: 'By brokerage (betweenness)' }).check();
    await expect(page.getByRole('button', { name: 'Bram, person, betweenness 0.83' })).toBeVisible();
    await expect(page.getByTestId('map-size-note')).toContainText('the largest is the strongest broker');
    await expectEnglish(page, 'map sized by betweenness');
  });
});
