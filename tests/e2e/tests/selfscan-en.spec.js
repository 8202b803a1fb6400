// The self-scan in English with data in it: every step of the default framework, a
// finished scan, results with a comparison and a rating by someone else, goals and the
// framework editor. language.spec.js tours the pages empty.
import { test, expect } from '@playwright/test';
import { open, expectEnglish } from './helpers.js';

test.use({ bypassCSP: true });

async function saved(page) {
  await expect(page.getByTestId('save-status')).toHaveText(/Saved/);
}

/** Rates every indicator of every step at `level`, checking each step, and finishes. */
async function fillAndFinish(page, level, check = false) {
  for (let step = 1; step <= 9; step++) {
    await expect(page.getByText(`Competency ${step} of 9`)).toBeVisible();
    const groups = page.locator('fieldset.indicator');
    const n = await groups.count();
    for (let i = 0; i < n; i++) {
      await groups.nth(i).locator(`input[type=radio][value="${level}"]`).check();
    }
    await page.locator('select[id^="target-"]').selectOption('4');
    if (check) await expectEnglish(page, `step ${step}`);
    if (step < 9) await page.getByRole('button', { name: 'Next' }).click();
  }
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByText(/This scan was finished on/)).toBeVisible();
  await saved(page);
}

test('the self-scan reads in English with scans, results and goals in it', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, '/');
  await page.getByTestId('language-switch').click();
  await page.getByLabel('Your name').fill('Sam Jones');
  await page.getByLabel('Participant', { exact: true }).check();
  await page.getByLabel('Name of the course').fill('City Works Course 2026');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByTestId('profile-badge')).toContainText('Sam Jones');

  // A baseline, every step checked, and the finished scan.
  await open(page, '/zelfscan');
  await page.getByRole('button', { name: 'New self-scan' }).click();
  await expect(page.getByLabel('Type of scan').locator('option:checked')).toHaveText('Baseline');
  await page.getByRole('button', { name: 'Start the scan' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Reading the network' })).toBeVisible();
  await expect(page.getByText("Don't know / not applicable").first()).toBeVisible();
  await fillAndFinish(page, '2', true);
  await expectEnglish(page, 'finished scan');

  // Copied as the interim scan, and a rating by someone else.
  await open(page, '/zelfscan');
  await page.getByRole('button', { name: 'Copy as new draft' }).click();
  await expect(page).toHaveURL(/\/zelfscan\/scan\//);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Interim scan');
  await fillAndFinish(page, '3');
  await open(page, '/zelfscan');
  await page.getByRole('button', { name: 'Rating by someone else' }).click();
  await page.getByLabel("Rater's name").fill('Pat Lee');
  await page.getByLabel("Rater's role").selectOption('Manager');
  await page.getByRole('button', { name: 'Start the scan' }).click();
  await fillAndFinish(page, '4');
  await open(page, '/zelfscan');
  await expect(page.getByTestId('scan-list')).toContainText('Baseline');
  await expect(page.getByTestId('scan-list')).toContainText('Finished');
  await expectEnglish(page, 'scans overview');

  // Results: radar with its table, change, strengths and gaps, the other's view.
  await open(page, '/zelfscan/resultaten');
  await page.getByText('Table with the same figures').click();
  await expect(page.getByTestId('radar-table')).toContainText('Reading the network');
  await expect(page.getByTestId('delta-table')).toContainText('+1.0');
  await expect(page.getByTestId('gaps')).toContainText('target level 4');
  await expect(page.getByTestId('rater-table')).toContainText('notable difference');
  await expectEnglish(page, 'results');

  // A development goal.
  await open(page, '/zelfscan/doelen');
  await page.getByRole('button', { name: 'New development goal' }).click();
  await page.getByLabel('Title').fill('Map the network of the park project');
  await page.getByLabel('Reading the network').check();
  await page.getByLabel('New action').fill('Draw the map with the team');
  await page.getByRole('button', { name: 'Add action' }).click();
  await page.getByLabel('Status').selectOption('In progress');
  await page.getByRole('button', { name: 'Save goal' }).click();
  await expect(page.getByTestId('goal-list')).toContainText('Status: In progress');
  await saved(page);
  await expectEnglish(page, 'goals');
  await open(page, '/zelfscan/resultaten');
  await expect(page.getByTestId('goal-summary')).toContainText('Competencies: Reading the network');
  await expectEnglish(page, 'results with a goal');

  // The framework editor: headings in English, a competency opened.
  await open(page, '/zelfscan/kader');
  await expect(page.getByRole('heading', { level: 2, name: 'Advisor, City Management (version 1)' })).toBeVisible();
  await page.getByText('Reading the network', { exact: true }).click();
  await expect(page.getByLabel('Competency name').first()).toHaveValue('Het netwerk lezen');
  await expectEnglish(page, 'framework');
});
