// Training end to end: a manager enrols her caregiver into today's course, the lecturer
// takes attendance on a 10-inch tablet (offline too: the roll waits on the tablet through a
// reload and reaches the server once back online), closes the run and issues the
// certificate; the caregiver's hours for the year go up, and the public verification page
// confirms the code. The lecturer also writes a new course and a run of it in the app (a
// field error beside its field first), and a manager enrols into it. A manager opens a worker's
// employment from her staff's standing, whose code comes with the office's pages: a caregiver's
// phone on the same training page never fetches it. Demo data: today's run "Bezpečný přesun a polohování klienta" at
// IVC Ústí nad Labem began an hour before the host started; Martin is not on it yet.
//
// Run: app/build.sh && cargo build -p epece-tests --bin epece-host && (cd tests/e2e && npm ci && npm test)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LAPTOP, PHONE, hostAndBrowser, openPage, signIn, signedIn } from './browser.js';
import { chunks, officeOnlyFiles, recordCodeRequests } from './chunks.js';

/** A 10-inch tablet in portrait, touch only. */
const TABLET = { viewport: { width: 800, height: 1280 }, isMobile: true, hasTouch: true };
const MANAGER = { username: 'vedouci.decin', password: 'demo1234' };
const LECTURER = { username: 'lektor', password: 'demo1234' };
const MARTIN = { username: 'pecovatel.decin', password: 'demo1234' };
const COURSE = 'Bezpečný přesun a polohování klienta';
const TEST_TIMEOUT = 150_000;

async function openTodaysRoll(page) {
  // The run's own button, not the buttons that change the run or its course.
  await page.getByRole('button', { name: new RegExp(`^${COURSE}`) }).click();
  await page.locator('.roll-person').first().waitFor();
}

async function markEveryonePresent(page) {
  const rows = page.locator('.roll-person');
  for (let i = 0; i < (await rows.count()); i += 1) {
    await rows.nth(i).getByRole('button', { name: 'přítomen/na', exact: true }).tap();
  }
}

