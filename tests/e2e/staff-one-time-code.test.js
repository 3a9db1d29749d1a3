// A manager creates a caregiver's account; the caregiver sets a password with the one-time
// code in another browser and is signed in. The built app against the native test host.
//
// Run: app/build.sh && cargo build -p epece-tests --bin epece-host && (cd tests/e2e && npm ci && npm test)
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { LAPTOP, hostAndBrowser, openPage, signIn } from './browser.js';

const MANAGER = { username: 'vedouci.decin', password: 'demo1234' };
const TEST_TIMEOUT = 120_000;

describe('a provider manager and a new caregiver', { timeout: 3 * TEST_TIMEOUT }, () => {
  const suite = hostAndBrowser();

  const newPage = () => openPage(suite.browser, LAPTOP);

  test('the manager hands out a one-time code and the caregiver signs in with it', { timeout: TEST_TIMEOUT }, async () => {
    const username = `eva.test${randomBytes(3).toString('hex')}`;
    const displayName = 'Eva Zkoušková';
    const newPassword = 'moje nové heslo 2026';

    const manager = await newPage();
    const caregiver = await newPage();
    try {
      // The manager signs in and lands on the staff page.
      const m = manager.page;
      await m.goto(suite.host.url);
      await m.waitForURL('**/prihlaseni');
      await signIn(m, { username: MANAGER.username, password: MANAGER.password });
      await m.waitForURL('**/pracovnici');
      const nav = m.getByRole('navigation', { name: 'Hlavní nabídka' });
      assert.deepEqual(
        (await nav.getByRole('link').allInnerTexts()).map((t) => t.trim()),
        ['Pracovníci', 'Dnešní návštěvy', 'Dnes v kanceláři', 'Týdenní plán', 'Klienti', 'Události z návštěv', 'Záznam přístupů', 'Školení', 'Výkazy', 'Můj účet'],
      );
      await m.locator('.staff-list .staff').first().waitFor();

      // A weak input is refused with the field marked, before anything is sent.
      await m.getByLabel('Jméno a příjmení').fill(displayName);
      await m.getByLabel('Přihlašovací jméno').fill('Eva Zkoušková');
      await m.getByRole('button', { name: 'Přidat pracovníka' }).click();
      await m.locator('#staff-error').waitFor();
      assert.equal(await m.locator('#staff-username').getAttribute('aria-invalid'), 'true');

      // The real thing.
      await m.getByLabel('Přihlašovací jméno').fill(username);
      await m.locator('#staff-role').selectOption('caregiver');
      await m.getByRole('button', { name: 'Přidat pracovníka' }).click();

      const panel = m.locator('.code-panel');
      await panel.waitFor();
      assert.equal(await m.evaluate(() => document.activeElement?.classList.contains('code-panel')), true,
        'focus moves to the code');
      const code = (await panel.locator('.code-value code').innerText()).trim();
      assert.ok(code.length >= 6, `a code is shown: ${code}`);
      assert.match(
        await panel.locator('.code-expiry').innerText(),
        /^Platí do \d{1,2}\. \p{L}+ \d{4} v \d{1,2}:\d{2} \(pražského času\)\.$/u,
      );
      assert.match(await panel.locator('.code-address').innerText(), /\/obnova-hesla$/);
      assert.match(await panel.innerText(), new RegExp(`Přihlašovací jméno: ${username.replace('.', '\\.')}`));
      await panel.getByRole('button', { name: 'Vytisknout' }).waitFor();
      assert.equal(await m.getByLabel('Přihlašovací jméno').inputValue(), '', 'the form is ready for the next one');

      // On paper only the code panel remains, without its buttons.
      await m.emulateMedia({ media: 'print' });
      assert.equal(await panel.isVisible(), true);
      assert.equal(await m.locator('.code-value code').isVisible(), true);
      for (const hidden of ['.app-header', '.main-nav', '.staff-list', '.staff-form', '.code-panel .actions']) {
        assert.equal(await m.locator(hidden).isVisible(), false, `${hidden} is not printed`);
      }
      await m.emulateMedia({ media: 'screen' });

      const row = m.locator('.staff', { hasText: username });
      await row.waitFor();
      assert.equal((await row.locator('.staff-name').innerText()).trim(), displayName);
      assert.equal((await row.locator('.staff-role').innerText()).trim(), 'Pečovatel/ka');
      assert.equal((await row.locator('.staff-state').innerText()).trim(), 'Aktivní');

      // The caregiver, on their own phone, redeems the code.
      const c = caregiver.page;
      await c.goto(new URL('/obnova-hesla', suite.host.url).href);
      await c.getByLabel('Jednorázový kód').fill(code);
      await c.getByLabel('Nové heslo', { exact: true }).fill(newPassword);
      await c.getByLabel('Nové heslo znovu').fill('jiné heslo 2026!');
      await c.getByRole('button', { name: 'Nastavit heslo a přihlásit se' }).click();
      await c.locator('#reset-error').waitFor();
      assert.equal(await c.locator('#reset-again').getAttribute('aria-invalid'), 'true');

      await c.getByLabel('Nové heslo znovu').fill(newPassword);
      await c.getByRole('button', { name: 'Nastavit heslo a přihlásit se' }).click();

      await c.waitForURL('**/dnes');
      assert.equal((await c.locator('.app-header .user-name').innerText()).trim(), displayName);
      assert.equal((await c.locator('.app-header .user-role').innerText()).trim(), 'Pečovatel/ka');
      const caregiverNav = c.getByRole('navigation', { name: 'Hlavní nabídka' });
      assert.deepEqual(
        (await caregiverNav.getByRole('link').allInnerTexts()).map((t) => t.trim()),
        ['Dnešní návštěvy', 'Školení', 'Můj účet'],
      );
      await c.locator('#today-heading').waitFor();

      // The server knows them: the account page shows the new login.
      await caregiverNav.getByRole('link', { name: 'Můj účet' }).click();
      await c.waitForURL('**/ucet');
      assert.equal((await c.locator('.account-username').innerText()).trim(), username);

      // The code was single-use: a second attempt is refused with the code field marked.
      const again = await newPage();
      try {
        await again.page.goto(new URL('/obnova-hesla', suite.host.url).href);
        await again.page.getByLabel('Jednorázový kód').fill(code);
        await again.page.getByLabel('Nové heslo', { exact: true }).fill('ještě jiné heslo 7');
        await again.page.getByLabel('Nové heslo znovu').fill('ještě jiné heslo 7');
        await again.page.getByRole('button', { name: 'Nastavit heslo a přihlásit se' }).click();
        const alert = again.page.locator('#reset-error');
        await alert.waitFor();
        assert.match(await alert.innerText(), /\p{L}/u);
        assert.equal(new URL(again.page.url()).pathname, '/obnova-hesla');
        assert.deepEqual(again.problems, []);
      } finally {
        await again.context.close();
      }

      assert.deepEqual(manager.problems, []);
      assert.deepEqual(caregiver.problems, []);
    } finally {
      await manager.context.close();
      await caregiver.context.close();
    }
  });

  test('an unknown address shows a Czech page with a way home', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, problems } = await newPage();
    try {
      await page.goto(new URL('/neexistuje', suite.host.url).href);
      await page.getByRole('heading', { name: 'Stránka nenalezena' }).waitFor();
      await page.getByRole('link', { name: 'Zpět na úvod' }).click();
      await page.waitForURL('**/prihlaseni');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
