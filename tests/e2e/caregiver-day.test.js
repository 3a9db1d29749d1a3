// The caregiver's day end to end: the built app (dist/) served by the native test host
// with demo data, driven in headless Chromium; then the app shell and the kept day offline.
//
// Run: app/build.sh && cargo build -p epece-tests --bin epece-host && (cd tests/e2e && npm ci && npm test)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PHONE, hostAndBrowser, openPage, signIn, signedIn } from './browser.js';

const DEMO = { username: 'pecovatelka.decin', password: 'demo1234' };
const TEST_TIMEOUT = 90_000;

describe('a caregiver on a phone', { timeout: 5 * TEST_TIMEOUT }, () => {
  const suite = hostAndBrowser();

  const newPage = () => openPage(suite.browser, PHONE);

  test('is sent to the sign-in form and sees a Czech error for a wrong password', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, problems } = await newPage();
    try {
      await page.goto(suite.host.url);
      await page.waitForURL('**/prihlaseni');
      await signIn(page, { username: DEMO.username, password: 'spatne-heslo' });

      const alert = page.locator('.login [role=alert]');
      await alert.waitFor();
      assert.match(await alert.innerText(), /\p{L}/u, 'the server\'s message is shown');
      assert.equal(new URL(page.url()).pathname, '/prihlaseni');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('signs in, sees today\'s visits, and still gets the app and the day offline', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, problems } = await newPage();
    try {
      await signedIn(page, suite.host.url, DEMO, '/dnes');
      const clients = page.locator('.visit .visit-client');
      await clients.first().waitFor();
      assert.ok((await clients.count()) >= 1, 'at least one visit today');
      assert.notEqual((await clients.first().innerText()).trim(), '', 'a visit names its client');
      assert.match(await page.locator('.visit .visit-time').first().innerText(), /^\d{1,2}:\d{2}–\d{1,2}:\d{2}$/);
      assert.match(
        await page.locator('#today-heading').innerText(),
        /(Pondělí|Úterý|Středa|Čtvrtek|Pátek|Sobota|Neděle) \d{1,2}\. \p{L}+ \d{4}/u,
      );
      assert.notEqual((await page.locator('.app-header .user-name').innerText()).trim(), '');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'obsah', 'focus moved to the new content');

      // The service worker has installed the shell; a reload puts the page under its control.
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await page.reload();
      assert.equal(await page.evaluate(() => navigator.serviceWorker.controller !== null), true);

      await context.setOffline(true);
      await page.reload();

      await page.locator('.app-header .brand').waitFor();
      await page.locator('.app-header .net-offline').waitFor();
      assert.equal((await page.locator('.app-header .net').innerText()).trim(), 'Bez připojení');
      // The phone kept the day (IndexedDB): it is shown, and says where it comes from.
      const kept = page.locator('main .kept-notice');
      await kept.waitFor();
      assert.match(await kept.innerText(), /uložené v telefonu/);
      await page.locator('.visit .visit-client').first().waitFor();

      // Back online, the app asks again by itself and shows the server's day without a reload.
      await context.setOffline(false);
      await kept.waitFor({ state: 'detached' });
      await page.locator('.visit .visit-client').first().waitFor();
      assert.equal((await page.locator('.app-header .net').innerText()).trim(), 'Připojeno');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('signs out and is sent back to the sign-in form', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, problems } = await newPage();
    try {
      await page.goto(new URL('/dnes', suite.host.url).href);
      await page.waitForURL('**/prihlaseni');
      await signIn(page, DEMO);
      await page.waitForURL('**/dnes');

      await page.getByRole('button', { name: 'Odhlásit se' }).click();
      await page.waitForURL('**/prihlaseni');
      await page.goto(new URL('/dnes', suite.host.url).href);
      await page.waitForURL('**/prihlaseni');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
