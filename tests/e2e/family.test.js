// The family view end to end, on a phone: the relative sees today's visit done, sends a
// request to move Friday's visit later; the coordinator accepts it on a laptop; the
// relative sees the change with its reason and one unseen-change mark; offline, the home
// and the changes as last loaded, with the time they were updated.
//
// Run: app/build.sh && cargo build -p epece-tests --bin epece-host && (cd tests/e2e && npm ci && npm test)
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { LAPTOP, PHONE, hostAndBrowser, openPage, signIn } from './browser.js';

const TEST_TIMEOUT = 120_000;

/** Today's date in Prague, `YYYY-MM-DD`: the demo's visit ids carry it. */
function pragueToday() {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Prague' }).format(new Date());
}

/** The caregiver's phone sends the record of today's 7:30 visit of Marie: there from 50 to
 *  10 minutes ago (the live state needs a visit that is over, whatever the hour). */
async function recordTodaysVisit(context, baseUrl) {
  const api = context.request;
  const login = await api.post(new URL('/api/auth/login', baseUrl).href, {
    headers: { 'x-requested-with': 'epece' },
    data: { username: 'pecovatelka.decin', password: 'demo1234' },
  });
  assert.equal(login.status(), 200);
  const minutesAgo = (minutes) => new Date(Date.now() - minutes * 60_000).toISOString();
  const visitId = `visit-${pragueToday()}-00`;
  const schedule = await api.get(new URL('/api/schedule/visits/today', baseUrl).href);
  const visit = (await schedule.json()).visits.find((v) => v.id === visitId);
  assert.ok(visit, `${visitId} is on Jana's day`);
  const item = {
    record_id: randomUUID(),
    device_id: 'e2e-telefon',
    visit_id: visitId,
    recorded_at: minutesAgo(9),
    planned_starts_at: visit.starts_at,
    clock_arrived_at: minutesAgo(50),
    clock_left_at: minutesAgo(10),
    arrived_at: minutesAgo(50),
    left_at: minutesAgo(10),
    tasks: [{ task_code: 'b1' }, { task_code: 'a2' }],
  };
  const sync = await api.post(new URL('/api/records/sync', baseUrl).href, {
    headers: { 'x-requested-with': 'epece' },
    data: { items: [item] },
  });
  assert.equal(sync.status(), 200);
  const [result] = (await sync.json()).results;
  assert.equal(result.outcome, 'applied', JSON.stringify(result));
}

