// The office's today page end to end: the coordinator adds a visit for Jana that should have
// started 40 minutes ago and one nobody is assigned to, and the page "Dnes v kanceláři"
// lists the first as not started (with Jana by name) and the second as without a caregiver,
// beside the demo's unacknowledged incidents of yesterday; each links to where it is resolved.
//
// Run: app/build.sh && cargo build -p epece-tests --bin epece-host && (cd tests/e2e && npm ci && npm test)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LAPTOP, hostAndBrowser, openPage, signIn } from './browser.js';

const COORDINATOR = { username: 'koordinator.decin', password: 'demo1234' };
const JANA_ID = 'user-pecovatelka.decin';
const TEST_TIMEOUT = 120_000;

describe('the office\'s today page', { timeout: 2 * TEST_TIMEOUT }, () => {
  const suite = hostAndBrowser();

  test('the coordinator sees a visit not started with its caregiver, a visit without a caregiver and the open incidents, and opens the late visit\'s page', { timeout: TEST_TIMEOUT }, async (t) => {
    // The page lists today's late visits and this week's coming ones: in Prague's first 45
    // minutes of a day a visit 40 minutes late is yesterday's, and late on a Sunday a visit
    // 20 minutes ahead is next week's, so the scenario cannot be set up then.
    const [weekday, hour, minute] = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Prague', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .format(new Date()).split(/[ :]/);
    const pragueMinute = Number(hour) * 60 + Number(minute);
    if (pragueMinute < 45) {
      t.skip('a visit 40 minutes late would be yesterday\'s in Prague');
      return;
    }
    if (weekday === 'Sun' && pragueMinute >= 23 * 60 + 35) {
      t.skip('a visit 20 minutes ahead would be next week\'s in Prague');
      return;
    }
    const { context, page, problems } = await openPage(suite.browser, LAPTOP);
    try {
      await page.goto(new URL('/prihlaseni', suite.host.url).href);
      await signIn(page, COORDINATOR);
      await page.waitForURL('**/dnes');

      const added = await page.evaluate(async (jana) => {
        const add = async (client_id, startsAt, caregiver_ids) => (await fetch('/api/schedule/visits', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-requested-with': 'epece' },
          body: JSON.stringify({
            client_id, starts_at: new Date(startsAt).toISOString(), duration_minutes: 30, tasks: ['b1'],
            caregiver_ids, reason: 'Zkouška přehledu kanceláře',
          }),
        })).status;
        const lateStart = Date.now() - 40 * 60_000;
        return {
          statuses: [
            await add('cl-d2', lateStart, [jana]),
            await add('cl-d3', Date.now() + 20 * 60_000, []),
          ],
          // The demo's own visits of the client may be late too, depending on the hour.
          lateTime: new Intl.DateTimeFormat('cs-CZ', { timeZone: 'Europe/Prague', hour: 'numeric', minute: '2-digit' })
            .format(new Date(lateStart)),
        };
      }, JANA_ID);
      assert.deepEqual(added.statuses, [201, 201]);

      await page.getByRole('link', { name: 'Co dnes čeká na rozhodnutí →' }).click();
      await page.waitForURL('**/prehled');
      await page.getByRole('heading', { name: 'Dnes v kanceláři' }).waitFor();

      const late = page.locator('section[aria-labelledby="late-heading"] .waiting-visit', {
        hasText: `Josef Vzorový – ${added.lateTime}–`,
      });
      await late.waitFor();
      assert.match(await late.innerText(), /\(Jana Pečovatelka\): Nezačala, 4\d minut po dohodnutém čase/);
      const unassigned = page.locator('section[aria-labelledby="unassigned-heading"] .waiting-visit', { hasText: 'Anna Příkladová' });
      await unassigned.waitFor();
      assert.match(await unassigned.innerText(), /nikdo nepřidělen\): Bez pečovatele/);
      const incidents = page.locator('.waiting-incident');
      await incidents.first().waitFor();
      assert.ok((await incidents.count()) >= 1, 'the demo\'s incidents of yesterday wait for acknowledgement');
      assert.match(await incidents.first().innerText(), /hlásí \S+ \S+/);
      assert.doesNotMatch(await page.locator('main').innerText(), /user-|visit-|cl-d/, 'no raw id in the page');

      await late.getByRole('link').click();
      await page.waitForURL(/\/navstevy\//);
      await page.locator('.visit-caregivers').waitFor();
      assert.equal(await page.locator('.visit-caregivers').innerText(), 'Pečuje: Jana Pečovatelka');
      assert.equal(await page.locator('.visit-status').innerText(), 'Naplánováno, zatím bez záznamu');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
