/** Debian's Chromium, headless, driven by playwright-core (no bundled browser download). */
import { type Browser, chromium, type Page } from 'playwright-core';
import { type DemoUser, signIn } from './auth';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });

/** A phone's screen: 390 px wide, touch. */
export const PHONE = { width: 390, height: 844 };

export type PageOptions = {
  /** A 390 px touch phone instead of a desktop screen. */
  readonly phone?: boolean;
};

/**
 * A fresh page in Vietnamese, wide enough for the indicator matrix (or a phone's, when asked), signed in
 * as `user` through the API (or anonymous when `user` is null).
 */
export const newPage = async (
  browser: Browser,
  baseUrl: string,
  user: DemoUser | null,
  options: PageOptions = {},
): Promise<Page> => {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'vi-VN',
    ...(options.phone
      ? { viewport: PHONE, isMobile: true, hasTouch: true }
      : { viewport: { width: 1440, height: 900 } }),
    // The app turns its animations off for people who prefer less motion: nothing moves under a click.
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(15_000);
  if (user) await signIn(context, user);
  return context.newPage();
};
