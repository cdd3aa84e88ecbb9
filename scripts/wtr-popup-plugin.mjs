// @ts-check
/**
 * A @web/test-runner server-command plugin that signs in through the Nassij popup of a Chromium test
 * page: it finds the popup window the page opened (a new puppeteer target of the same browser), fills the
 * e-mail and password and submits. Page side: `executeServerCommand('nassij-popup-sign-in', { email, password })`.
 *
 * @example
 * // web-test-runner.config.mjs
 * import { popupPlugin } from './scripts/wtr-popup-plugin.mjs';
 * export default { plugins: [popupPlugin()] };
 * // in a test: await executeServerCommand('nassij-popup-sign-in', { email, password });
 */

/** Name of the command the test page sends. */
export const POPUP_SIGN_IN_COMMAND = 'nassij-popup-sign-in';

const POPUP_PATH = '/auth/popup';

/**
 * @param {{ timeoutMs?: number }} [options]
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function popupPlugin({ timeoutMs = 10_000 } = {}) {
  return {
    name: 'nassij-popup',

    async executeCommand({ command, payload, session }) {
      if (command !== POPUP_SIGN_IN_COMMAND) return undefined;
      const { email, password } = /** @type {{ email: string, password: string }} */ (payload);
      // The Chrome launcher keeps one puppeteer page per session; its browser sees the popup as a target.
      const launcher = /** @type {{ getPage?: (id: string) => import('puppeteer-core').Page }} */ (
        /** @type {unknown} */ (session.browser)
      );
      if (typeof launcher.getPage !== 'function') {
        throw new Error(`${POPUP_SIGN_IN_COMMAND} needs the Chrome launcher (puppeteer)`);
      }
      const page = launcher.getPage(session.id);
      const opener = page.target();
      // Only the popup THIS test page opened: test files run side by side, and another file's popup may be
      // open at the same moment (it would sign the wrong page in, and leave this one waiting).
      const target = await page
        .browser()
        .waitForTarget(
          (t) =>
            t.type() === 'page' &&
            t.opener() === opener &&
            new URL(t.url() || 'about:blank').pathname.endsWith(POPUP_PATH),
          { timeout: timeoutMs },
        );
      const popup = await target.page();
      if (!popup) throw new Error('the sign-in popup has no page');
      await popup.waitForSelector('#email', { timeout: timeoutMs });
      await popup.type('#email', email);
      await popup.type('#password', password);
      await popup.click('button[type="submit"]');
      return { url: target.url() };
    },
  };
}
