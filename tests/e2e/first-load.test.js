// The caregiver's first load: the sign-in form comes up, she signs in and sees her day (the
// visit record's forms come only at her first "Příchod"), the app and the record form open
// offline after a reload, and her phone never downloads another role's code (the
// office's and the family's pages are separate wasm modules, app/build.sh). The office's
// pages come when first opened; one that cannot come (offline) says so, the app lives on.
// Which file is whose comes from the build's dist/chunks.json.
//
// Run: app/build.sh && cargo build -p epece-tests --bin epece-host && (cd tests/e2e && npm ci && npm test)
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { createServer, request as forward } from 'node:http';
import { basename, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { LAPTOP, PHONE, hostAndBrowser, openPage, signIn, signedIn } from './browser.js';
import { caregiverFiles, chunks, officeOnlyFiles, recordCodeRequests } from './chunks.js';
import { repoRoot } from './host.js';

const JANA = { username: 'pecovatelka.decin', password: 'demo1234' };
const COORDINATOR = { username: 'koordinator.decin', password: 'demo1234' };
const TEST_TIMEOUT = 120_000;
/**
 * What a caregiver's whole first visit may cost on the wire, the precache of her app
 * included. It was half the raw main module (999 827 B) until the module shrank under it;
 * now a fixed budget, a little below that half, so that the module's own size no longer
 * moves it.
 */
const FIRST_VISIT_BUDGET = 495_000;

/** Files only other roles need: the office's and the family's pages and what they share. */
const otherRolesFiles = new Set(
  Object.entries(chunks.roles)
    .filter(([role]) => role !== 'caregiver')
    .flatMap(([, { all }]) => all)
    .filter((file) => !caregiverFiles.has(file)),
);

/** What the visit record's forms need beyond her day: they come with the training pages. */
const recordFormFiles = chunks.groups.training.filter((file) => !chunks.groups.today.includes(file));

/** Names of the files the page itself has loaded (from the network or its service worker). */
async function loadedByPage(page) {
  const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
  return new Set(urls.map((url) => basename(new URL(url).pathname)));
}

/**
 * A proxy in front of the host that counts what goes over the wire: per path, how many
 * times it was answered and the body bytes sent (compressed, as the browser received them).
 * Everything the page and its service worker fetch passes through it.
 */
async function startCountingProxy(hostUrl) {
  const upstream = new URL(hostUrl);
  const answered = new Map();
  const server = createServer((incoming, outgoing) => {
    const path = new URL(incoming.url, 'http://proxy').pathname;
    const toHost = forward(
      { host: '127.0.0.1', port: upstream.port, path: incoming.url, method: incoming.method, headers: incoming.headers },
      (response) => {
        outgoing.writeHead(response.statusCode, response.headers);
        let bytes = 0;
        response.on('data', (chunk) => {
          bytes += chunk.length;
          outgoing.write(chunk);
        });
        response.on('end', () => {
          const seen = answered.get(path) ?? [];
          seen.push({ bytes, status: response.statusCode, encoding: response.headers['content-encoding'] ?? '' });
          answered.set(path, seen);
          outgoing.end();
        });
      },
    );
    incoming.pipe(toHost);
  });
  await new Promise((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    url: `http://localhost:${server.address().port}/`,
    answered,
    stop: () => new Promise((closed) => server.close(closed)),
  };
}

/** Sums what the proxy saw; the app's files and the API apart. */
function firstVisitTotals(answered) {
  const totals = { files: 0, fileBytes: 0, api: 0, apiBytes: 0 };
  for (const [path, seen] of answered) {
    const api = path.startsWith('/api/');
    for (const { bytes } of seen) {
      totals[api ? 'api' : 'files'] += 1;
      totals[api ? 'apiBytes' : 'fileBytes'] += bytes;
    }
  }
  return totals;
}

describe('a first visit on a slow phone', { timeout: 2 * TEST_TIMEOUT }, () => {
  const suite = hostAndBrowser();

  test('fetches each file once, compressed, behind a splash that shows progress', { timeout: TEST_TIMEOUT }, async () => {
    const proxy = await startCountingProxy(suite.host.url);
    const phone = await openPage(suite.browser, PHONE);
    try {
      const p = phone.page;
      // The phone profile the issue measured: 1.6 Mbps down, 150 ms round trips.
      const cdp = await phone.context.newCDPSession(p);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      });
      // Samples the splash's bar while the app loads.
      await p.addInitScript(() => {
        window.bootProgress = [];
        const sample = setInterval(() => {
          const bar = document.getElementById('boot-progress');
          if (bar) {
            window.bootProgress.push(bar.value);
          } else if (document.readyState === 'complete') {
            clearInterval(sample);
          }
        }, 50);
      });
      const started = Date.now();
      await p.goto(proxy.url);
      await p.getByLabel('Přihlašovací jméno').waitFor();
      const usable = Date.now() - started;
      const splashGone = (await p.locator('#boot').count()) === 0;
      const progress = await p.evaluate(() => window.bootProgress);

      // The worker has installed (its precache is complete) once it is ready.
      await p.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await signIn(p, JANA);
      await p.waitForURL('**/dnes');
      await p.locator('.visit').first().waitFor();

      const totals = firstVisitTotals(proxy.answered);
      console.log(
        `first visit: sign-in form usable after ${usable} ms (1.6 Mbps, 150 ms); ` +
          `${totals.files} file requests, ${totals.fileBytes} B; ${totals.api} API requests, ${totals.apiBytes} B`,
      );
      assert.ok(splashGone, 'the splash is gone once the app runs');
      assert.ok(
        progress.some((value) => value > 0 && value < 100),
        `the splash showed the module arriving (${progress.join(', ')})`,
      );
      const twice = [...proxy.answered]
        .filter(([path, seen]) => !path.startsWith('/api/') && seen.length > 1)
        .map(([path, seen]) => `${path} ×${seen.length}`);
      assert.deepEqual(twice, [], 'a file was downloaded more than once');
      // Every code file of her first screen went over the wire as its Brotli copy, byte for
      // byte (app/compress.mjs keeps a copy only where it is smaller than the file).
      for (const file of [...chunks.main, ...chunks.groups.today]) {
        const [answer] = proxy.answered.get(`/${chunks.assets}/${file}`) ?? [];
        const path = resolve(repoRoot, 'dist', chunks.assets, file);
        const [encoding, bytes] = existsSync(`${path}.br`) ? ['br', statSync(`${path}.br`).size] : ['', statSync(path).size];
        assert.equal(answer?.encoding, encoding, `${file} comes ${encoding ? 'Brotli-compressed' : 'as it is'}`);
        assert.equal(answer?.bytes, bytes, `${file} is sent in ${bytes} B`);
      }
      assert.ok(
        totals.fileBytes < FIRST_VISIT_BUDGET,
        `the whole first visit (${totals.fileBytes} B) stays within its budget (${FIRST_VISIT_BUDGET} B)`,
      );
      assert.deepEqual(phone.problems, []);
    } finally {
      await phone.context.close();
      await proxy.stop();
    }
  });
});

