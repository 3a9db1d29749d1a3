// Headless Chromium for the e2e tests: one way to launch it and to open a page in a fresh
// context (its own cookies, Czech locale, Prague time), collecting page errors.
import { chromium } from 'playwright-core';

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
