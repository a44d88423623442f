/**
 * The built taskpane.html inside the fake Office host (fakeHostEntry.ts, bundled by buildOnce.ts):
 * one Chromium and one server per test file, one page per test holding the book it is seeded with.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildOnce, closeServer, launchChromium, OFFICE_JS_HOST, serve } from './buildOnce';
import type { FakeBookSeed } from './fakeHostEntry';

export type FakeHost = { browser: Browser; server: Server; baseUrl: string; fakeHostJs: string };

/** Starts Chromium, builds (or reuses the build) and serves it on 127.0.0.1. */
export async function startFakeHost(): Promise<FakeHost> {
  const browser = await launchChromium();
  try {
    const build = await buildOnce();
    const fakeHostJs = readFileSync(path.join(build.dir, 'fakeHost.js'), 'utf8');
    const { server, baseUrl } = await serve(build.dir);
    return { browser, server, baseUrl, fakeHostJs };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

export async function stopFakeHost(host: FakeHost | undefined): Promise<void> {
  await host?.browser.close();
  await closeServer(host?.server);
}

/**
 * Opens taskpane.html `width` px wide in a fake Excel holding `seed`; the real office.js is blocked.
 * `errors` collects what the page throws and, with `consoleErrors`, what it logs as an error (the
 * blocked office.js aside).
 */
export async function openFakeHostPane(
  host: FakeHost | undefined,
  seed: FakeBookSeed,
  width: number,
  options: { consoleErrors?: boolean } = {},
): Promise<{ page: Page; errors: string[] }> {
  if (!host) throw new Error('browser did not start');
  const page = await host.browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  if (options.consoleErrors) {
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('ERR_BLOCKED_BY_CLIENT'))
        errors.push(`console: ${message.text()}`);
    });
  }
  await page.route(`**://${OFFICE_JS_HOST}/**`, (route) => route.abort('blockedbyclient'));
  await page.addInitScript({
    content: `window.__SSJ_FAKE_BOOK__ = ${JSON.stringify(seed)};\n${host.fakeHostJs}`,
  });
  await page.goto(`${host.baseUrl}/taskpane.html`);
  return { page, errors };
}
