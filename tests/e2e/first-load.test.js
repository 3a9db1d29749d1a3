// The caregiver's first load: the sign-in form comes up, she signs in and sees her day, the
// app opens offline after a reload, and her phone never downloads another role's code (the
// office's and the family's pages are separate wasm modules, app/build.sh). The office's
// pages come when first opened; one that cannot come (offline) says so, the app lives on.
// Which file is whose comes from the build's dist/chunks.json.
//
// Run: app/build.sh && cargo build -p epece-tests --bin epece-host && (cd tests/e2e && npm ci && npm test)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { LAPTOP, PHONE, hostAndBrowser, openPage, signIn } from './browser.js';
import { repoRoot } from './host.js';

const JANA = { username: 'pecovatelka.decin', password: 'demo1234' };
const COORDINATOR = { username: 'koordinator.decin', password: 'demo1234' };
const TEST_TIMEOUT = 120_000;

const chunks = JSON.parse(readFileSync(resolve(repoRoot, 'dist', 'chunks.json'), 'utf8'));
const caregiverFiles = new Set(chunks.roles.caregiver.all);
/** Files only other roles need: the office's and the family's pages and what they share. */
const otherRolesFiles = new Set(
  Object.entries(chunks.roles)
    .filter(([role]) => role !== 'caregiver')
    .flatMap(([, { all }]) => all)
    .filter((file) => !caregiverFiles.has(file)),
);

/** Names of the app's code files (JS and wasm under /assets/) the context requests. */
function recordCodeRequests(context) {
  const files = new Set();
  context.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith(`/${chunks.assets}/`)) {
      files.add(basename(path));
    }
  });
  return files;
}

describe("the caregiver's first load", { timeout: 3 * TEST_TIMEOUT }, () => {
  const suite = hostAndBrowser();

  test('shows the sign-in form, then her day, opens offline after a reload, and fetches no other role\'s code', { timeout: TEST_TIMEOUT }, async () => {
    assert.ok(otherRolesFiles.size > 0, 'the build splits other roles\' pages out of the caregiver\'s app');
    const phone = await openPage(suite.browser, PHONE);
    const requested = recordCodeRequests(phone.context);
    try {
      const p = phone.page;
      await p.goto(suite.host.url);
      await p.waitForURL('**/prihlaseni');
      await p.getByLabel('Přihlašovací jméno').waitFor();
      for (const file of chunks.main) {
        assert.ok(requested.has(file), `the sign-in form comes with the main module (${file})`);
      }

      await signIn(p, JANA);
      await p.waitForURL('**/dnes');
      const visit = p.locator('.visit').first();
      await visit.waitFor();
      for (const file of chunks.groups.today) {
        assert.ok(requested.has(file), `her day is loaded when first opened (${file})`);
      }

      // Once the service worker controls the page, the app and her day open offline.
      await p.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await p.reload();
      assert.equal(await p.evaluate(() => navigator.serviceWorker.controller !== null), true);
      await visit.waitFor();
      await phone.context.setOffline(true);
      await p.reload();
      await p.locator('.app-header .net-offline').waitFor();
      await visit.waitFor();

      const strangers = [...requested].filter((file) => otherRolesFiles.has(file));
      assert.deepEqual(strangers, [], 'the caregiver\'s phone fetched another role\'s code');
      const unknown = [...requested].filter((file) => !caregiverFiles.has(file));
      assert.deepEqual(unknown, [], 'every file fetched is the caregiver\'s');
      assert.deepEqual(phone.problems, []);
    } finally {
      await phone.context.close();
    }
  });

  test('the office loads its pages when first opened, and offline says so instead of failing', { timeout: TEST_TIMEOUT }, async () => {
    const office = await openPage(suite.browser, LAPTOP);
    const requested = recordCodeRequests(office.context);
    try {
      const k = office.page;
      await k.goto(suite.host.url);
      await k.waitForURL('**/prihlaseni');
      await signIn(k, COORDINATOR);
      await k.waitForURL('**/dnes');
      const officeOnly = chunks.groups.office.filter((file) => !caregiverFiles.has(file));
      assert.ok(officeOnly.length > 0);
      assert.deepEqual(officeOnly.filter((file) => requested.has(file)), [], 'the office pages wait until opened');

      // Offline, a page never opened on this laptop cannot come: the app says so and lives on.
      await office.context.setOffline(true);
      await k.getByRole('link', { name: 'Události z návštěv' }).click();
      await k.waitForURL('**/udalosti');
      await k.getByRole('heading', { name: 'Stránku se nepodařilo načíst' }).waitFor();

      await office.context.setOffline(false);
      await k.goBack();
      await k.waitForURL('**/dnes');
      await k.getByRole('link', { name: 'Události z návštěv' }).click();
      await k.getByRole('heading', { name: 'Události z návštěv' }).waitFor();
      for (const file of officeOnly) {
        assert.ok(requested.has(file), `the office's pages are loaded (${file})`);
      }
      assert.deepEqual(office.problems, []);
    } finally {
      await office.context.close();
    }
  });
});
