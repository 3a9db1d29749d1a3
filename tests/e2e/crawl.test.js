// The demo crawl: every demo account signs in on a phone and on a laptop and opens every
// page its navigation offers, plus the detail pages of its own records; no API answer is a
// 5xx, the browser logs no error, no English word of the stack leaks into the Czech UI, and on
// a phone every button, button-like link and form field is a touch target at least 44 px tall
// (the week board excepted: a compact laptop tool), and no page but the week board is wider
// than the screen (a wide table scrolls in its own box).
// The API half (every read route of every role) is tests/api/demo_crawl.rs.
//
// Run: app/build.sh && cargo build -p epece-tests --bin epece-host && (cd tests/e2e && npm ci && npm test)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LAPTOP, PHONE, hostAndBrowser, openPage, signIn } from './browser.js';

const PASSWORD = 'demo1234';
const TEST_TIMEOUT = 240_000;

/** Yesterday's Prague date, `YYYY-MM-DD`: the demo's visits of yesterday are done and recorded. */
const YESTERDAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Prague' }).format(new Date(Date.now() - 86_400_000));

/** Every demo account, with the detail pages of its own records beyond its navigation. */
const ACCOUNTS = [
  { username: 'vedouci.decin', details: ['/klienti/novy', '/klienti/cl-d1/plan', '/klienti/cl-d1/rodina', '/pecovatele/user-pecovatel.decin', `/navstevy/visit-${YESTERDAY}-05`, '/prehled'] },
  { username: 'koordinator.decin', details: ['/klienti/novy', '/klienti/cl-d1/plan', '/klienti/cl-d1/rodina', '/pecovatele/user-pecovatelka.decin', `/navstevy/visit-${YESTERDAY}-00`, '/prehled'] },
  { username: 'pecovatelka.decin', details: [] },
  { username: 'pecovatel.decin', details: [] },
  { username: 'vedouci.louny', details: ['/klienti/cl-l2/plan', '/pecovatele/user-pecovatelka.louny', `/navstevy/visit-${YESTERDAY}-08`, '/prehled'] },
  { username: 'pecovatelka.louny', details: [] },
  { username: 'kraj', details: [] },
  { username: 'analytik', details: [] },
  { username: 'lektor', details: [] },
  { username: 'rodina.decin', details: ['/rodina/cl-d1/zmeny', '/rodina/cl-d1/zadost', '/rodina/cl-d1/kalendar'] },
  { username: 'rodina.louny', details: ['/rodina/cl-l2/zmeny', '/rodina/cl-l2/zadost', '/rodina/cl-l2/kalendar'] },
];

/** Buttons, links drawn as buttons and the fields one types into or picks from: what a finger has to hit. */
const TARGETS = 'button, a.button, a.family-action, select, textarea, input:not([type="checkbox"]):not([type="radio"]):not([type="hidden"])';
const SMALLEST_TARGET_PX = 44;

/** The visible touch targets of `main` lower than 44 px, as "height text". */
function smallTargets(page) {
  return page.locator('main').evaluate((main, [selector, smallest]) => [...main.querySelectorAll(selector)]
    .filter((target) => target.getClientRects().length > 0)
    .map((target) => [target.getBoundingClientRect().height, (target.innerText || target.getAttribute('aria-label') || '').trim().slice(0, 40)])
    // Sub-pixel rounding: 43.6 px is drawn as 44.
    .filter(([height]) => height < smallest - 0.5)
    .map(([height, text]) => `${Math.round(height)} px "${text}"`), [TARGETS, SMALLEST_TARGET_PX]);
}

/** Words of the code or the stack that must never reach a Czech page. */
const UNTRANSLATED = /\b(undefined|null|NaN|Loading|Error|Submit|Cancel|Not found|Unauthorized|Forbidden|Internal Server Error)\b/;

async function crawl(suite, { username, details }, device, label) {
  const { context, page, problems } = await openPage(suite.browser, device);
  const failures = [];
  page.on('response', (response) => {
    if (response.url().includes('/api/') && response.status() >= 500) {
      failures.push(`${response.status()} ${response.url()}`);
    }
  });
  try {
    await page.goto(new URL('/prihlaseni', suite.host.url).href);
    await signIn(page, { username, password: PASSWORD });
    await page.waitForURL((url) => !url.pathname.startsWith('/prihlaseni'));
    await page.waitForLoadState('networkidle');
    // From here on, signed in: any console error is a fault (before, the sign-in form's
    // "who am I?" is answered 401 by design, and Chromium logs that).
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()} (${page.url()})`);
    });
    const nav = page.getByRole('navigation', { name: 'Hlavní nabídka' });
    const links = await nav.getByRole('link').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    for (const path of [...new Set([...links, ...details])]) {
      await page.goto(new URL(path, suite.host.url).href);
      await page.waitForLoadState('networkidle');
      await page.locator('main h1').first().waitFor();
      const text = await page.locator('body').innerText();
      const english = UNTRANSLATED.exec(text);
      if (english) failures.push(`${path}: untranslated "${english[0]}"`);
      if (!path.startsWith('/tyden')) {
        const [pageWidth, screenWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        if (pageWidth > screenWidth) failures.push(`${path}: ${pageWidth} px wide on a ${screenWidth} px screen`);
      }
      if (device === PHONE && !path.startsWith('/tyden')) {
        for (const target of await smallTargets(page)) failures.push(`${path}: touch target ${target}`);
      }
    }
    assert.deepEqual(failures, [], `${username} on a ${label}`);
    assert.deepEqual(problems, [], `${username} on a ${label}: browser errors`);
  } finally {
    await context.close();
  }
}

describe('the demo crawl', { timeout: ACCOUNTS.length * 2 * TEST_TIMEOUT }, () => {
  const suite = hostAndBrowser();
  for (const account of ACCOUNTS) {
    for (const [device, label] of [[PHONE, 'phone'], [LAPTOP, 'laptop']]) {
      test(`${account.username} opens every page on a ${label}`, { timeout: TEST_TIMEOUT }, async () => {
        await crawl(suite, account, device, label);
      });
    }
  }
});
