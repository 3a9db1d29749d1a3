// Headless Chromium for the e2e tests: one way to launch it and to open a page in a fresh
// context (its own cookies, Czech locale, Prague time), collecting page errors.
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startHost } from './host.js';

export const TIMEOUT = 20_000;

/** A caregiver's or family member's phone. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
/** An office laptop. */
export const LAPTOP = { viewport: { width: 1024, height: 900 } };

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}

export async function openPage(browser, device = PHONE) {
  const context = await browser.newContext({
    locale: 'cs-CZ',
    timezoneId: 'Europe/Prague',
    ...device,
  });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  return { context, page, problems };
}

/**
 * Starts the native host with a fresh demo database and Chromium before a suite's tests,
 * and stops both after them. Read `suite.host` and `suite.browser` inside the tests.
 */
export function hostAndBrowser() {
  const suite = {};
  before(async () => {
    suite.host = await startHost();
    suite.browser = await launchChromium();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.host?.stop();
  });
  return suite;
}

/** Fills the sign-in form and submits it. */
export async function signIn(page, { username, password }) {
  await page.getByLabel('Přihlašovací jméno').fill(username);
  await page.getByLabel('Heslo').fill(password);
  await page.getByRole('button', { name: 'Přihlásit se' }).click();
}

/** Opens the app at `baseUrl`, signs in as `account` and waits for the page it lands on. */
export async function signedIn(page, baseUrl, account, landing) {
  await page.goto(baseUrl);
  await page.waitForURL('**/prihlaseni');
  await signIn(page, account);
  await page.waitForURL(`**${landing}`);
}
