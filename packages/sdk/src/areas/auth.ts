import {
  type Account,
  type Locale,
  me,
  meRef,
  popup,
  popupRef,
  readPopupMessage,
  resetPage,
  signIn,
  signInRef,
  signOut,
  signOutRef,
  type TokenResponse,
  verifyPage,
} from '@nassij/contract';
import { isNassijError, NassijAbortError, type NassijErrorCode } from '../errors.js';
import type { Transport } from '../transport.js';
import type { RequestOptions } from '../types.js';

/**
 * The routes `client.auth` wraps (the popup page is opened by `signInWithPopup`; the pages that e-mail links
 * open, `verifyPage` and `resetPage`, are for people, reached from the popup and from messages).
 */
export const authRoutes = [signIn, signOut, me, popup, verifyPage, resetPage] as const;

/**
 * The routes an auth area calls: the full routes (responses validated) or their schema-less refs
 * (browser embeds, which then carry no zod).
 */
export interface AuthRoutes {
  signIn: typeof signIn;
  signOut: typeof signOut;
  me: typeof me;
}

/** The full auth routes: responses are checked against the contract. */
export const AUTH_ROUTES: AuthRoutes = { signIn, signOut, me };

/** The schema-less auth routes used by {@link createBaseClient}: nothing of zod in an embed's bundle. */
export const AUTH_ROUTE_REFS: AuthRoutes = { signIn: signInRef, signOut: signOutRef, me: meRef };

/**
 * The popup window as the opener sees it.
 *
 * @example
 * ```ts
 * const popup: PopupWindow = window.open(url, 'nassij-sign-in')!;
 * ```
 */
export interface PopupWindow {
  readonly closed: boolean;
  close(): void;
}

/**
 * The opener's window, reduced to what the popup sign-in uses (tests and iframes may pass their own).
 *
 * @example
 * ```ts
 * await client.auth.signInWithPopup({ window: iframe.contentWindow as unknown as PopupHost });
 * ```
 */
export interface PopupHost {
  open(url: string, target: string, features: string): PopupWindow | null;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  readonly location: { readonly origin: string };
  readonly screenX?: number;
  readonly screenY?: number;
  readonly outerWidth?: number;
  readonly outerHeight?: number;
}

/**
 * Options of {@link AuthArea.signInWithPopup}.
 *
 * @example
 * ```ts
 * await client.auth.signInWithPopup({ timeoutMs: 120_000, signal: controller.signal });
 * ```
 */
export interface PopupOptions {
  /** The sign-in page; default `${baseUrl}/auth/popup`. Its origin is the only one whose reply counts. */
  popupUrl?: string | undefined;
  /** How long to wait for the reader, default 5 minutes. */
  timeoutMs?: number | undefined;
  /** The opener window; default `globalThis.window`. */
  window?: PopupHost | undefined;
  /**
   * The language of the sign-in page: an element passes its own, so a French page opens a French popup.
   * Default: the client's `locale`, else the platform's default (Arabic).
   */
  locale?: Locale | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * Why a popup sign-in ended without a token.
 *
 * @example
 * ```ts
 * if (error instanceof NassijPopupError && error.reason === 'blocked') showSignInLink();
 * ```
 */
export type PopupFailure = 'blocked' | 'closed' | 'timeout' | 'aborted';

const POPUP_CODES: Record<PopupFailure, NassijErrorCode> = {
  blocked: 'popup_blocked',
  closed: 'popup_closed',
  timeout: 'timeout',
  aborted: 'aborted',
};

/**
 * A popup sign-in did not finish: the browser blocked the popup, the reader closed it, it timed out or
 * the caller aborted. `reason` says which.
 *
 * @example
 * ```ts
 * catch (error) { if (error instanceof NassijPopupError && error.reason === 'blocked') showSignInLink(); }
 * ```
 */
export class NassijPopupError extends NassijAbortError {
  override name = 'NassijPopupError';
  readonly reason: PopupFailure;

