// A visit as a caregiver lives it on a phone-sized screen: she taps "Příchod", ticks a task
// and types a note; a reload and another page lose nothing, and a bar on every page says
// whom she is with since when; "Odcházím" right away makes a too-short visit, which asks
// why; saved, the badge turns "Hotovo" without a reload and the record reaches the server
// once. On a second phone the visit is done and offers no second record, only "Opravit":
// her correction with a reason is kept as a version beside the original. Back on the first
// phone, offline, she corrects it again: the card reads it at once, a reload keeps it, and
// back in signal it reaches the server exactly once. Along the way the
// day's touch targets are measured and the client's key risks read on her card. Demo data:
// every day Jana visits Věra Modelová.
//
// Run: app/build.sh && cargo build -p epece-tests --bin epece-host && (cd tests/e2e && npm ci && npm test)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PHONE, hostAndBrowser, openPage, signedIn } from './browser.js';

const JANA = { username: 'pecovatelka.decin', password: 'demo1234' };
const CLIENT = 'Věra Modelová';
const NOTE = 'Klientka dnes odpočívá, hygiena jen částečně.';
const REASON = 'Klient si přál kratší návštěvu';
const RISKS = 'Alergie na penicilin; klíč v klíčence.';
const CORRECTION_REASON = 'Příchod jsem zaznamenala až po půl hodině';
const OFFLINE_REASON = 'Přišla jsem dřív, než jsem ťukla na Příchod';
const TEST_TIMEOUT = 200_000;

// The draft goes into the phone's store as she types, a moment after each keystroke; the
// reload comes once the note is there (the app's IndexedDB "epece", key "outbox").
async function draftStored(page, note) {
  await page.waitForFunction((text) => new Promise((resolve) => {
    const opened = indexedDB.open('epece');
    opened.onerror = () => resolve(false);
    opened.onsuccess = () => {
      const read = opened.result.transaction('kv').objectStore('kv').get('outbox');
      read.onerror = () => resolve(false);
      read.onsuccess = () => {
        opened.result.close();
        resolve(typeof read.result === 'string' && read.result.includes(text));
      };
    };
  }), note);
}

