// The morning sick call end to end: the coordinator marks Jana (pecovatelka.decin) away
// from 7:00 on the week board, reads the repair proposal (who takes each visit and why),
// accepts it; Martin's phone (a second browser context, signed in as him) shows a visit
// he took over, and Marie's family (rodina.decin) sees the change with its reason.
// The host runs on the real clock: before 11:00 in Prague the sick call is "today from
// 7:00"; later in the day (when Jana's visits of today have started) it is tomorrow as a
// whole day, and Martin finds the visit under "Zítra". EPECE_E2E_SICK_TOMORROW=1 takes the
// later branch at any hour, so both can be run on demand.
//
// Run: app/build.sh && cargo build -p epece-tests --bin epece-host && (cd tests/e2e && npm ci && npm test)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LAPTOP, PHONE, hostAndBrowser, openPage, signedIn } from './browser.js';

const COORDINATOR = { username: 'koordinator.decin', password: 'demo1234' };
const MARTIN = { username: 'pecovatel.decin', password: 'demo1234' };
const FAMILY = { username: 'rodina.decin', password: 'demo1234' };
const TEST_TIMEOUT = 120_000;

/** The hour in Prague now. */
function pragueHour() {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Prague', hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
}

/** A Prague date `YYYY-MM-DD`, `days` after today. */
function pragueDay(days) {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Prague' }).format(new Date(Date.now() + days * 86_400_000));
}

describe('the morning sick call', { timeout: 2 * TEST_TIMEOUT }, () => {
  const suite = hostAndBrowser();

  test('Jana is away from 7:00; the repair gives her visits to Martin with reasons, his phone and Marie\'s family see it', { timeout: TEST_TIMEOUT }, async () => {
    const planner = await openPage(suite.browser, LAPTOP);
    const phone = await openPage(suite.browser, PHONE);
    const family = await openPage(suite.browser, PHONE);
    const today = pragueHour() < 11 && !process.env.EPECE_E2E_SICK_TOMORROW;
    try {
      const k = planner.page;
      await signedIn(k, suite.host.url, COORDINATOR, '/dnes');
      await k.getByRole('link', { name: 'Týdenní plán' }).click();
      await k.waitForURL('**/tyden');
      if (!today && new Date(`${pragueDay(1)}T12:00:00Z`).getUTCDay() === 1) {
        // Tomorrow is Monday: its week is the next one.
        await k.getByRole('link', { name: 'Další týden →' }).click();
      }
      const janaRow = k.locator('.board-row[data-caregiver="user-pecovatelka.decin"]');
      await janaRow.waitFor();

      // From the keyboard: the row's action opens the dialog with focus inside.
      await janaRow.getByRole('button', { name: 'Nepřítomnost od teď: Jana Pečovatelka' }).focus();
      await k.keyboard.press('Enter');
      const dialog = k.getByRole('dialog', { name: 'Nepřítomnost od teď: Jana Pečovatelka' });
      await dialog.waitFor();
      await k.waitForFunction(() => document.activeElement?.getAttribute('type') === 'radio');
      if (today) {
        await dialog.getByLabel('Od (čas)').fill('07:00');
      } else {
        await dialog.getByLabel('Celé dny').check();
        await dialog.getByLabel('Od (den)').fill(pragueDay(1));
        await dialog.getByLabel('Do (den, včetně)').fill(pragueDay(1));
      }
      await dialog.getByRole('button', { name: 'Zapsat a navrhnout náhradu' }).click();
      await dialog.waitFor({ state: 'detached' });

      // The repair: whose visits, what it costs the others, who takes each and why.
      const panel = k.locator('.optimiser');
      await panel.locator('.repair-summary').waitFor();
      assert.match(await panel.locator('.repair-summary').innerText(), /^Náhrada za: Jana Pečovatelka\. (U ostatních pečovatelů se mění \d+ návštěv[ay]?\.|Ostatním pečovatelům se plán nemění\.)$/);
      assert.match(await panel.locator('.hint', { hasText: 'Čas návštěvy se posune' }).innerText(), /víc než 10 minut přejezdů/);
      assert.match(await panel.locator('table.score caption').innerText(), /^Návrh za \d+,\d s: \d+ změn[ay]?$/);
      const toMartin = panel.locator('.proposal-changes label', { hasText: 'Martin Pečovatel' });
      await toMartin.first().waitFor();
      const taken = (await toMartin.first().locator('strong').innerText()).trim();
      assert.match(await toMartin.first().locator('.proposal-why').innerText(), /Martin Pečovatel (má volno a nejkratší přejezd|klienta zná|má potřebnou dovednost)/);
      const marie = panel.locator('.proposal-changes label', { hasText: 'Marie Ukázková' });
      assert.ok(await marie.count() >= 1, 'one of Marie\'s visits goes to someone else');

      await k.getByRole('button', { name: /^Přijmout vybrané změny/ }).click();
      const notice = k.locator('.notice', { hasText: /^Přijat[aoy] \d+ změn[ay]? z návrhu; plán je uložen\.$/ });
      await notice.waitFor();
      assert.equal(await panel.locator('.proposal').count(), 0);

      // Martin's phone: the visit he took over is on his day (or tomorrow's).
      const m = phone.page;
      await signedIn(m, suite.host.url, MARTIN, '/dnes');
      if (!today) {
        await m.locator('details.tomorrow summary').click();
      }
      const scope = today ? m.locator('main') : m.locator('details.tomorrow');
      await scope.locator('.visit', { hasText: taken }).first().waitFor();

      // Marie's family: the change, with the reason in their words.
      const f = family.page;
      await signedIn(f, suite.host.url, FAMILY, '/rodina');
      await f.getByRole('link', { name: /Změny v rozpisu/ }).click();
      await f.waitForURL('**/zmeny');
      const change = f.locator('.change', { hasText: 'přijde Martin Pečovatel' }).first();
      await change.waitFor();
      assert.equal((await change.locator('.change-why').innerText()).trim(), 'Důvod: Pečovatelka onemocněla, přijde náhrada.');

      assert.deepEqual(planner.problems, []);
      assert.deepEqual(phone.problems, []);
      assert.deepEqual(family.problems, []);
    } finally {
      await planner.context.close();
      await phone.context.close();
      await family.context.close();
    }
  });
});
