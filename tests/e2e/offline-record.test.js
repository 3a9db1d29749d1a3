// A visit recorded offline end to end: the caregiver's phone loses the connection, she
// records the visit (kept in IndexedDB, in the outbox), reloads the page, and the record
// is still waiting; back online it is sent by itself, and the coordinator finds exactly
// one record of the visit on the server, and its incident on her page. Demo data: every
// day Jana visits Věra Modelová.
//
// Run: app/build.sh && cargo build -p epece-tests --bin epece-host && (cd tests/e2e && npm ci && npm test)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LAPTOP, PHONE, hostAndBrowser, openPage, signedIn } from './browser.js';

const JANA = { username: 'pecovatelka.decin', password: 'demo1234' };
const COORDINATOR = { username: 'koordinator.decin', password: 'demo1234' };
const TEST_TIMEOUT = 120_000;
const NOTE = 'Zaznamenáno bez signálu.';
const INCIDENT = 'Klientka je dnes zmatená, volat dceři.';

describe('a visit recorded offline', { timeout: 2 * TEST_TIMEOUT }, () => {
  const suite = hostAndBrowser();

  test('survives a reload in the outbox, reaches the server once when back online, and the coordinator sees it and its incident', { timeout: TEST_TIMEOUT }, async () => {
    const phone = await openPage(suite.browser, PHONE);
    const office = await openPage(suite.browser, LAPTOP);
    try {
      const p = phone.page;
      await signedIn(p, suite.host.url, JANA, '/dnes');

      const card = p.locator('.visit').filter({ hasText: 'Věra Modelová' }).first();
      await card.waitFor();
      const visitId = (await card.locator('.visit-client').getAttribute('id')).replace(/^visit-/, '');
      assert.equal(
        (await p.locator('.sync-waiting').innerText()).trim(),
        'Žádný záznam nečeká na odeslání',
      );
      assert.match(await p.locator('.sync-last').innerText(), /zatím žádná/);

      // The service worker controls the page once it has installed the shell and the page
      // is reloaded; the form opening proves the task catalogue is on the phone.
      await p.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await p.reload();
      assert.equal(await p.evaluate(() => navigator.serviceWorker.controller !== null), true);
      await card.getByRole('button', { name: 'Příchod – zaznamenat návštěvu' }).click();
      await card.locator('.record-form .task-choice input[type=checkbox]').first().waitFor();
      await card.getByRole('button', { name: 'Zrušit' }).click();
      // The check-in is taken back on the phone's store first, then on the page.
      await card.getByRole('button', { name: 'Příchod – zaznamenat návštěvu' }).waitFor();

      // Offline: the app and the day come from the phone.
      await phone.context.setOffline(true);
      await p.reload();
      await p.locator('.app-header .net-offline').waitFor();
      await p.locator('.kept-notice').waitFor();
      await card.waitFor();

      await card.getByRole('button', { name: 'Příchod – zaznamenat návštěvu' }).click();
      const form = card.locator('.record-form');
      await form.getByLabel('Příchod').waitFor();
      assert.match(await form.getByLabel('Příchod').inputValue(), /^\d{2}:\d{2}$/, 'arrival from the phone\'s clock');
      // Saving before leaving is refused with the reason, in Czech.
      await form.getByRole('button', { name: 'Uložit záznam' }).click();
      assert.match(await form.locator('[role=alert]').innerText(), /Odcházím/);

      await form.locator('.record-tasks .task-choice input[type=checkbox]').first().check();
      await form.getByLabel('Poznámka', { exact: true }).fill(NOTE);
      await form.getByLabel('Změna zdravotního stavu').check();
      await form.getByLabel('Co se stalo (pro koordinátora)').fill(INCIDENT);
      await form.getByRole('button', { name: 'Odcházím' }).click();
      assert.match(await form.getByLabel('Odchod').inputValue(), /^\d{2}:\d{2}$/);
      // Leaving at once is far shorter than the plan: the form asks why.
      await form.getByLabel('Důvod', { exact: true }).selectOption('Klient nebyl doma nebo péči odmítl');
      await form.getByRole('button', { name: 'Uložit záznam' }).click();

      // Saved, the visit is done at once and folds away with the done ones; amber: waiting.
      await card.locator('.record-state.waiting').waitFor({ state: 'attached' });
      assert.match(await card.locator('.record-state').textContent(), /čeká na odeslání/);
      assert.equal((await card.locator('.badge').textContent()).trim(), 'Hotovo');
      assert.equal((await p.locator('.sync-waiting').innerText()).trim(), 'Čeká na odeslání: 1 záznam');

      // Closing the app loses nothing: opened again on another page, still offline, the
      // record still waits; the status bar, on every page, brings its own code.
      await p.goto(new URL('/ucet', suite.host.url).href);
      await p.locator('.app-header .net-offline').waitFor();
      await p.locator('.sync-waiting', { hasText: 'Čeká na odeslání: 1 záznam' }).waitFor();

      // Back online, the outbox is sent by itself, from whichever page is open.
      await phone.context.setOffline(false);
      await p.locator('.sync-waiting', { hasText: 'Všechny záznamy jsou odeslané' }).waitFor();
      assert.doesNotMatch(await p.locator('.sync-last').innerText(), /zatím žádná/);
      await p.getByRole('link', { name: 'Dnešní návštěvy' }).click();
      await card.locator('.record-state', { hasText: 'odeslán' }).waitFor({ state: 'attached' });
      // Another start online sends nothing twice.
      await p.reload();
      await card.locator('.record-state', { hasText: 'odeslán' }).waitFor({ state: 'attached' });
      assert.deepEqual(phone.problems, []);

      // The coordinator's view of the visit's records: exactly one, the caregiver's.
      const k = office.page;
      await signedIn(k, suite.host.url, COORDINATOR, '/dnes');
      const records = await k.evaluate(async (id) => {
        const response = await fetch(`/api/records/visits/${id}`, { headers: { Accept: 'application/json' } });
        return { status: response.status, body: await response.json() };
      }, visitId);
      assert.equal(records.status, 200);
      assert.equal(records.body.records.length, 1, 'the record reached the server exactly once');
      const [record] = records.body.records;
      assert.equal(record.state, 'accepted');
      assert.equal(record.versions[0].note, NOTE);
      assert.equal(record.versions[0].tasks.length, 1);

      // The incident flags the coordinator: it waits on her page until she acknowledges it.
      await k.getByRole('link', { name: 'Události z návštěv' }).click();
      await k.waitForURL('**/udalosti');
      const incident = k.locator('.incident').filter({ hasText: INCIDENT });
      await incident.waitFor();
      assert.match(await incident.locator('.incident-what').innerText(), /^Změna zdravotního stavu: Věra Modelová$/);
      await incident.getByRole('button', { name: 'Beru na vědomí' }).click();
      await incident.waitFor({ state: 'detached' });
      assert.deepEqual(office.problems, []);
    } finally {
      await phone.context.close();
      await office.context.close();
    }
  });
});
