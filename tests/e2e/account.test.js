// My account: a wrong current password is marked, a new password works from then on, and
// "odhlásit všude" ends this session too. The built app against the native test host.
//
// Run: app/build.sh && cargo build -p epece-tests --bin epece-host && (cd tests/e2e && npm ci && npm test)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LAPTOP, hostAndBrowser, openPage, signIn } from './browser.js';

const USER = { username: 'pecovatelka.decin', password: 'demo1234' };
const TEST_TIMEOUT = 120_000;

describe('my account', { timeout: 2 * TEST_TIMEOUT }, () => {
  const suite = hostAndBrowser();

  async function signedIn({ username, password }) {
    const { context, page, problems } = await openPage(suite.browser, LAPTOP);
    await page.goto(new URL('/prihlaseni', suite.host.url).href);
    await signIn(page, { username: username, password: password });
    await page.waitForURL('**/dnes');
    return { context, page, problems };
  }

  test('changes the password, signs out elsewhere, then everywhere', { timeout: TEST_TIMEOUT }, async () => {
    const newPassword = 'pečovatelka 2026 nové';
    const phone = await signedIn(USER);
    const tablet = await signedIn(USER);
    try {
      const p = phone.page;
      await p.getByRole('navigation', { name: 'Hlavní nabídka' }).getByRole('link', { name: 'Můj účet' }).click();
      await p.waitForURL('**/ucet');
      assert.equal((await p.locator('.account-username').innerText()).trim(), USER.username);
      assert.equal((await p.locator('.account-role').innerText()).trim(), 'Pečovatel/ka');

      // The server refuses a wrong current password and names the field.
      await p.getByLabel('Současné heslo').fill('spatne-heslo');
      await p.getByLabel('Nové heslo', { exact: true }).fill(newPassword);
      await p.getByLabel('Nové heslo znovu').fill(newPassword);
      await p.getByRole('button', { name: 'Změnit heslo' }).click();
      await p.locator('#password-error').waitFor();
      assert.equal(await p.locator('#password-current').getAttribute('aria-invalid'), 'true');
      assert.equal(await p.locator('#password-new').getAttribute('aria-invalid'), null);
      assert.match(await p.locator('#password-error').innerText(), /\p{L}/u);

      await p.getByLabel('Současné heslo').fill(USER.password);
      await p.getByRole('button', { name: 'Změnit heslo' }).click();
      await p.locator('.form-ok').waitFor();
      assert.equal(await p.locator('#password-current').inputValue(), '');

      // The other device was signed out by the change.
      await tablet.page.goto(new URL('/dnes', suite.host.url).href);
      await tablet.page.waitForURL('**/prihlaseni');

      // The new password works there; then "odhlásit všude" from the phone ends both.
      await tablet.page.getByLabel('Přihlašovací jméno').fill(USER.username);
      await tablet.page.getByLabel('Heslo').fill(newPassword);
      await tablet.page.getByRole('button', { name: 'Přihlásit se' }).click();
      await tablet.page.waitForURL('**/dnes');

      await p.getByRole('button', { name: 'Odhlásit všude' }).click();
      await p.getByRole('button', { name: 'Ano, odhlásit všude' }).click();
      await p.waitForURL('**/prihlaseni');
      await tablet.page.goto(new URL('/ucet', suite.host.url).href);
      await tablet.page.waitForURL('**/prihlaseni');

      assert.deepEqual(phone.problems, []);
      assert.deepEqual(tablet.problems, []);
    } finally {
      await phone.context.close();
      await tablet.context.close();
    }
  });
});
