// The week board on an office laptop (1366×768): the first caregiver's row is in view
// without scrolling; two visits of one caregiver that overlap sit in lanes, not drawn over
// each other; a done visit says so in words, cannot be dragged, and its dialog offers no
// move. The demo: every day Martin visits Karel Zkušební 7:00–8:30 and 12:00–12:30, and the visits of the
// day before the host started are done and recorded. On today's board a "now" line stands at
// the clock on every row, drives between visits are drawn, and the week overview under the
// board counts each caregiver's visits per day and opens a day on the board from the keyboard.
//
// Run: app/build.sh && cargo build -p epece-tests --bin epece-host && (cd tests/e2e && npm ci && node --test week-board-laptop.test.js)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hostAndBrowser, openPage, signIn, signedIn } from './browser.js';

const COORDINATOR = { username: 'koordinator.decin', password: 'demo1234' };
const MARTIN_ID = 'user-pecovatel.decin';
const LAPTOP_1366 = { viewport: { width: 1366, height: 768 } };
const TEST_TIMEOUT = 120_000;

/** Whether two DOM rectangles share any area. */
const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('the week board on a 1366×768 laptop', { timeout: TEST_TIMEOUT }, () => {
  const suite = hostAndBrowser();

  test('the first caregiver row is in view, overlapping visits sit in lanes, and a done visit is not offered to move', { timeout: TEST_TIMEOUT }, async () => {
    const planner = await openPage(suite.browser, LAPTOP_1366);
    try {
      const k = planner.page;
      await k.goto(new URL('/prihlaseni', suite.host.url).href);
      await signIn(k, COORDINATOR);
      await k.waitForURL('**/dnes');

      // A second visit to Karel at 12:15 today for Martin, overlapping his 12:00–12:30 one.
      const added = await k.evaluate(async (martin) => {
        const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague' }).format(new Date());
        const date = new Date(`${today}T12:00:00Z`);
        const monday = new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
        const board = await (await fetch(`/api/schedule/week/${monday}`)).json();
        // Martin visits Karel twice a day; the later one is at 12:00.
        const [karel] = board.visits
          .filter((v) => v.client_name === 'Karel Zkušební' && v.caregiver_ids.includes(martin)
            && new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague' }).format(new Date(v.starts_at)) === today)
          .sort((a, b) => b.starts_at.localeCompare(a.starts_at));
        const startsAt = new Date(new Date(karel.starts_at).getTime() + 15 * 60_000).toISOString();
        const response = await fetch('/api/schedule/visits', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-requested-with': 'epece' },
          body: JSON.stringify({
            client_id: karel.client_id, starts_at: startsAt, duration_minutes: 30, tasks: ['b1'],
            caregiver_ids: [martin], reason: 'Souběh pro zkoušku tabule',
          }),
        });
        return response.status;
      }, MARTIN_ID);
      assert.equal(added, 201);

      await k.goto(new URL('/tyden', suite.host.url).href);
      const firstRow = k.locator('.board-row[data-caregiver]:not([data-caregiver=""])').first();
      await firstRow.waitFor();
      const view = await firstRow.evaluate((row) => ({
        bottom: row.getBoundingClientRect().bottom,
        height: window.innerHeight,
        scrolled: window.scrollY,
      }));
      assert.equal(view.scrolled, 0);
      assert.ok(view.bottom <= view.height, `the first caregiver row ends at ${view.bottom}px of ${view.height}px`);

      const martinRow = k.locator(`.board-row[data-caregiver="${MARTIN_ID}"]`);
      const karel = martinRow.getByRole('button', { name: /^Karel Zkušební, 12:/ });
      await karel.nth(1).waitFor();
      const rects = await karel.evaluateAll((blocks) => blocks.map((b) => {
        const r = b.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }));
      assert.equal(rects.length, 2);
      assert.equal(overlap(rects[0], rects[1]), false, `drawn over each other: ${JSON.stringify(rects)}`);
      const title = await karel.first().getAttribute('title');
      assert.match(title, /^Karel Zkušební, 12:/, 'the full name on hover');

      // Yesterday's visits are done: in words, not draggable, and the dialog offers no move.
      await k.goto(new URL('/tyden', suite.host.url).href);
      const yesterday = await k.evaluate(() => {
        const day = new Date(Date.now() - 86_400_000);
        const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague' }).format(day);
        const [, month, dayOfMonth] = parts.split('-').map(Number);
        const date = new Date(`${parts}T12:00:00Z`);
        const monday = new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
        return { monday, label: ` ${dayOfMonth}. ${month}.` };
      });
      await k.goto(new URL(`/tyden/${yesterday.monday}`, suite.host.url).href);
      await k.getByRole('button', { name: new RegExp(`${yesterday.label.replace(/\./g, '\\.')}$`) }).click();
      const done = martinRow.locator('.block.done').first();
      await done.waitFor();
      assert.match(await done.getAttribute('aria-label'), /, hotovo$/);
      assert.match(await done.innerText(), /hotovo/);
      assert.equal(await done.getAttribute('draggable'), 'false');
      await done.focus();
      await k.keyboard.press('Enter');
      const dialog = k.getByRole('dialog');
      await dialog.waitFor();
      assert.match(await dialog.innerText(), /nelze přesunout, přeobsadit ani zrušit/);
      assert.equal(await dialog.getByRole('button', { name: 'Uložit změnu' }).count(), 0);
      await k.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      assert.deepEqual(planner.problems, []);
    } finally {
      await planner.context.close();
    }
  });

  test('today\'s board has a "now" line at the clock and drives between visits, and the week overview opens a day', { timeout: TEST_TIMEOUT }, async () => {
    const planner = await openPage(suite.browser, LAPTOP_1366);
    try {
      const k = planner.page;
      await signedIn(k, suite.host.url, COORDINATOR, '/dnes');
      await k.goto(new URL('/tyden', suite.host.url).href);
      const martinRow = k.locator(`.board-row[data-caregiver="${MARTIN_ID}"]`);
      await martinRow.locator('.block').first().waitFor();

      const prague = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Prague', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
      const [hour, minute] = prague.format(new Date()).split(':').map(Number);
      const minutes = hour * 60 + minute;
      const onTimeline = minutes >= 6 * 60 && minutes <= 21 * 60;
      const rows = await k.locator('.board-row').count();
      if (onTimeline) {
        assert.equal(await k.locator('.board-row .now-line').count(), rows, 'a now line on every row');
        const mark = (await k.locator('.board-scale .now-mark').innerText()).trim();
        const [markHour, markMinute] = mark.split(':').map(Number);
        assert.ok(Math.abs(markHour * 60 + markMinute - minutes) <= 1, `the scale says ${mark}`);
        const where = await martinRow.evaluate((row) => {
          const track = row.querySelector('.row-track').getBoundingClientRect();
          const line = row.querySelector('.now-line').getBoundingClientRect();
          return (line.left - track.left) / track.width;
        });
        const expected = (minutes - 6 * 60) / (15 * 60);
        assert.ok(Math.abs(where - expected) < 0.01, `the line at ${where} of the day, the clock at ${expected}`);
      } else {
        assert.equal(await k.locator('.now-line').count(), 0, 'outside the timeline\'s hours');
      }

      // Drives between visits of different addresses are drawn and labelled.
      const drive = k.locator('.board-row .travel').first();
      await drive.waitFor();
      assert.match(await drive.innerText(), /^cesta (\d+ h )?\d+ min/);

      // Another day of the week has no now line.
      const tabs = k.locator('.day-tabs .day-tab');
      const other = await tabs.evaluateAll((all) => all.findIndex((tab) => tab.getAttribute('aria-current') !== 'date'));
      await tabs.nth(other).click();
      await k.locator('.day-tab[aria-pressed="true"]').filter({ hasText: await tabs.nth(other).innerText() }).waitFor();
      assert.equal(await k.locator('.now-line').count(), 0, 'the line is on today only');

      // The overview: a row per caregiver, a cell per day, Czech counts; a day opens on the board.
      const overview = k.getByRole('region', { name: 'Přehled týdne' });
      const martin = overview.locator(`tr[data-caregiver="${MARTIN_ID}"]`);
      await martin.waitFor();
      const cells = await martin.locator('td').allInnerTexts();
      assert.equal(cells.length, 7);
      assert.ok(cells.every((cell) => /^(volno|bez návštěv, směna .+|\d+ návštěv[ay]?, .+)$/.test(cell)), JSON.stringify(cells));
      // Today's cell counts the visits today's board shows in Martin's row.
      const today = await tabs.evaluateAll((all) => all.findIndex((tab) => tab.getAttribute('aria-current') === 'date'));
      await tabs.nth(today).click();
      await k.locator('.day-tab[aria-current="date"][aria-pressed="true"]').waitFor();
      const blocks = await martinRow.locator('.block:not(.cancelled)').count();
      const counted = new RegExp(`^${blocks} návštěv${blocks === 1 ? 'a' : blocks < 5 ? 'y' : ''}, `);
      assert.match(cells[today], counted);
      await tabs.nth(other).click();
      const todayLabel = (await tabs.nth(today).innerText()).trim();
      const heading = overview.getByRole('button', { name: `${todayLabel} na tabuli` });
      await heading.focus();
      await k.keyboard.press('Enter');
      await k.locator('.day-tab[aria-current="date"][aria-pressed="true"]').waitFor();
      assert.equal(await heading.getAttribute('aria-pressed'), 'true');
      assert.deepEqual(planner.problems, []);
    } finally {
      await planner.context.close();
    }
  });
});