describe("the caregiver's first load", { timeout: 3 * TEST_TIMEOUT }, () => {
  const suite = hostAndBrowser();

  test('shows the sign-in form, then her day without the record forms, opens the app and the record form offline after a reload, and fetches no other role\'s code', { timeout: TEST_TIMEOUT }, async () => {
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
      // The visit record's forms wait for her first "Příchod".
      assert.ok(recordFormFiles.length > 0, 'the build splits the record forms out of her day');
      const beforeRecord = await loadedByPage(p);
      assert.deepEqual(recordFormFiles.filter((file) => beforeRecord.has(file)), [], 'her day loaded the record forms');

      // Once the service worker controls the page, the app and her day open offline.
      await p.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await p.reload();
      assert.equal(await p.evaluate(() => navigator.serviceWorker.controller !== null), true);
      await visit.waitFor();
      await phone.context.setOffline(true);
      await p.reload();
      await p.locator('.app-header .net-offline').waitFor();
      await visit.waitFor();
      // Still offline, "Příchod" opens the record form: the worker keeps its module too.
      const reloaded = await loadedByPage(p);
      assert.deepEqual(recordFormFiles.filter((file) => reloaded.has(file)), [], 'her day loaded the record forms');
      await p.getByRole('button', { name: 'Příchod – zaznamenat návštěvu' }).first().click();
      await p.locator('.record-form').getByLabel('Příchod').waitFor();
      const opened = await loadedByPage(p);
      for (const file of recordFormFiles) {
        assert.ok(opened.has(file), `the record form comes from the worker's cache offline (${file})`);
      }

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
      await signedIn(k, suite.host.url, COORDINATOR, '/dnes');
      assert.ok(officeOnlyFiles.length > 0);
      assert.deepEqual(officeOnlyFiles.filter((file) => requested.has(file)), [], 'the office pages wait until opened');

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
      for (const file of officeOnlyFiles) {
        assert.ok(requested.has(file), `the office's pages are loaded (${file})`);
      }
      assert.deepEqual(office.problems, []);
    } finally {
      await office.context.close();
    }
  });
});
