// Every page names the browser's tab after itself (a caregiver's page after her), and the
// office's today is in the coordinator's menu.
//
// Run: app/build.sh && cargo build -p epece-tests --bin epece-host && (cd tests/e2e && npm ci && npm test)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LAPTOP, hostAndBrowser, openPage, signIn } from './browser.js';

const COORDINATOR = { username: 'koordinator.decin', password: 'demo1234' };
const TEST_TIMEOUT = 120_000;

describe('page titles', { timeout: 2 * TEST_TIMEOUT }, () => {
  const suite = hostAndBrowser();

  test('each page the coordinator opens from the menu names the tab after itself', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, problems } = await openPage(suite.browser, LAPTOP);
    try {
      await page.goto(new URL('/prihlaseni', suite.host.url).href);
      await signIn(page, COORDINATOR);
      await page.waitForURL('**/dnes');
      await page.waitForFunction(() => document.title === 'Dnešní návštěvy – E-péče');

      const nav = page.getByRole('navigation', { name: 'Hlavní nabídka' });
      await nav.getByRole('link', { name: 'Týdenní plán' }).click();
      await page.waitForURL('**/tyden');
      await page.waitForFunction(() => document.title === 'Týdenní plán – E-péče');

      // A caregiver's page, opened from her row on the board, is named after her.
      await page.locator('.board-row').getByRole('link', { name: 'Jana Pečovatelka' }).first().click();
      await page.waitForURL('**/pecovatele/**');
      await page.getByRole('heading', { level: 1, name: 'Jana Pečovatelka: směny, dovednosti a nepřítomnosti' }).waitFor();
      await page.waitForFunction(() => document.title === 'Pracovník – Jana Pečovatelka – E-péče');

      await nav.getByRole('link', { name: 'Dnes v kanceláři' }).click();
      await page.waitForURL('**/prehled');
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      assert.equal(await page.title(), 'Dnes v kanceláři – E-péče');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
