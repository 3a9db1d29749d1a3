// Reports: the region officer opens the network report (her home), filters a district, sees
// the map and the trend, and downloads the XLSX; a manager opens her provider's month.
// The built app against the native test host with the demo.
//
// Run: app/build.sh && cargo build -p epece-tests --bin epece-host && (cd tests/e2e && npm ci && npm test)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LAPTOP, hostAndBrowser, openPage, signIn } from './browser.js';

const TEST_TIMEOUT = 120_000;

describe('reports', { timeout: 3 * TEST_TIMEOUT }, () => {
  const suite = hostAndBrowser();

  async function signedIn(username) {
    const { context, page, problems } = await openPage(suite.browser, LAPTOP);
    await page.goto(new URL('/prihlaseni', suite.host.url).href);
    await signIn(page, { username, password: 'demo1234' });
    return { context, page, problems };
  }

  test('the region officer filters a district, sees map and trend, downloads the XLSX', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, problems } = await signedIn('kraj');
    try {
      await page.waitForURL('**/kraj');
      await page.getByRole('heading', { name: 'Výkaz sítě kraje' }).waitFor();
      const map = page.locator('.report-map svg');
      await map.waitFor();
      assert.equal(await map.locator('circle').count(), 354, 'every municipality of the region');
      const hover = await map.locator('circle title').first().textContent();
      assert.match(hover, /\(ORP [^)]+\)/u, 'the ORP is named on hover');
      await page.getByRole('figure').filter({ hasText: 'Hodiny přímé péče po měsících' }).locator('svg').waitFor();

      await page.getByLabel('Okres').selectOption('Děčín');
      await page.getByRole('cell', { name: 'okres Děčín celkem' }).waitFor();
      assert.ok((await map.locator('circle').count()) < 354, 'the map shows the district');
      await page.getByLabel(/klientů na 1 000 obyvatel 60\+/u).check();
      await page.getByRole('listitem').filter({ hasText: 'nad 30' }).waitFor();

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Stáhnout XLSX' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /^vykaz-site-\d{4}\.xlsx$/u);
      const file = await download.path();
      assert.ok(file, 'the workbook was saved');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test("a manager opens her provider's month", { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, problems } = await signedIn('vedouci.decin');
    try {
      await page.waitForURL('**/pracovnici');
      await page.getByRole('navigation', { name: 'Hlavní nabídka' }).getByRole('link', { name: 'Výkazy' }).click();
      await page.waitForURL('**/vykazy');
      await page.getByRole('heading', { name: 'Klienti podle stupně příspěvku na péči' }).waitFor();
      assert.match(await page.locator('.report-scope').innerText(), /Pečovatelská služba Děčín/u);
      await page.getByRole('heading', { name: 'Hodiny přímé péče podle základních činností (§ 40)' }).waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
