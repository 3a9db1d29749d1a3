// Taking in a new client end to end: the coordinator fills the intake form on a laptop
// (a wrong field shows its error beside it, the house is picked on the map), with a care
// plan of two visits a day for Jana, plans the week, sees both visits on the board, and
// Jana's phone has them today, the client's own phone the first to call.
//
// Run: app/build.sh && cargo build -p epece-tests --bin epece-host && (cd tests/e2e && npm ci && node --test intake.test.js)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PHONE, hostAndBrowser, openPage, signIn } from './browser.js';

const COORDINATOR = { username: 'koordinator.decin', password: 'demo1234' };
const JANA = { username: 'pecovatelka.decin', password: 'demo1234' };
const JANA_ID = 'user-pecovatelka.decin';
const LAPTOP_1366 = { viewport: { width: 1366, height: 768 } };
const TEST_TIMEOUT = 120_000;
const CLIENT = 'Alžběta Příjmová';

/** `Vybrané místo: 50,78215° s. š., 14,21478° v. d.` as numbers. */
function degrees(text) {
  const [latitude, longitude] = [...text.matchAll(/(\d+,\d+)°/g)].map((m) => Number(m[1].replace(',', '.')));
  return { latitude, longitude };
}

describe('taking in a new client', { timeout: TEST_TIMEOUT }, () => {
  const suite = hostAndBrowser();

  test('a client with two visits a day is taken in, the week planned, and both visits are on the board and on the caregiver\'s phone', { timeout: TEST_TIMEOUT }, async () => {
    const planner = await openPage(suite.browser, LAPTOP_1366);
    const caregiver = await openPage(suite.browser, PHONE);
    try {
      const k = planner.page;
      await k.goto(new URL('/prihlaseni', suite.host.url).href);
      await signIn(k, COORDINATOR);
      await k.waitForURL('**/dnes');
      await k.goto(new URL('/klienti', suite.host.url).href);
      await k.getByRole('link', { name: 'Přijmout nového klienta' }).click();
      await k.waitForURL('**/klienti/novy');
      assert.equal(await k.title(), 'Nový klient – E-péče');
      const form = k.locator('form.intake-form');
      await form.waitFor();

      // Sent without a name: the error stands beside the name, which is marked invalid.
      await k.getByRole('button', { name: 'Přijmout klienta' }).click();
      const name = k.getByLabel('Jméno a příjmení');
      await k.locator('#chyba-name').waitFor();
      assert.equal(await name.getAttribute('aria-invalid'), 'true');
      assert.equal(await name.getAttribute('aria-describedby'), 'chyba-name');
      assert.match(await k.locator('#chyba-name').innerText(), /jméno klienta/);

      await name.fill(CLIENT);
      await k.getByLabel('Ulice a číslo domu').fill('Nádražní 5');
      await k.getByLabel('Obec', { exact: true }).selectOption('562335');
      // The house is picked on the map of the town's surroundings: it starts at the centre,
      // two presses of the up arrow move it 200 m north, and that point is what is saved.
      const map = k.getByRole('application', { name: /^Místo na mapě okolí obce Děčín/ });
      const readout = k.locator('#intake-municipality-point');
      const before = await readout.innerText();
      const centre = degrees(before);
      await map.focus();
      await k.keyboard.press('ArrowUp');
      await k.keyboard.press('ArrowUp');
      await k.waitForFunction((text) => document.querySelector('#intake-municipality-point').textContent !== text, before);
      const picked = degrees(await readout.innerText());
      assert.ok(Math.abs(picked.latitude - centre.latitude - 0.0018) < 0.00002, `${picked.latitude} is 200 m north`);
      assert.equal(picked.longitude, centre.longitude);
      await k.getByLabel('Příspěvek na péči').selectOption('2');
      await k.getByLabel('Stupeň platí od').fill('2026-01-01');
      await k.getByLabel('Poznámka pro příchod ke dveřím').fill('Zvonit dlouze.');
      await k.getByLabel('Hlavní rizika').fill('Riziko pádu.');
      await k.getByLabel('Telefon klienta').fill('602-111-222');
      await form.getByLabel('Jméno', { exact: true }).fill('Jan Příjmový');
      await k.getByLabel('Vztah ke klientovi').fill('syn');
      await k.getByLabel('Telefon', { exact: true }).fill('+420 600 111 222');
      await k.getByLabel('Cíle spolupráce').fill('Zůstat doma s pomocí při hygieně a jídle.');
      await k.locator('.plan-task-choice').getByLabel('Pomoc při úkonech osobní hygieny').check();
      await k.locator('.plan-task-choice').getByLabel('Dovoz nebo donáška jídla').check();

      const rows = k.locator('fieldset.visit-row');
      assert.equal(await rows.count(), 2, 'two visits a day are offered');
      for (const [index, task] of [[0, 'Pomoc při úkonech osobní hygieny'], [1, 'Dovoz nebo donáška jídla']]) {
        const row = rows.nth(index);
        await row.getByLabel(task).check();
        await row.getByLabel('Pečovatel').selectOption(JANA_ID);
      }
      await k.getByRole('button', { name: 'Přijmout klienta' }).click();

      await k.getByRole('heading', { name: `${CLIENT} je přijat(a) do péče` }).waitFor();
      const clientId = (await k.getByRole('link', { name: 'Plán péče klienta' }).getAttribute('href')).split('/')[2];
      const saved = await k.evaluate(async (id) => (await fetch(`/api/schedule/clients/${id}`)).json(), clientId);
      assert.deepEqual([saved.latitude, saved.longitude], [picked.latitude, picked.longitude], 'the point picked on the map');
      await k.getByLabel('Naplánovat návštěvy na').selectOption('1');
      await k.getByRole('button', { name: 'Naplánovat návštěvy' }).click();
      const planned = k.locator('.notice', { hasText: 'Naplánováno' });
      await planned.waitFor();
      assert.match(await planned.innerText(), /Naplánováno: \d+ návštěv/);

      await k.getByRole('link', { name: 'Otevřít tabuli týdne' }).click();
      const janaRow = k.locator(`.board-row[data-caregiver="${JANA_ID}"]`);
      await janaRow.getByRole('button', { name: new RegExp(`^${CLIENT}, 7:30–8:00`) }).waitFor();
      await janaRow.getByRole('button', { name: new RegExp(`^${CLIENT}, 17:30–18:00`) }).waitFor();

      const c = caregiver.page;
      await c.goto(new URL('/prihlaseni', suite.host.url).href);
      await signIn(c, JANA);
      await c.waitForURL('**/dnes');
      const cards = c.locator('.visit', { hasText: CLIENT });
      await cards.first().waitFor();
      // Today's two; tomorrow's, folded under "Zítra", are the next day's.
      const today = await cards.evaluateAll((found) => found.filter((card) => !card.closest('.tomorrow')).length);
      assert.equal(today, 2, 'the morning and the evening visit');
      // The client's own phone is the first to call, then her son.
      const calls = cards.first().locator('.visit-calls a');
      assert.equal(await calls.first().getAttribute('href'), 'tel:+420602111222');
      assert.deepEqual(
        (await calls.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim()),
        [`Zavolat: ${CLIENT} +420 602 111 222`, 'Zavolat: Jan Příjmový (syn) +420 600 111 222'],
      );
      assert.deepEqual(planner.problems, []);
      assert.deepEqual(caregiver.problems, []);
    } finally {
      await planner.context.close();
      await caregiver.context.close();
    }
  });
});
