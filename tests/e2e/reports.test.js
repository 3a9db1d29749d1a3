// Reports: the region officer opens the network report (her home), filters a district, sees
// the map and the trend, and downloads the XLSX; she sets a provider's network parameters and
// development plan and sees the shortfall in the network report; a manager opens her
// provider's month and downloads the state's annual figures.
// The built app against the native test host with the demo.
//
// Run: app/build.sh && cargo build -p epece-tests --bin epece-host && (cd tests/e2e && npm ci && npm test)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LAPTOP, hostAndBrowser, openPage, signIn } from './browser.js';

const TEST_TIMEOUT = 120_000;

describe('reports', { timeout: 5 * TEST_TIMEOUT }, () => {
  const suite = hostAndBrowser();

  // Signed in once the app leaves the sign-in page: a request or a navigation sent before
  // that has no session yet (on a loaded machine the password check takes a while).
  async function signedIn(username) {
    const { context, page, problems } = await openPage(suite.browser, LAPTOP);
    await page.goto(new URL('/prihlaseni', suite.host.url).href);
    await signIn(page, { username, password: 'demo1234' });
    await page.waitForURL((url) => !url.pathname.startsWith('/prihlaseni'));
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
      await page.getByRole('heading', { name: 'Vyúčtované úhrady klientů' }).waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('the region officer sets a provider\'s parameters and the network report shows the shortfall', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, problems } = await signedIn('kraj');
    try {
      await page.waitForURL('**/kraj');
      await page.getByRole('link', { name: 'Parametry sítě a rozvojové plány poskytovatelů' }).click();
      await page.waitForURL('**/kraj/parametry');
      await page.getByLabel('Poskytovatel').selectOption({ label: 'Pečovatelská služba Děčín (demo)' });
      const saved = page.getByRole('table', { name: 'Uložené parametry a cíle' });
      await saved.waitFor();

      const fte = page.getByLabel('Cíl: úvazky pracovníků');
      await fte.fill('dva');
      await page.getByRole('button', { name: 'Uložit parametry' }).click();
      const note = page.locator('.field-error').filter({ hasText: 'Zadejte úvazky číslem, například 2,5.' });
      await note.waitFor();
      assert.equal(await fte.getAttribute('aria-invalid'), 'true', 'the field is marked');
      assert.equal(await fte.getAttribute('aria-describedby'), await note.getAttribute('id'), 'and described by its error');

      await fte.fill('2,5');
      await page.getByLabel('Nejméně hodin přímé péče za měsíc').fill('5000');
      await page.getByRole('button', { name: 'Uložit parametry' }).click();
      await page.getByRole('status').filter({ hasText: /^Uloženo: parametry platné od 1\. 1\. \d{4}\.$/u }).waitFor();
      await saved.getByRole('cell', { name: '2,50' }).waitFor();
      assert.equal(await fte.getAttribute('aria-invalid'), null, 'no error left');

      await page.getByRole('link', { name: 'Zpět na výkaz sítě' }).click();
      await page.waitForURL('**/kraj');
      const decin = page.locator('section[aria-labelledby="tabulka-providers"]')
        .getByRole('row').filter({ hasText: 'Pečovatelská služba Děčín (demo)' });
      await decin.waitFor();
      assert.match(await decin.innerText(), /Hodiny přímé péče: [\d\s]+(,\d\d)? z 60\s000(?!,)/u, 'short of 12 × 5,000 h, with the figure in Czech');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test("a manager downloads the state's annual figures", { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, problems } = await signedIn('vedouci.decin');
    try {
      await page.waitForURL('**/pracovnici');
      await page.goto(new URL('/vykazy', suite.host.url).href);
      await page.getByRole('heading', { name: 'Klienti podle stupně příspěvku na péči' }).waitFor();
      await page.getByLabel('Roční výkaz pro stát (rok období)').check();
      await page.getByRole('heading', { name: 'Údaje pro roční výkaz (OKslužby – poskytovatel)' }).waitFor();
      await page.getByRole('cell', { name: 'Kapacita', exact: true }).waitFor();

      const [workbook] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Stáhnout XLSX' }).click(),
      ]);
      assert.match(workbook.suggestedFilename(), /^rocni-vykaz-\d{4}\.xlsx$/u);
      assert.ok(await workbook.path(), 'the workbook was saved');
      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Stáhnout tabulku jako CSV' }).click(),
      ]);
      assert.match(csv.suggestedFilename(), /^rocni-vykaz-\d{4}-statement\.csv$/u);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test("a coordinator sets a client's new care-allowance level from a day and the manager's month counts the client under it", { timeout: TEST_TIMEOUT }, async () => {
    // The demo's records are yesterday's: its month, in Prague.
    const yesterday = new Date(Date.now() - 24 * 3600 * 1000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Prague' });
    const month = yesterday.slice(0, 7);
    const coordinator = await signedIn('koordinator.decin');
    const manager = await signedIn('vedouci.decin');
    const byLevel = async () => manager.page.evaluate(async (period) => {
      const report = await (await fetch(`/api/reports/provider?period=${period}`)).json();
      const table = report.tables.find((t) => t.key === 'clients_by_level');
      return Object.fromEntries(table.rows.map((row) => [row[0].v, row[1].v]));
    }, month);
    try {
      const page = coordinator.page;
      await page.goto(new URL('/klienti/cl-d1/plan', suite.host.url).href);
      const before = await byLevel();
      const client = await page.evaluate(async () => (await fetch('/api/schedule/clients/cl-d1')).json());
      const level = ((client.care_allowance_level ?? 0) % 4) + 1;
      const roman = ['I', 'II', 'III', 'IV'][level - 1];
      const old = ['bez příspěvku', 'I', 'II', 'III', 'IV'][client.care_allowance_level ?? 0];

      await page.getByRole('heading', { name: 'Příspěvek na péči' }).waitFor();
      await page.getByRole('button', { name: 'Uložit nový stupeň' }).click();
      assert.match(await page.locator('#allowance-error').innerText(), /Vyberte stupeň/u, 'the wrong field named');
      await page.getByLabel('Nový stupeň', { exact: true }).selectOption(String(level));
      await page.getByLabel('Nový stupeň platí od').fill(`${month}-01`);
      await page.getByRole('button', { name: 'Uložit nový stupeň' }).click();
      await page.locator('.allowance-current', { hasText: `Příspěvek na péči ${level}. stupně od ` }).waitFor();

      const after = await byLevel();
      assert.equal(after.Celkem, before.Celkem, 'the same clients');
      assert.equal(after[roman], before[roman] + 1, `the client counts under ${roman}`);
      assert.equal(after[old], before[old] - 1, `and no longer under ${old}`);
      assert.deepEqual(coordinator.problems, []);
      assert.deepEqual(manager.problems, []);
    } finally {
      await coordinator.context.close();
      await manager.context.close();
    }
  });
});
