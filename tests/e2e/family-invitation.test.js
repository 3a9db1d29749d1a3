// A coordinator invites a client's relative; the relative creates an account with the code
// and sees who comes when; the coordinator revokes the access again. The built app against
// the native test host with demo data.
//
// Run: app/build.sh && cargo build -p epece-tests --bin epece-host && (cd tests/e2e && npm ci && npm test)
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { PHONE, hostAndBrowser, openPage, signIn } from './browser.js';

const COORDINATOR = { username: 'koordinator.decin', password: 'demo1234' };
const CLIENT_ID = 'cl-d2';
const TEST_TIMEOUT = 120_000;

describe('a family invitation', { timeout: 2 * TEST_TIMEOUT }, () => {
  const suite = hostAndBrowser();

  const newPage = () => openPage(suite.browser, PHONE);

  test('is redeemed into a family account that sees the schedule, and can be revoked, closing the account', { timeout: TEST_TIMEOUT }, async () => {
    const username = `rodina.test${randomBytes(3).toString('hex')}`;
    const displayName = 'Hana Zkoušková';
    const coordinator = await newPage();
    const family = await newPage();
    try {
      const k = coordinator.page;
      await k.goto(suite.host.url);
      await k.waitForURL('**/prihlaseni');
      await signIn(k, { username: COORDINATOR.username, password: COORDINATOR.password });
      await k.waitForURL('**/dnes');

      await k.goto(new URL(`/klienti/${CLIENT_ID}/rodina`, suite.host.url).href);
      await k.locator('.family-links, .client-family .empty').first().waitFor();
      await k.getByRole('button', { name: 'Vytvořit pozvánku' }).click();
      const panel = k.locator('.code-panel');
      await panel.waitFor();
      const clientName = (await panel.locator('#code-heading').innerText()).replace('Pozvánka pro rodinu klienta ', '').trim();
      assert.notEqual(clientName, '', 'the invitation names the client');
      // The page names the client too, and never shows its id.
      await k.getByRole('heading', { name: `Rodina klienta: ${clientName}` }).waitFor();
      assert.equal(await k.title(), `Rodina klienta – ${clientName} – E-péče`, 'and so does its tab');
      assert.ok(!(await k.locator('.client-family').innerText()).includes(CLIENT_ID), 'no raw client id on the page');
      const code = (await panel.locator('.code-value code').innerText()).trim();
      assert.match(await panel.locator('.code-address').innerText(), /\/pozvanka$/);

      // The relative creates the account.
      const f = family.page;
      await f.goto(new URL('/pozvanka', suite.host.url).href);
      await f.getByLabel('Kód z pozvánky').fill(code);
      await f.getByLabel('Vaše jméno a příjmení').fill(displayName);
      await f.getByLabel('Přihlašovací jméno').fill(username);
      await f.getByLabel('Heslo', { exact: true }).fill('heslo pro rodinu 1');
      await f.getByLabel('Heslo znovu').fill('heslo pro rodinu 1');
      await f.getByRole('button', { name: 'Založit účet a přihlásit se' }).click();

      await f.waitForURL('**/rodina');
      assert.equal((await f.locator('.app-header .user-name').innerText()).trim(), displayName);
      assert.equal((await f.locator('.app-header .user-role').innerText()).trim(), 'Rodina');
      const nav = f.getByRole('navigation', { name: 'Hlavní nabídka' });
      assert.deepEqual((await nav.getByRole('link').allInnerTexts()).map((t) => t.trim()), ['Kdo přijde kdy', 'Můj účet']);
      const card = f.locator('.client-schedule');
      await card.first().waitFor();
      assert.deepEqual((await f.locator('.client-schedule h2').allInnerTexts()).map((t) => t.trim()), [clientName]);
      await card.locator('.schedule-day, .empty').first().waitFor();
      for (const time of await card.locator('.schedule-time').allInnerTexts()) {
        assert.match(time, /^\d{1,2}:\d{2}–\d{1,2}:\d{2}$/);
      }
      // A family member cannot open the manager's pages.
      await f.goto(new URL('/pracovnici', suite.host.url).href);
      await f.getByRole('heading', { name: 'Sem nemáte přístup' }).waitFor();

      // The coordinator sees the new link and revokes it, after confirming.
      await k.reload();
      const link = k.locator('.family-link', { hasText: displayName });
      await link.waitFor();
      await link.getByRole('button', { name: 'Odebrat přístup' }).click();
      await link.getByRole('button', { name: 'Ano, odebrat' }).click();
      await link.waitFor({ state: 'detached' });
      await k.reload();
      await k.locator('.family-links, .client-family .empty').first().waitFor();
      assert.equal(await k.locator('.family-link', { hasText: displayName }).count(), 0);

      // With their last link gone the account is closed: the relative's next request ends
      // on the sign-in form, and the old password no longer opens anything.
      await f.goto(new URL('/rodina', suite.host.url).href);
      await f.waitForURL('**/prihlaseni');
      await signIn(f, { username: username, password: 'heslo pro rodinu 1' });
      await f.locator('.login [role=alert]').waitFor();
      assert.equal(new URL(f.url()).pathname, '/prihlaseni');

      assert.deepEqual(coordinator.problems, []);
      assert.deepEqual(family.problems, []);
    } finally {
      await coordinator.context.close();
      await family.context.close();
    }
  });
});
