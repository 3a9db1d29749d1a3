// The office's visit page end to end: the coordinator opens one of yesterday's demo visits
// (done and recorded by Jana: Prague 7:30–8:30) and reads who was there, what was recorded
// and the visit's history; from today's list, each visit links to its page.
//
// Run: app/build.sh && cargo build -p epece-tests --bin epece-host && (cd tests/e2e && npm ci && npm test)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LAPTOP, hostAndBrowser, openPage, signedIn } from './browser.js';

const COORDINATOR = { username: 'koordinator.decin', password: 'demo1234' };
const TEST_TIMEOUT = 120_000;
/** Yesterday's Prague date, `YYYY-MM-DD`: the demo's visits of yesterday are done and recorded. */
const YESTERDAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Prague' }).format(new Date(Date.now() - 86_400_000));

describe('the office\'s visit page', { timeout: 2 * TEST_TIMEOUT }, () => {
  const suite = hostAndBrowser();

  test('the coordinator reads what the caregiver recorded on a done visit, and opens today\'s visits from the home list', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, problems } = await openPage(suite.browser, LAPTOP);
    try {
      await signedIn(page, suite.host.url, COORDINATOR, '/dnes');

      await page.goto(new URL(`/navstevy/visit-${YESTERDAY}-00`, suite.host.url).href);
      const heading = page.locator('#visit-heading');
      await heading.waitFor();
      assert.match(await heading.innerText(), /^Návštěva: \S+ \S+/);
      assert.equal(await page.locator('.visit-caregivers').innerText(), 'Pečuje: Jana Pečovatelka');
      assert.equal(await page.locator('.visit-status').innerText(), 'Hotovo, záznam přijat');
      assert.match(await page.locator('.visit-facts time').innerText(), /7:30–8:30$/);

      const record = page.locator('.visit-record-summary');
      await record.waitFor();
      assert.match(await record.locator('h3').innerText(), /^Záznam: Jana Pečovatelka, /);
      assert.equal(await record.locator('.record-arrived').innerText(), '7:30');
      assert.equal(await record.locator('.record-left').innerText(), '8:30');
      assert.equal(await record.locator('.record-tasks li').count(), 2, 'the two tasks of the plan');
      const body = await page.locator('main').innerText();
      assert.doesNotMatch(body, /user-|visit-|cl-d/, 'no raw id in the page');
      await page.getByRole('heading', { name: 'Historie návštěvy' }).waitFor();
      assert.match(await page.title(), /^Návštěva: /);

      // From the home list: every visit of today links to its page.
      await page.goto(new URL('/dnes', suite.host.url).href);
      const link = page.getByRole('link', { name: 'Detail návštěvy' }).first();
      await link.waitFor();
      await link.click();
      await page.waitForURL(/\/navstevy\/visit-/);
      await page.locator('#visit-heading').waitFor();
      assert.match(await page.locator('.visit-caregivers').innerText(), /^Pečuje: \S+ \S+/);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
