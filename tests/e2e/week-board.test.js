// The planner's week board end to end: the coordinator drags a visit onto a caregiver who
// is busy then, sees the conflict, moves it elsewhere from the keyboard; the caregiver's
// day shows the change. The built app against the native test host with demo data
// (every day: Martin visits Karel Zkušební 12:00–12:30; Jana visits Věra Modelová
// 13:00–13:45 and is free after).
//
// Run: app/build.sh && cargo build -p epece-tests --bin epece-host && (cd tests/e2e && npm ci && npm test)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LAPTOP, PHONE, hostAndBrowser, openPage, signedIn } from './browser.js';

const COORDINATOR = { username: 'koordinator.decin', password: 'demo1234' };
const JANA = { username: 'pecovatelka.decin', password: 'demo1234' };
const TEST_TIMEOUT = 120_000;
// The board's timeline runs 06:00–21:00.
const fractionOfDay = (hours, minutes) => (hours + minutes / 60 - 6) / 15;

describe('the planner\'s week board', { timeout: 2 * TEST_TIMEOUT }, () => {
  const suite = hostAndBrowser();

  test('a visit dragged onto a busy caregiver shows the conflict; moved on from the keyboard it is clear, and the caregiver\'s day has it', { timeout: TEST_TIMEOUT }, async () => {
    const planner = await openPage(suite.browser, LAPTOP);
    const caregiver = await openPage(suite.browser, PHONE);
    try {
      const k = planner.page;
      await signedIn(k, suite.host.url, COORDINATOR, '/dnes');
      await k.getByRole('link', { name: 'Týdenní plán' }).click();
      await k.waitForURL('**/tyden');
      await k.locator('.board-row').first().waitFor();

      const janaRow = k.locator('.board-row[data-caregiver="user-pecovatelka.decin"]');
      const martinRow = k.locator('.board-row[data-caregiver="user-pecovatel.decin"]');
      const karel = martinRow.getByRole('button', { name: /^Karel Zkušební, 12:00–12:30/ });
      await karel.waitFor();

      // Drag: onto Jana's row at 13:15, into her 13:00–13:45 visit.
      const track = janaRow.locator('.row-track');
      const box = await track.boundingBox();
      await karel.dragTo(track, {
        targetPosition: { x: box.width * fractionOfDay(13, 15), y: box.height / 2 },
      });
      const dialog = k.getByRole('dialog');
      await dialog.waitFor();
      assert.equal(await dialog.getByLabel('Pracovník').inputValue(), 'user-pecovatelka.decin');
      assert.equal(await dialog.getByLabel('Začátek').inputValue(), '13:15');
      await dialog.getByLabel('Důvod změny').fill('Martin odchází k lékaři');
      await dialog.getByRole('button', { name: 'Uložit změnu' }).click();
      await dialog.waitFor({ state: 'detached' });

      const notice = k.locator('.notice');
      await notice.waitFor();
      assert.match(await notice.innerText(), /konflikt: Jana Pečovatelka má v 13:15 ještě jinou návštěvu \(do 13:45\)/);
      assert.ok(await notice.evaluate((el) => el.classList.contains('notice-warning')));
      const moved = janaRow.getByRole('button', { name: /^Karel Zkušební, 13:15–13:45/ });
      await moved.waitFor();
      assert.ok(await moved.evaluate((el) => el.classList.contains('conflict')), 'the visit is highlighted');
      assert.match(await moved.getAttribute('aria-label'), /konflikt: Jana Pečovatelka má v 13:15/);
      assert.match(await k.locator('.day-conflicts').innerText(), /ještě jinou návštěvu/);
      assert.equal(await martinRow.getByRole('button', { name: /^Karel Zkušební, 12:00/ }).count(), 0);

      // Keyboard: focus is back on the moved visit; Enter opens the form.
      assert.equal(await k.evaluate(() => document.activeElement?.getAttribute('aria-label')?.split(',')[0]), 'Karel Zkušební');
      await k.keyboard.press('Enter');
      await dialog.waitFor();
      // The visit's history keeps the first move with its reason.
      await dialog.getByText('Historie změn návštěvy').click();
      await dialog.locator('.history li', { hasText: 'Martin odchází k lékaři' }).first().waitFor();
      assert.match(await dialog.locator('.history').innerText(), /Petr Koordinátor: přidělena jinému pracovníkovi \(Martin odchází k lékaři\)/);
      await dialog.getByLabel('Začátek').fill('14:30');
      await dialog.getByLabel('Důvod změny').fill('Souběh návštěv');
      await k.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await k.locator('.notice:not(.notice-warning)').waitFor();
      assert.match(await notice.innerText(), /bez konfliktů/);
      const clear = janaRow.getByRole('button', { name: /^Karel Zkušební, 14:30–15:00/ });
      await clear.waitFor();
      assert.equal(await clear.evaluate((el) => el.classList.contains('conflict')), false);
      assert.equal(await janaRow.locator('.block.conflict').count(), 0);

      // Escape closes the form without a change.
      await clear.focus();
      await k.keyboard.press('Enter');
      await dialog.waitFor();
      await k.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      // Jana's phone: the visit is on her route, at its new time.
      const c = caregiver.page;
      await signedIn(c, suite.host.url, JANA, '/dnes');
      const card = c.locator('.visit', { hasText: 'Karel Zkušební' });
      await card.waitFor();
      assert.equal((await card.locator('.visit-time').innerText()).trim(), '14:30–15:00');
      assert.deepEqual(planner.problems, []);
      assert.deepEqual(caregiver.problems, []);
    } finally {
      await planner.context.close();
      await caregiver.context.close();
    }
  });

  test('the optimiser proposes a day without the conflict; the planner compares and accepts it', { timeout: TEST_TIMEOUT }, async () => {
    const planner = await openPage(suite.browser, LAPTOP);
    try {
      const k = planner.page;
      await signedIn(k, suite.host.url, COORDINATOR, '/dnes');
      // Arrange through the API the app itself uses: Karel's visit given to Jana inside
      // her 13:00–13:45 visit, tomorrow (so nothing of it has started yet).
      const conflicted = await k.evaluate(async () => {
        const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
        const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Prague' }).format(tomorrow);
        const monday = new Date(`${day}T12:00:00Z`);
        monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
        const week = await (await fetch(`/api/schedule/week/${monday.toISOString().slice(0, 10)}`)).json();
        const karel = week.visits.find((v) => v.id === `visit-${day}-07`);
        const jana = week.visits.find((v) => v.id === `visit-${day}-04`);
        const startsAt = new Date(Date.parse(jana.starts_at) + 15 * 60 * 1000).toISOString();
        const response = await fetch(`/api/schedule/visits/${karel.id}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', 'x-requested-with': 'epece' },
          body: JSON.stringify({ starts_at: startsAt, caregiver_ids: ['user-pecovatelka.decin'], reason: 'příprava testu' }),
        });
        return { status: response.status, day, monday: monday.toISOString().slice(0, 10) };
      });
      assert.equal(conflicted.status, 200);
      await k.goto(new URL(`/tyden/${conflicted.monday}`, suite.host.url).href);
      await k.locator('.board-row').first().waitFor();
      const [, month, dayOfMonth] = conflicted.day.split('-').map(Number);
      await k.getByRole('button', { name: new RegExp(` ${dayOfMonth}\\. ${month}\\.$`) }).click();
      await k.locator('.day-conflicts .conflict-list').waitFor();

      await k.getByRole('button', { name: 'Navrhnout vybraný den' }).click();
      await k.locator('.optimiser .progress').waitFor();
      const score = k.locator('.optimiser table.score');
      await score.waitFor({ timeout: 30_000 });
      const conflictsRow = score.locator('tr', { has: k.locator('th', { hasText: 'Konflikty' }) });
      const cells = await conflictsRow.locator('td').allInnerTexts();
      assert.ok(Number(cells[0]) >= 1, `the current plan has the conflict: ${cells}`);
      assert.equal(cells[1], '0', 'the proposal has none');
      assert.equal(cells[2], 'lepší');
      const changes = k.locator('.proposal-changes input[type=checkbox]');
      assert.ok((await changes.count()) >= 1);
      assert.match(await k.locator('.proposal-changes').innerText(), /Karel Zkušební/);

      await k.getByRole('button', { name: /^Přijmout vybrané změny/ }).click();
      await k.locator('.notice', { hasText: 'z návrhu' }).waitFor();
      await k.locator('.day-conflicts .empty').waitFor();
      assert.equal(await k.locator('.block.conflict').count(), 0);
      assert.deepEqual(planner.problems, []);
    } finally {
      await planner.context.close();
    }
  });
});
