// Verhalend verbinden: a story plan per party linked to a case, filled in by keyboard,
// who is reached and who not yet on the case and on the map, the broker suggestion
// leading to it, after a reload, in English, and nothing dangling when an actor goes.
import { test, expect } from '@playwright/test';
import { open, createProfile, storageDump, documentKey, goTo, axeViolations, expectEnglish } from './helpers.js';

// axe is injected as a script, which the app's Content-Security-Policy would block.
test.use({ bypassCSP: true });

async function storedDocument(page) {
  return JSON.parse((await storageDump(page))[await documentKey(page)]);
}

async function expectClean(page, state) {
  const violations = await axeViolations(page);
  expect(violations, `${state}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

/** A chain ik – Wijkagent Bakker – Wijkraad Oost – Bewonersgroep Speelplaats: the
 *  Wijkraad is a broker without a tie to "ik". */
async function mapWithThree(page) {
  await open(page, '/netwerkkaart?weergave=importeren');
  await page.getByLabel('Of plak de actoren').fill('naam\nWijkraad Oost\nBewonersgroep Speelplaats\nWijkagent Bakker\n');
  await page.getByLabel('Of plak de relaties').fill(
    'van,naar\nik,Wijkagent Bakker\nWijkagent Bakker,Wijkraad Oost\nWijkraad Oost,Bewonersgroep Speelplaats\n');
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await page.getByRole('button', { name: 'Importeren' }).click();
  await expect(page.getByTestId('net-status')).toContainText('Ingelezen');
}

async function actorId(page, name) {
  await expect.poll(async () => (await storedDocument(page)).network.actors.length).toBe(3);
  return (await storedDocument(page)).network.actors.find((a) => a.name === name).id;
}

/** A new case linked to the two parties. */
async function caseWithTwoParties(page, title = 'Speelplaats Oost') {
  await goTo(page, 'Casusjournaal');
  await page.getByLabel('Titel van een nieuw vraagstuk').fill(title);
  await page.getByRole('button', { name: 'Nieuwe casus' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const reach = page.getByTestId('story-reach');
  await expect(reach).toContainText('Nog geen partijen');
  await page.getByRole('checkbox', { name: 'Wijkraad Oost' }).check();
  await page.getByRole('checkbox', { name: 'Bewonersgroep Speelplaats' }).check();
  await expect(reach).toHaveText('0 van 2 partijen bereikt');
}

const plan = (page, name) => page.locator('details.story-plan', { hasText: name });

test('a story plan per party by keyboard, reached and not yet on the case, the map and after a reload', async ({ page }) => {
  await createProfile(page);
  await mapWithThree(page);
  const wijkraad = await actorId(page, 'Wijkraad Oost');
  const bewoners = await actorId(page, 'Bewonersgroep Speelplaats');
  await caseWithTwoParties(page);
  const reach = page.getByTestId('story-reach');
  const section = page.getByRole('region', { name: 'Verhalend verbinden' });
  await expect(section).toBeVisible();
  // Each party in words: no plan yet. By name, as the eye expects.
  await expect(section.locator('details.story-plan summary')).toHaveText([
    '○ Bewonersgroep Speelplaats: nog geen verhaalplan',
    '○ Wijkraad Oost: nog geen verhaalplan',
  ]);

  // The Wijkraad's plan, every step by keyboard: open the disclosure, Tab through the fields.
  const kb = page.keyboard;
  await plan(page, 'Wijkraad Oost').locator('summary').focus();
  await kb.press('Enter');
  await kb.press('Tab');
  await expect(page.getByRole('group', { name: 'Verhaalplan voor Wijkraad Oost' }).getByLabel('Waar geeft deze partij om?')).toBeFocused();
  await kb.type('Een veilige buurt');
  await kb.press('Tab'); await kb.type('Een schone speelplaats is een veilige speelplaats');
  await expect(page.getByTestId(`story-${wijkraad}-state`)).toHaveText('gepland, nog niet verteld');
  await expect(reach).toHaveText('0 van 2 partijen bereikt, 1 gepland');
  await kb.press('Tab'); await kb.type('De wijkagent ');
  await kb.press('Tab'); await kb.type('Wijkraadsvergadering 14 april');
  await kb.press('Tab'); await kb.press('Space');
  await kb.press('Tab'); await kb.type('Goed: ze zetten het op de agenda');
  await expect(page.getByTestId(`story-${wijkraad}-state`)).toHaveText('verteld, bereikt');
  await expect(reach).toHaveText('1 van 2 partijen bereikt');

  // The residents: only what they care about, so far.
  const residents = page.getByRole('group', { name: 'Verhaalplan voor Bewonersgroep Speelplaats' });
  await plan(page, 'Bewonersgroep Speelplaats').locator('summary').click();
  await residents.getByLabel('Waar geeft deze partij om?').fill('Spelende kinderen');
  await expect(page.getByTestId(`story-${bewoners}-state`)).toHaveText('gepland, nog niet verteld');
  await expect(reach).toHaveText('1 van 2 partijen bereikt, 1 gepland');
  await expect(section.locator('details.story-plan summary')).toHaveText([
    '◐ Bewonersgroep Speelplaats: gepland, nog niet verteld',
    '● Wijkraad Oost: verteld, bereikt',
  ]);
  await expectClean(page, 'case with two story plans open');

  const expected = [
    { actor: wijkraad, cares: 'Een veilige buurt', story: 'Een schone speelplaats is een veilige speelplaats',
      messenger: 'De wijkagent', when_where: 'Wijkraadsvergadering 14 april', told: true, landed: 'Goed: ze zetten het op de agenda' },
    { actor: bewoners, cares: 'Spelende kinderen', story: '', messenger: '', when_where: '', told: false, landed: '' },
  ].sort((a, b) => a.actor.localeCompare(b.actor));
  await expect.poll(async () => (await storedDocument(page)).journal.cases[0].stories).toEqual(expected);

  // After a reload all of it is still there.
  await page.reload();
  await expect(reach).toHaveText('1 van 2 partijen bereikt, 1 gepland');
  await plan(page, 'Wijkraad Oost').locator('summary').click();
  const council = page.getByRole('group', { name: 'Verhaalplan voor Wijkraad Oost' });
  await expect(council.getByLabel('Wie vertelt het?')).toHaveValue('De wijkagent');
  await expect(council.getByLabel('Het verhaal is verteld: deze partij is bereikt')).toBeChecked();
  await expect(council.getByLabel('Hoe kwam het aan?')).toHaveValue('Goed: ze zetten het op de agenda');

  // The map, for this case: who has the story, in words and by ring, beside and on the map.
  await page.getByRole('link', { name: 'Bekijk op de netwerkkaart wie het verhaal al kent' }).click();
  await expect(page).toHaveURL(/casus=/);
  const map = page.getByTestId('network-map');
  // The two parties, and "ik".
  await expect(map.locator('g.net-node')).toHaveCount(3);
  const councilNode = map.locator(`g.net-node[data-node="${wijkraad}"]`);
  const residentsNode = map.locator(`g.net-node[data-node="${bewoners}"]`);
  await expect(councilNode).toHaveAttribute('aria-label', 'Wijkraad Oost, persoon, verhaal: verteld, bereikt');
  await expect(councilNode.locator('tspan')).toHaveText('(verteld)');
  await expect(councilNode.locator('circle.net-story-ring.story-told')).toHaveCount(1);
  await expect(residentsNode.locator('tspan')).toHaveText('(gepland)');
  await expect(residentsNode.locator('circle.net-story-ring.story-planned')).toHaveCount(1);
  const panel = page.getByTestId('map-stories');
  await expect(panel.getByRole('heading')).toHaveText('Verhalen voor casus “Speelplaats Oost”');
  await expect(page.getByTestId('map-stories-reach')).toHaveText('1 van 2 partijen bereikt');
  await expect(panel.getByRole('listitem')).toHaveText([
    'Bewonersgroep Speelplaats: gepland, nog niet verteld',
    'Wijkraad Oost: verteld, bereikt',
  ]);
  await expectClean(page, 'map with the stories of a case');
  // All actors: no story marks.
  await page.getByLabel('Casus', { exact: true }).selectOption({ label: 'Alle actoren' });
  await expect(map.locator('g.net-node')).toHaveCount(4);
  await expect(map.locator('tspan')).toHaveCount(0);
  await expect(page.getByTestId('map-stories')).toHaveCount(0);

  // The analysis: the broker's suggestion leads to its story plan in the open case.
  await page.getByRole('link', { name: 'Analyse' }).click();
  const hint = page.getByTestId('suggestions').getByRole('listitem').filter({ hasText: 'Wijkraad Oost verbindt groepen' });
  await hint.getByRole('link', { name: 'Verhaalplan in casus “Speelplaats Oost”' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Speelplaats Oost');
  await expect(page).toHaveURL(/#verhalen$/);
  await expect(page.getByRole('region', { name: 'Verhalend verbinden' })).toBeInViewport();
});

test('unlinking keeps the plan apart; removing the actor from the map leaves no plan behind', async ({ page }) => {
  await createProfile(page);
  await mapWithThree(page);
  const bewoners = await actorId(page, 'Bewonersgroep Speelplaats');
  await caseWithTwoParties(page);
  const reach = page.getByTestId('story-reach');
  await plan(page, 'Bewonersgroep Speelplaats').locator('summary').click();
  await page.getByRole('group', { name: 'Verhaalplan voor Bewonersgroep Speelplaats' }).getByLabel('Wie vertelt het?').fill('Buurtwerker Ahmed');
  await expect(reach).toHaveText('0 van 2 partijen bereikt, 1 gepland');

  // Unlinked: no longer counted, but the plan is kept and shown apart.
  await page.getByRole('checkbox', { name: 'Bewonersgroep Speelplaats' }).uncheck();
  await expect(reach).toHaveText('0 van 1 partij bereikt');
  const section = page.getByRole('region', { name: 'Verhalend verbinden' });
  await expect(section.getByRole('heading', { name: 'Niet meer betrokken' })).toBeVisible();
  await expect(plan(page, 'Bewonersgroep Speelplaats')).toHaveCount(1);
  await plan(page, 'Bewonersgroep Speelplaats').locator('summary').click();
  await expect(page.getByRole('group', { name: 'Verhaalplan voor Bewonersgroep Speelplaats' }).getByLabel('Wie vertelt het?'))
    .toHaveValue('Buurtwerker Ahmed');
  await expect(page.getByRole('button', { name: 'Verhaalplan voor Bewonersgroep Speelplaats verwijderen' })).toHaveCount(1);
  await expectClean(page, 'case with a plan no longer involved');
  // Linked again, it counts again with what was written.
  await page.getByRole('checkbox', { name: 'Bewonersgroep Speelplaats' }).check();
  await expect(reach).toHaveText('0 van 2 partijen bereikt, 1 gepland');
  await expect(section.getByRole('heading', { name: 'Niet meer betrokken' })).toHaveCount(0);
  await expect.poll(async () => (await storedDocument(page)).journal.cases[0].stories?.map((s) => s.actor)).toEqual([bewoners]);

  // Removed from the map: the link and the plan go along.
  await open(page, '/netwerkkaart?weergave=tabel');
  await page.getByRole('button', { name: 'Verwijderen: Bewonersgroep Speelplaats' }).click();
  await expect(page.getByTestId('confirm-question')).toContainText('1 relatie en 1 koppeling');
  await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect.poll(async () => (await storedDocument(page)).journal.cases[0].stories).toBeUndefined();
  expect((await storedDocument(page)).journal.cases[0].actors).toHaveLength(1);

  // The document still comes through the door after a reload: nothing kept aside.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Netwerkkaart');
  await expect(page.getByTestId('kept-notice')).toHaveCount(0);
  await goTo(page, 'Casusjournaal');
  await page.getByRole('link', { name: 'Speelplaats Oost' }).click();
  await expect(reach).toHaveText('0 van 1 partij bereikt');
  await expect(plan(page, 'Bewonersgroep Speelplaats')).toHaveCount(0);
});

test('story plans in English, on the case and on the map', async ({ page }) => {
  // A name without a Dutch word in it, so the check for Dutch lines reads the interface.
  await createProfile(page, { name: 'Sanne Jansen' });
  await mapWithThree(page);
  const wijkraad = await actorId(page, 'Wijkraad Oost');
  await caseWithTwoParties(page, 'Playground East');
  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const reach = page.getByTestId('story-reach');
  await expect(reach).toHaveText('0 of 2 parties reached');
  await plan(page, 'Wijkraad Oost').locator('summary').click();
  const council = page.getByRole('group', { name: 'Story plan for Wijkraad Oost' });
  await council.getByLabel('What does this party care about?').fill('A safe neighbourhood');
  await council.getByLabel('The story', { exact: true }).fill('A clean playground is a safe playground');
  await council.getByLabel('Who tells it?').fill('The police officer');
  await council.getByLabel('When and where?').fill('Council meeting in April');
  await council.getByLabel('The story has been told: this party is reached').check();
  await council.getByLabel('How did it land?').fill('Well: they put it on their agenda');
  await expect(page.getByTestId(`story-${wijkraad}-state`)).toHaveText('told, reached');
  await expect(reach).toHaveText('1 of 2 parties reached');
  await expectEnglish(page, 'case with a story plan');

  await page.getByRole('link', { name: 'See on the network map who already knows the story' }).click();
  await expect(page.getByTestId('map-stories-reach')).toHaveText('1 of 2 parties reached');
  await expect(page.getByTestId('network-map').locator(`g.net-node[data-node="${wijkraad}"] tspan`)).toHaveText('(told)');
  await expectEnglish(page, 'map with the stories of a case');
});