describe('a family member on a phone', { timeout: 3 * TEST_TIMEOUT }, () => {
  const suite = hostAndBrowser();

  test('sees today done, asks to move Friday later, and sees the accepted change marked', { timeout: TEST_TIMEOUT }, async () => {
    const caregiver = await openPage(suite.browser, PHONE);
    const family = await openPage(suite.browser, PHONE);
    const coordinator = await openPage(suite.browser, LAPTOP);
    try {
      await recordTodaysVisit(caregiver.context, suite.host.url);

      const f = family.page;
      await f.goto(suite.host.url);
      await f.waitForURL('**/prihlaseni');
      await signIn(f, { username: 'rodina.decin', password: 'demo1234' });
      await f.waitForURL('**/rodina');
      const done = f.locator('.live-visit[data-state=done] .live-state');
      await done.waitFor();
      assert.match(await done.innerText(), /^Hotovo v \d{1,2}:\d{2} \(příchod v \d{1,2}:\d{2}\), všechny úkony splněny$/);
      // Time, caregiver and state read apart, not as one run of text: the caregiver's box
      // starts below the time's or at least 4 px to its right.
      const visit = f.locator('.live-visit[data-state=done]');
      const time = await visit.locator('.live-time').boundingBox();
      const who = await visit.locator('.live-caregiver').boundingBox();
      assert.ok(
        who.y >= time.y + time.height - 1 || who.x >= time.x + time.width + 4,
        `time ${JSON.stringify(time)}, caregiver ${JSON.stringify(who)}`,
      );
      // The demo's own changes: seen once the relative opens them.
      assert.equal((await f.locator('.family-actions .unseen-count').innerText()).trim(), '2 nové změny');
      await f.getByRole('link', { name: /Změny v rozpisu/ }).click();
      await f.waitForURL('**/zmeny');
      await f.locator('.change').first().waitFor();
      assert.equal(await f.locator('.change.unseen').count(), 2);
      await f.getByRole('link', { name: /Zpět na přehled/ }).click();
      await f.waitForURL('**/rodina');
      await f.locator('.family-actions .unseen-count', { hasText: 'Žádné nové změny' }).waitFor();

      // The request: Friday's 7:30 visit, later.
      await f.getByRole('link', { name: 'Požádat koordinátora o změnu' }).click();
      await f.waitForURL('**/zadost');
      const select = f.getByLabel('Které návštěvy se žádost týká?');
      await select.waitFor();
      const options = await select.locator('option').allInnerTexts();
      const friday = options.find((label) => label.startsWith('Pátek') && label.includes('7:30–8:30'));
      assert.ok(friday, `a Friday 7:30 visit among ${options.join(' | ')}`);
      await select.selectOption({ label: friday });
      await f.getByLabel('Přijít později').check();
      await f.getByLabel('Vzkaz koordinátorovi').fill('V pátek prosím až v deset, ráno jsme u lékaře.');
      await f.getByRole('button', { name: 'Odeslat žádost' }).click();
      const sent = f.locator('.request').first();
      await sent.waitFor();
      assert.match(await sent.innerText(), /Čeká na odpověď/);

      // The coordinator accepts it on the laptop: the visit moves to 10:00.
      const k = coordinator.page;
      await k.goto(suite.host.url);
      await k.waitForURL('**/prihlaseni');
      await signIn(k, { username: 'koordinator.decin', password: 'demo1234' });
      await k.waitForURL('**/dnes');
      await k.goto(new URL('/udalosti', suite.host.url).href);
      const card = k.locator('.family-request[data-state=open]', { hasText: 'ráno jsme u lékaře' });
      await card.waitFor();
      await card.getByLabel('Nový čas začátku').fill('10:00');
      await card.getByLabel('Odpověď rodině').fill('Přijdeme v 10:00.');
      await card.getByRole('button', { name: 'Vyhovět' }).click();
      await k.locator('.family-request[data-state=accepted]', { hasText: 'ráno jsme u lékaře' }).waitFor();

      // The relative sees one unseen change, with its reason, and the answer.
      await f.goto(new URL('/rodina', suite.host.url).href);
      const unseen = f.locator('.family-actions .unseen-count');
      await unseen.waitFor();
      assert.equal((await unseen.innerText()).trim(), '1 nová změna');
      await f.getByRole('link', { name: /Změny v rozpisu/ }).click();
      const change = f.locator('.change.unseen');
      await change.waitFor();
      assert.equal(await change.count(), 1);
      assert.match(await change.locator('.change-what').innerText(), /^Návštěva pátek .* se přesouvá z 7:30 na 10:00\.$/);
      assert.equal((await change.locator('.change-why').innerText()).trim(), 'Důvod: Na žádost rodiny.');

      // Offline: the home as last loaded, with the time it was updated, and its changes.
      await f.goto(new URL('/rodina', suite.host.url).href);
      await f.locator('.live-visit').first().waitFor();
      await family.context.setOffline(true);
      await f.reload();
      const kept = f.locator('main .kept-notice');
      await kept.waitFor();
      assert.match(await kept.innerText(), /^Bez připojení: zobrazujeme údaje naposledy aktualizované /);
      await f.locator('.live-visit[data-state=done]').waitFor();
      await f.getByRole('link', { name: /Změny v rozpisu/ }).click();
      await f.locator('main .kept-notice').waitFor();
      assert.ok((await f.locator('.change').count()) >= 3, 'the kept changes are readable');
      await family.context.setOffline(false);

      assert.deepEqual(family.problems, []);
      assert.deepEqual(coordinator.problems, []);
    } finally {
      await caregiver.context.close();
      await family.context.close();
      await coordinator.context.close();
    }
  });

  test('the coordinator sees the relative\'s calendar feed and revokes it, and its address stops answering', { timeout: TEST_TIMEOUT }, async () => {
    const family = await openPage(suite.browser, PHONE);
    const coordinator = await openPage(suite.browser, LAPTOP);
    try {
      // The relative makes a feed (the phone's calendar would subscribe to its address).
      const api = family.context.request;
      const login = await api.post(new URL('/api/auth/login', suite.host.url).href, {
        headers: { 'x-requested-with': 'epece' },
        data: { username: 'rodina.decin', password: 'demo1234' },
      });
      assert.equal(login.status(), 200);
      const made = await api.post(new URL('/api/schedule/family/cl-d1/calendar-feed', suite.host.url).href, {
        headers: { 'x-requested-with': 'epece' },
        data: {},
      });
      assert.equal(made.status(), 201, await made.text());
      const feedUrl = new URL((await made.json()).path, suite.host.url).href;
      assert.equal((await api.get(feedUrl)).status(), 200);

      const k = coordinator.page;
      await k.goto(suite.host.url);
      await k.waitForURL('**/prihlaseni');
      await signIn(k, { username: 'koordinator.decin', password: 'demo1234' });
      await k.waitForURL('**/dnes');
      await k.goto(new URL('/klienti/cl-d1/rodina', suite.host.url).href);
      const feeds = k.locator('section[aria-labelledby=feeds-heading]');
      const row = feeds.locator('.calendar-feed', { hasText: 'Odebírá kalendář od' });
      await row.waitFor();
      await row.getByRole('button', { name: 'Zrušit odběr kalendáře' }).click();
      await row.getByRole('button', { name: 'Ano, zrušit' }).click();
      await feeds.locator('.calendar-feed', { hasText: 'Kalendář neodebírá.' }).waitFor();
      assert.equal(await feeds.locator('.calendar-feed', { hasText: 'Odebírá kalendář od' }).count(), 0);

      assert.equal((await api.get(feedUrl)).status(), 404, 'a revoked feed answers 404 at once');
      // The family member keeps the access itself.
      await k.locator('section[aria-labelledby=links-heading] .family-link').first().waitFor();
      assert.deepEqual(coordinator.problems, []);
    } finally {
      await family.context.close();
      await coordinator.context.close();
    }
  });
});
