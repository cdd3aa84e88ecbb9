import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';

export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: string[];
export declare function newContextOnProcessClock(
  browser: Browser,
  options?: BrowserContextOptions,
): Promise<BrowserContext>;