  constructor(reason: PopupFailure, message: string) {
    super(message, { code: POPUP_CODES[reason] });
    this.reason = reason;
  }
}

/**
 * The token a sign-in obtained; it is already stored in the client's token storage.
 *
 * @example
 * ```ts
 * const { expiresAt }: SignedIn = await client.auth.signInWithPopup();
 * ```
 */
export interface SignedIn {
  token: string;
  expiresAt: string;
}

/**
 * `client.auth`: sign in and out, and read the signed-in account.
 *
 * @example
 * ```ts
 * await client.auth.signIn('member@demo.nassij.ma', 'demo-member-2026');
 * const account = await client.auth.me();
 * await client.auth.signOut();
 * ```
 */
export interface AuthArea {
  /** `POST /v1/auth/token`; stores the token and returns it with the account. */
  signIn(email: string, password: string, options?: RequestOptions): Promise<TokenResponse>;
  /** Revokes the token on the server, then forgets it locally, even when the server says it was already invalid. */
  signOut(options?: RequestOptions): Promise<void>;
  /** `GET /v1/auth/me`. */
  me(options?: RequestOptions): Promise<Account>;
  /** Sign-in for embeds: a popup on the platform's origin that answers by `postMessage`; no cookies. */
  signInWithPopup(options?: PopupOptions): Promise<SignedIn>;
}

function randomState(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function popupFeatures(host: PopupHost): string {
  const width = 480;
  const height = 640;
  const left = Math.round((host.screenX ?? 0) + ((host.outerWidth ?? width) - width) / 2);
  const top = Math.round((host.screenY ?? 0) + ((host.outerHeight ?? height) - height) / 2);
  // No `noopener`: the page must be able to post back to its opener.
  return `popup=yes,width=${width},height=${height},left=${left},top=${top}`;
}

function signInWithPopup(t: Transport, options: PopupOptions = {}): Promise<SignedIn> {
  const host = options.window ?? (globalThis as { window?: PopupHost }).window;
  if (!host) return Promise.reject(new NassijPopupError('blocked', 'Popup sign-in needs a browser window'));
  const target = new URL(options.popupUrl ?? `${t.config.baseUrl.replace(/\/+$/, '')}${popupRef.path}`);
  const serverOrigin = target.origin;
  const state = randomState();
  target.searchParams.set('origin', host.location.origin);
  target.searchParams.set('state', state);
  const locale = options.locale ?? t.config.locale;
  if (locale) target.searchParams.set('lang', locale);
  if (options.signal?.aborted) return Promise.reject(new NassijPopupError('aborted', 'Sign-in was aborted'));
  const opened = host.open(target.href, 'nassij-sign-in', popupFeatures(host));
  if (!opened)
    return Promise.reject(new NassijPopupError('blocked', 'The browser blocked the sign-in popup'));
  const win = opened;

  return new Promise<SignedIn>((resolve, reject) => {
    const finish = (outcome: () => void) => {
      host.removeEventListener('message', onMessage);
      clearInterval(poll);
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const fail = (reason: PopupFailure, message: string) =>
      finish(() => {
        if (reason !== 'closed') win.close();
        reject(new NassijPopupError(reason, message));
      });
    const onMessage = (event: MessageEvent) => {
      // Only our popup, on the platform's origin, answering our own request, may hand us a token.
      if (event.origin !== serverOrigin || (event.source as unknown) !== win) return;
      const message = readPopupMessage(event.data);
      if (!message || message.state !== state) return;
      const { token, expiresAt } = message;
      finish(() => {
        t.config.tokens.set(token, expiresAt);
        win.close();
        resolve({ token, expiresAt });
      });
    };
    const onAbort = () => fail('aborted', 'Sign-in was aborted');
    host.addEventListener('message', onMessage);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const poll = setInterval(() => {
      if (win.closed) fail('closed', 'The sign-in popup was closed');
    }, 400);
    const timer = setTimeout(() => fail('timeout', 'Sign-in took too long'), options.timeoutMs ?? 300_000);
  });
}

/**
 * Builds `client.auth` over a transport.
 *
 * @example
 * ```ts
 * const auth = authArea(transport);
 * await auth.signIn('amina@example.ma', 'correct horse battery staple');
 * ```
 */
export function authArea(t: Transport, routes: AuthRoutes): AuthArea {
  return {
    async signIn(email, password, options) {
      const response = await t.op(routes.signIn, { body: { email, password } }, options);
      t.config.tokens.set(response.token, response.expiresAt);
      return response;
    },
    async signOut(options) {
      try {
        await t.op(routes.signOut, {}, options);
      } catch (error) {
        // 401: the token was already dead, which is what signing out wants.
        if (!(isNassijError(error) && error.status === 401)) throw error;
      } finally {
        t.config.tokens.clear();
        t.config.cache?.clear();
      }
    },
    me: (options) => t.op(routes.me, {}, options),
    signInWithPopup: (options) => signInWithPopup(t, options),
  };
}