/** `YYYY-MM-DD` of the day `days` from now. */
function dayFromNow(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('training', { timeout: 5 * TEST_TIMEOUT }, () => {
  const suite = hostAndBrowser();

  test('a roll marked offline survives a reload and reaches the server once', { timeout: TEST_TIMEOUT }, async () => {
    const tablet = await openPage(suite.browser, TABLET);
    try {
      const p = tablet.page;
      await signedIn(p, suite.host.url, LECTURER, '/lektor');
      await openTodaysRoll(p);
      // The service worker controls the page after a reload; the roll is on the tablet.
      await p.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await p.reload();
      await openTodaysRoll(p);

      await tablet.context.setOffline(true);
      await p.reload();
      await openTodaysRoll(p);
      await markEveryonePresent(p);
      await p.getByRole('button', { name: 'Uložit docházku' }).tap();
      await p.locator('.roll .notice').filter({ hasText: 'Čeká na odeslání: 1.' }).waitFor();

      await p.reload();
      await openTodaysRoll(p);
      await p.locator('.roll .notice').filter({ hasText: 'Čeká na odeslání: 1.' }).waitFor();
      const pressed = p.locator('.roll-person [aria-pressed=true]');
      assert.equal(await pressed.count(), await p.locator('.roll-person').count(), 'the marks stay on the tablet');

      await tablet.context.setOffline(false);
      await p.locator('.roll .notice').filter({ hasText: 'Docházka je odeslána na server.' }).waitFor();
      const roll = await p.evaluate(async () => (await fetch('/api/training/runs/run-demo-dnes/roll')).json());
      const enrolled = roll.people.filter((person) => person.status === 'enrolled');
      assert.ok(enrolled.length > 0);
      for (const person of enrolled) {
        assert.deepEqual(person.marks, [{ mark: 'present', minutes: null }], person.name);
      }
      await p.reload();
      await openTodaysRoll(p);
      assert.equal(await p.locator('.roll .notice').filter({ hasText: 'Čeká na odeslání' }).count(), 0, 'nothing left to send');
      assert.deepEqual(tablet.problems, []);
    } finally {
      await tablet.context.close();
    }
  });

  test('a manager enrols a caregiver, the lecturer takes attendance and certifies, her hours go up and the code verifies', { timeout: TEST_TIMEOUT }, async () => {
    const office = await openPage(suite.browser, LAPTOP);
    const tablet = await openPage(suite.browser, TABLET);
    const phone = await openPage(suite.browser, PHONE);
    const stranger = await openPage(suite.browser, PHONE);
    try {
      const m = phone.page;
      await m.goto(suite.host.url);
      await signIn(m, MARTIN);
      await m.waitForURL('**/dnes');
      await m.getByRole('link', { name: 'Školení' }).click();
      const before = await m.locator('.standing-summary').innerText();
      assert.match(before, /splněno 4 h z povinných 12 h/);

      const o = office.page;
      await o.goto(suite.host.url);
      await signIn(o, MANAGER);
      await o.waitForURL('**/pracovnici');
      await o.getByRole('link', { name: 'Školení' }).click();
      const course = o.locator('.training').filter({ hasText: COURSE }).filter({ has: o.locator('select') });
      await course.locator('select').selectOption({ label: 'Martin Pečovatel' });
      await course.getByRole('button', { name: 'Přihlásit', exact: true }).click();
      await o.locator('.notice').filter({ hasText: 'Přihláška je přijata.' }).waitFor();

      const t = tablet.page;
      await t.goto(suite.host.url);
      await signIn(t, LECTURER);
      await t.waitForURL('**/lektor');
      await openTodaysRoll(t);
      const martin = t.locator('.roll-person').filter({ hasText: 'Martin Pečovatel' });
      await martin.waitFor();
      await markEveryonePresent(t);
      await t.getByRole('button', { name: 'Uložit docházku' }).tap();
      await t.locator('.roll .notice').filter({ hasText: 'Docházka je odeslána na server.' }).waitFor();
      await t.getByRole('button', { name: 'Uzavřít docházku a započítat hodiny' }).tap();
      await t.locator('.roll .notice').filter({ hasText: 'hodiny započteny' }).waitFor();
      await t.getByRole('button', { name: 'Vydat osvědčení' }).tap();
      const link = t.locator('.roll-person').filter({ hasText: 'Martin Pečovatel' }).locator('.certificate a');
      await link.waitFor();
      const code = (await link.innerText()).replace('Osvědčení ', '').trim();
      assert.match(code, /^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]$/);

      await m.reload();
      await m.locator('.standing-summary').filter({ hasText: 'splněno 8 h z povinných 12 h' }).waitFor();

      const s = stranger.page;
      await s.goto(new URL(`overeni/${code}`, suite.host.url).href);
      await s.locator('.verdict.valid').waitFor();
      assert.match(await s.locator('.certificate-details').innerText(), /Martin Pečovatel[\s\S]*Bezpečný přesun/);
      for (const device of [office, tablet, phone, stranger]) assert.deepEqual(device.problems, []);
    } finally {
      for (const device of [office, tablet, phone, stranger]) await device.context.close();
    }
  });

  test('a manager opens a worker\'s employment from her staff\'s standing, which comes with the office\'s code a caregiver never fetches', { timeout: TEST_TIMEOUT }, async () => {
    const office = await openPage(suite.browser, LAPTOP);
    const phone = await openPage(suite.browser, PHONE);
    const fetched = recordCodeRequests(phone.context);
    try {
      const o = office.page;
      await signedIn(o, suite.host.url, MANAGER, '/pracovnici');
      await o.getByRole('link', { name: 'Školení' }).click();
      await o.getByRole('heading', { name: 'Plnění povinnosti 24 hodin u pracovníků' }).waitFor();
      await o.getByRole('button', { name: 'Upravit pracovní poměr: Martin Pečovatel' }).click();
      await o.getByRole('heading', { name: 'Pracovní poměr: Martin Pečovatel' }).waitFor();

      const m = phone.page;
      await signedIn(m, suite.host.url, MARTIN, '/dnes');
      await m.getByRole('link', { name: 'Školení' }).click();
      await m.locator('.standing-summary').waitFor();
      await m.locator('.training').first().waitFor();
      assert.equal(await m.getByRole('heading', { name: 'Plnění povinnosti 24 hodin u pracovníků' }).count(), 0);
      assert.ok(chunks.groups.training.some((file) => fetched.has(file)), 'the training pages came');
      assert.deepEqual(officeOnlyFiles.filter((file) => fetched.has(file)), [], 'the caregiver fetched the office\'s code');
      for (const device of [office, phone]) assert.deepEqual(device.problems, []);
    } finally {
      for (const device of [office, phone]) await device.context.close();
    }
  });

  test('the lecturer writes a course and a run of it in the app, and a manager enrols into it', { timeout: TEST_TIMEOUT }, async () => {
    const tablet = await openPage(suite.browser, TABLET);
    const office = await openPage(suite.browser, LAPTOP);
    const title = 'Bazální stimulace v domácí péči';
    try {
      const t = tablet.page;
      await signedIn(t, suite.host.url, LECTURER, '/lektor');
      await t.getByRole('button', { name: 'Nový kurz' }).tap();
      const courseForm = t.getByRole('form', { name: 'Nový kurz' });
      await courseForm.getByLabel('Název', { exact: true }).fill(title);
      await courseForm.getByLabel('Rozsah v hodinách').fill('4,5');
      await courseForm.getByLabel('Cílová skupina').selectOption({ label: 'přímá péče' });
      await courseForm.getByLabel('Co s sebou').fill('Karimatku a deku.');
      await courseForm.getByRole('button', { name: 'Uložit' }).tap();
      await t.locator('.lecturer-page > .notice').filter({ hasText: `Kurz ${title} je uložen.` }).waitFor();

      await t.getByRole('button', { name: 'Nový termín' }).tap();
      const runForm = t.getByRole('form', { name: 'Nový termín' });
      await runForm.getByLabel('Kurz', { exact: true }).selectOption({ label: `${title} (4 h 30 min)` });
      const day = dayFromNow(20);
      await runForm.getByLabel('1. setkání, den').fill(day);
      await runForm.getByLabel('od', { exact: true }).fill('08:00');
      await runForm.getByLabel('do', { exact: true }).fill('12:30');
      await runForm.getByLabel('Přihlášky do').fill(`${dayFromNow(15)}T12:00`);
      await runForm.getByLabel('Odhlásit se lze do').fill(`${dayFromNow(16)}T12:00`);
      // No room yet: the error stands beside the room's field, which is marked.
      await runForm.getByRole('button', { name: 'Uložit' }).tap();
      await runForm.locator('#chyba-room').filter({ hasText: 'Zadejte místnost' }).waitFor();
      assert.equal(await runForm.getByLabel('Místnost').getAttribute('aria-invalid'), 'true');
      await runForm.getByLabel('Místnost').fill('sál 3');
      await runForm.getByRole('button', { name: 'Uložit' }).tap();
      await t.locator('.lecturer-page > .notice').filter({ hasText: `Termín kurzu ${title} je uložen.` }).waitFor();
      await t.getByRole('button', { name: new RegExp(`${title}.*přihlášeno 0 z 12`) }).waitFor();

      const o = office.page;
      await signedIn(o, suite.host.url, MANAGER, '/pracovnici');
      await o.getByRole('link', { name: 'Školení' }).click();
      const offered = o.locator('.training').filter({ hasText: title }).filter({ has: o.locator('select') });
      assert.match(await offered.innerText(), /4 h 30 min · přímá péče/);
      await offered.locator('select').selectOption({ label: 'Martin Pečovatel' });
      await offered.getByRole('button', { name: 'Přihlásit', exact: true }).click();
      await o.locator('.notice').filter({ hasText: 'Přihláška je přijata.' }).waitFor();

      await t.reload();
      await t.getByRole('button', { name: new RegExp(`${title}.*přihlášeno 1 z 12`) }).waitFor();
      for (const device of [tablet, office]) assert.deepEqual(device.problems, []);
    } finally {
      for (const device of [tablet, office]) await device.context.close();
    }
  });
});