/** `HH:MM` moved `minutes` earlier, never before midnight. */
function earlierBy(time, minutes) {
  const [hours, mins] = time.split(':').map(Number);
  const total = Math.max(0, hours * 60 + mins - minutes);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** Width and height, in CSS pixels, of every element `locator` matches. */
async function sizes(locator) {
  return locator.evaluateAll((elements) => elements.map((element) => {
    const box = element.getBoundingClientRect();
    return { width: Math.round(box.width), height: Math.round(box.height) };
  }));
}

/**
 * Asserts every element `locator` matches is at least 44 px tall, and reports the smallest
 * of them and how many there are.
 */
async function touchTarget(name, locator, report) {
  const found = await sizes(locator);
  assert.ok(found.length > 0, `${name}: present`);
  for (const size of found) {
    assert.ok(size.height >= 44, `${name} is ${size.width}×${size.height} px`);
  }
  const smallest = found.reduce((least, size) => (size.height < least.height ? size : least));
  report[name] = { ...smallest, count: found.length };
}

describe('a caregiver\'s visit on her phone', { timeout: 2 * TEST_TIMEOUT }, () => {
  const suite = hostAndBrowser();

  test('arrival is kept across a reload and another page with a bar on top, a too-short visit asks why, and the record is sent once', { timeout: TEST_TIMEOUT }, async () => {
    const phone = await openPage(suite.browser, PHONE);
    const second = await openPage(suite.browser, PHONE);
    try {
      const p = phone.page;
      await signedIn(p, suite.host.url, JANA, '/dnes');
      const card = p.locator('.visit').filter({ hasText: CLIENT }).first();
      await card.waitFor();
      const visitId = (await card.locator('.visit-client').getAttribute('id')).replace(/^visit-/, '');
      assert.equal((await p.locator('.sync-waiting').innerText()).trim(), 'Žádný záznam nečeká na odeslání');
      // The client's key risks from her record, beside the doorstep note.
      assert.equal((await card.locator('.visit-risks').innerText()).replace(/\s+/g, ' ').trim(), `Rizika: ${RISKS}`);

      // The day's touch targets, before and after opening the record.
      const report = {};
      await touchTarget('Navigovat', p.locator('.visit a.button-navigate'), report);
      // Her daughter and the office, each called with one tap (made-up demo numbers).
      const call = card.locator('.visit-calls a');
      assert.equal(await call.getAttribute('href'), 'tel:+420601000051');
      assert.equal((await call.innerText()).replace(/\s+/g, ' ').trim(), 'Zavolat: Petra Modelová (dcera) +420 601 000 051');
      await touchTarget('Zavolat (contact)', call, report);
      const office = p.locator('a.button-office-call');
      assert.equal(await office.getAttribute('href'), 'tel:+420601000001');
      await touchTarget('Zavolat do kanceláře', office, report);
      await touchTarget('Příchod', card.locator('.record-open'), report);
      await touchTarget('menu link', p.locator('.main-nav a'), report);
      await touchTarget('Odhlásit se', p.locator('.app-header button'), report);
      // The other visits still to do, under the next one: every link and button on them.
      const others = p.locator('section.today > ol.visits > li.visit');
      report['other visits'] = await others.count();
      report['other visit card'] = (await sizes(others))[0];
      await touchTarget('other visits: links and buttons', others.locator('a, button'), report);
      report.header = (await sizes(p.locator('.app-header')))[0];
      report.nav = (await sizes(p.locator('.main-nav')))[0];
      report.nextCard = (await sizes(p.locator('.visit-next article')))[0];

      // Arrival: kept at once, the form opens from what the phone keeps.
      await card.getByRole('button', { name: 'Příchod – zaznamenat návštěvu' }).click();
      const form = card.locator('.record-form');
      await form.getByLabel('Příchod').waitFor();
      const arrival = await form.getByLabel('Příchod').inputValue();
      assert.match(arrival, /^\d{2}:\d{2}$/);
      const since = arrival.replace(/^0/, '');
      const bar = p.locator('.running-visit');
      await bar.waitFor();
      assert.equal((await bar.innerText()).replace(/\s+/g, ' ').trim(), `U paní Modelové od ${since}`);
      assert.equal((await card.locator('.badge').innerText()).trim(), 'Probíhá');
      await touchTarget('task row (label)', form.locator('.task-choice label'), report);
      report['task checkbox'] = (await sizes(form.locator('.task-choice input[type=checkbox]')))[0];
      await touchTarget('running bar', bar.locator('a'), report);

      const task = form.locator('.record-tasks .task-choice input[type=checkbox]').first();
      await task.check();
      await form.getByLabel('Poznámka', { exact: true }).fill(NOTE);

      // A reload loses nothing: the bar, the arrival, the tick and the note are still there.
      await draftStored(p, NOTE);
      await p.reload();
      await bar.waitFor();
      await form.getByLabel('Poznámka', { exact: true }).waitFor();
      assert.equal(await form.getByLabel('Poznámka', { exact: true }).inputValue(), NOTE);
      assert.equal(await form.getByLabel('Příchod').inputValue(), arrival);
      assert.equal(await task.isChecked(), true);

      // Another page: the bar stays on top and leads back to the open record.
      await p.getByRole('link', { name: 'Můj účet' }).click();
      await p.waitForURL('**/ucet');
      assert.match(await bar.innerText(), new RegExp(`U paní Modelové\\s+od ${since}`));
      await bar.locator('a').click();
      await p.waitForURL('**/dnes');
      await form.getByLabel('Poznámka', { exact: true }).waitFor();
      assert.equal(await form.getByLabel('Poznámka', { exact: true }).inputValue(), NOTE);

      // Leaving at once makes a too-short visit: the form asks why, and saving waits for it.
      await form.getByRole('button', { name: 'Odcházím' }).click();
      const question = form.locator('.deviation-question');
      await question.waitFor();
      assert.match(await question.innerText(), /^Návštěva trvala 0 min, plán je \d+ min\. Proč byla kratší\?$/);
      await form.getByRole('button', { name: 'Uložit záznam' }).click();
      assert.match(await form.locator('[role=alert]').innerText(), /Vyberte důvod/);
      await form.getByLabel('Důvod', { exact: true }).selectOption(REASON);
      await form.getByRole('button', { name: 'Uložit záznam' }).click();

      // Saved: the badge turns at once and the visit folds away with the done ones; the bar
      // goes; the record is sent by itself.
      const folded = p.locator('.visits-behind');
      await folded.locator('.visit', { hasText: CLIENT }).waitFor({ state: 'attached' });
      await bar.waitFor({ state: 'detached' });
      await folded.locator('summary').click();
      await card.locator('.badge', { hasText: 'Hotovo' }).waitFor();
      await p.locator('.sync-waiting', { hasText: 'Všechny záznamy jsou odeslané' }).waitFor();
      await card.locator('.record-state.sent', { hasText: 'odeslán' }).waitFor();
      await p.reload();
      await card.locator('.record-state', { hasText: 'odeslán' }).waitFor({ state: 'attached' });
      assert.equal(await card.getByRole('button', { name: /Příchod/ }).count(), 0);
      const records = await p.evaluate(async (id) => {
        const response = await fetch(`/api/records/visits/${id}`, { headers: { Accept: 'application/json' } });
        return { status: response.status, body: await response.json() };
      }, visitId);
      assert.equal(records.status, 200);
      assert.equal(records.body.records.length, 1, 'the record reached the server exactly once');
      assert.equal(records.body.records[0].versions[0].note, NOTE);
      assert.equal(records.body.records[0].versions[0].reason, REASON);
      assert.deepEqual(phone.problems, []);

      // A second phone: the visit is done there too, with its times, and offers no new record.
      const s = second.page;
      await signedIn(s, suite.host.url, JANA, '/dnes');
      const done = s.locator('.visit').filter({ hasText: CLIENT }).first();
      await done.locator('.badge', { hasText: 'Hotovo' }).waitFor({ state: 'attached' });
      assert.match(await done.locator('.record-state').textContent(), /^Návštěva je zaznamenána: \d{1,2}:\d{2}–\d{1,2}:\d{2}\.$/);
      assert.equal(await done.getByRole('button', { name: /Příchod/ }).count(), 0);

      // Unfolded, it offers only "Opravit": her correction, with a reason, is a new version
      // of the same record, shown on the card at once.
      await touchTarget('Hotové a zrušené (folded)', s.locator('.visits-behind > summary'), report);
      await touchTarget('Zítra (folded)', s.locator('.tomorrow > summary'), report);
      // Unfolded, tomorrow's visits are cards like today's: every link and button on them.
      await s.locator('.tomorrow > summary').click();
      await touchTarget('Zítra: links and buttons', s.locator('.tomorrow .visit').locator('a, button'), report);
      await s.locator('.tomorrow > summary').click();
      await s.locator('.visits-behind > summary').click();
      await done.getByRole('button', { name: 'Opravit' }).waitFor();
      const buttons = await done.getByRole('button').allInnerTexts();
      assert.deepEqual(buttons.map((text) => text.trim()), ['Opravit']);
      await touchTarget('Opravit', done.locator('.record-correct'), report);
      // Offline, this phone has no copy of a record made on the other one, and says so.
      await second.context.setOffline(true);
      await s.locator('.app-header .net-offline').waitFor();
      await done.getByRole('button', { name: 'Opravit' }).click();
      assert.equal(
        await done.locator('.hint[role=status]').innerText(),
        'Tento záznam není uložen v telefonu; opravit ho půjde s připojením k internetu.',
      );
      await second.context.setOffline(false);
      await s.locator('.app-header .net-offline').waitFor({ state: 'detached' });
      await done.getByRole('button', { name: 'Opravit' }).click();
      const correction = done.locator('.correction-form');
      await correction.getByLabel('Příchod').waitFor();
      await touchTarget('correction time field', correction.getByLabel('Příchod'), report);
      await touchTarget('Důvod opravy', correction.getByLabel('Důvod opravy'), report);
      await touchTarget('Uložit opravu', correction.getByRole('button', { name: 'Uložit opravu' }), report);
      assert.equal(await correction.getByLabel('Příchod').inputValue(), arrival);
      const left = await correction.getByLabel('Odchod').inputValue();
      const earlier = earlierBy(arrival, 30);
      await correction.getByLabel('Příchod').fill(earlier);
      await correction.getByRole('button', { name: 'Uložit opravu' }).click();
      assert.equal(await correction.locator('[role=alert]').innerText(), 'Uveďte důvod.');
      assert.equal(await correction.getByLabel('Důvod opravy').getAttribute('aria-invalid'), 'true');
      await correction.getByLabel('Důvod opravy').fill(CORRECTION_REASON);
      assert.equal(await correction.locator('[role=alert]').count(), 0, 'the error goes once she edits');
      await correction.getByRole('button', { name: 'Uložit opravu' }).click();
      const corrected = done.locator('.record-corrected');
      await corrected.waitFor();
      assert.equal(
        (await corrected.innerText()).trim(),
        `Opraveno: ${earlier.replace(/^0/, '')}–${left.replace(/^0/, '')}. Důvod opravy: ${CORRECTION_REASON}`,
      );
      await correction.waitFor({ state: 'detached' });
      const versions = await s.evaluate(async (id) => {
        const response = await fetch(`/api/records/visits/${id}`, { headers: { Accept: 'application/json' } });
        return (await response.json()).records.map((record) => record.versions.map((v) => v.reason));
      }, visitId);
      assert.deepEqual(versions, [[REASON, CORRECTION_REASON]], 'one record, the original kept beside the correction');
      assert.deepEqual(second.problems, []);

      // The first phone, offline: "Opravit" opens her record as the phone kept it when it
      // sent it; the correction goes into the outbox and the card reads it at once.
      await phone.context.setOffline(true);
      await p.locator('.app-header .net-offline').waitFor();
      await p.locator('.visits-behind > summary').click();
      await card.getByRole('button', { name: 'Opravit' }).click();
      const offlineForm = card.locator('.correction-form');
      await offlineForm.getByLabel('Odchod').waitFor();
      assert.equal(await offlineForm.getByLabel('Příchod').inputValue(), arrival);
      const offlineArrival = earlierBy(arrival, 45);
      await offlineForm.getByLabel('Příchod').fill(offlineArrival);
      await offlineForm.getByLabel('Důvod opravy').fill(OFFLINE_REASON);
      await offlineForm.getByRole('button', { name: 'Uložit opravu' }).click();
      const offlineCorrected = card.locator('.record-corrected');
      const correctedText = `Opraveno: ${offlineArrival.replace(/^0/, '')}–${left.replace(/^0/, '')}. Důvod opravy: ${OFFLINE_REASON}`;
      await offlineCorrected.waitFor();
      assert.equal((await offlineCorrected.innerText()).trim(), correctedText);
      await card.locator('.record-state.waiting', { hasText: 'Oprava je uložena v telefonu' }).waitFor();
      await p.locator('.sync-waiting', { hasText: 'Čeká na odeslání: 1 záznam' }).waitFor();

      // Closing the app loses nothing: after a reload, still offline, the correction waits.
      await draftStored(p, OFFLINE_REASON);
      await p.reload();
      await p.locator('.app-header .net-offline').waitFor();
      await card.locator('.record-corrected').waitFor({ state: 'attached' });
      assert.equal((await card.locator('.record-corrected').textContent()).trim(), correctedText);
      await p.locator('.sync-waiting', { hasText: 'Čeká na odeslání: 1 záznam' }).waitFor();

      // Back in signal: sent by itself, stored once as one more version.
      await phone.context.setOffline(false);
      await p.locator('.sync-waiting', { hasText: 'Všechny záznamy jsou odeslané' }).waitFor();
      await card.locator('.record-state.waiting').waitFor({ state: 'detached' });
      await p.reload();
      await p.locator('.sync-waiting', { hasText: 'Všechny záznamy jsou odeslané' }).waitFor();
      const afterSync = await p.evaluate(async (id) => {
        const response = await fetch(`/api/records/visits/${id}`, { headers: { Accept: 'application/json' } });
        return (await response.json()).records.map((record) => record.versions.map((v) => v.reason));
      }, visitId);
      assert.deepEqual(afterSync, [[REASON, CORRECTION_REASON, OFFLINE_REASON]], 'the offline correction reached the server exactly once');
      assert.deepEqual(phone.problems, []);

      console.log(`touch targets on a 390×844 phone: ${JSON.stringify(report)}`);
    } finally {
      await phone.context.close();
      await second.context.close();
    }
  });
});
