import {
  confirmSubscription as confirmRoute,
  createSubscription,
  normaliseEmail,
  SubscriptionToken,
  unsubscribe,
} from '@nassij/contract';
import type { Context } from 'hono';
import type { ApiApp, Handler } from '../../http/app.js';
import { ApiError } from '../../http/problem.js';
import { RateLimiter, rateLimited } from '../../http/rate-limit.js';
import {
  actionPage,
  outcomePage,
  type PageOutcome,
  pageLocale,
  SUBSCRIPTION_PAGE_HEADERS,
  type SubscriptionPage,
} from './pages.js';
import { checkFilter, confirmSubscription, requestSubscription, unsubscribeByToken } from './store.js';

/**
 * Confirmation messages one address may be sent: 3 at once, then one every 10 minutes. Keyed by the address
 * whether or not it is subscribed, so it says nothing; it stops a stranger from flooding someone's mailbox.
 * (The client's own budget is the API's write limit.)
 */
const ADDRESS_BUDGET = { capacity: 3, refillPerSecond: 1 / 600 };

function createHandler(app: ApiApp, limiter: RateLimiter | undefined): Handler<typeof createSubscription> {
  return async ({ body, db, now, c }) => {
    await checkFilter(db, body.filter);
    const wait = await limiter?.take(`subscribe:${normaliseEmail(body.email)}`);
    if (wait) throw rateLimited(wait, 'Too many subscription requests for this address');
    await requestSubscription(db, body, now, { publicUrl: app.publicUrl(c) });
    return { status: 202, body: { status: 'accepted' as const } };
  };
}

const confirmHandler: Handler<typeof confirmRoute> = async ({ body, db, now }) => ({
  body: await confirmSubscription(db, body.token, now),
});

const unsubscribeHandler: Handler<typeof unsubscribe> = async ({ query, db, now }) => {
  await unsubscribeByToken(db, query.token, now);
  return { body: { status: 'unsubscribed' as const } };
};

/** The token of a page's address or form, when it has the shape of one. */
function tokenOf(value: unknown): string | undefined {
  return typeof value === 'string' && SubscriptionToken.safeParse(value).success ? value : undefined;
}

/** A page's form is a token and a language: anything longer is not one. */
const MAX_PAGE_FORM_BYTES = 2048;

function pageRoutes(app: ApiApp, page: SubscriptionPage): void {
  const path = `/subscriptions/${page}`;
  // Opening the link only renders the page: nothing changes on GET.
  app.hono.get(path, (c) => {
    const lang = pageLocale(c.req.query('lang'));
    return new Response(actionPage(page, lang, tokenOf(c.req.query('token'))), {
      headers: SUBSCRIPTION_PAGE_HEADERS,
    });
  });
  // The page's button.
  app.hono.post(path, async (c: Context) => {
    if (Number(c.req.header('content-length') ?? MAX_PAGE_FORM_BYTES + 1) > MAX_PAGE_FORM_BYTES)
      return new Response('Payload too large', { status: 413 });
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const lang = pageLocale(typeof form.lang === 'string' ? form.lang : undefined);
    const token = tokenOf(form.token);
    let outcome: PageOutcome = 'link_invalid';
    if (token) {
      try {
        const now = app.clock();
        await app.db.atomic(async () => {
          if (page === 'confirm') await confirmSubscription(app.db, token, now);
          else await unsubscribeByToken(app.db, token, now);
        });
        outcome = 'done';
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        outcome = error.code as PageOutcome;
      }
    }
    return new Response(outcomePage(page, lang, outcome), {
      status: outcome === 'done' ? 200 : outcome === 'link_invalid' ? 400 : 410,
      headers: SUBSCRIPTION_PAGE_HEADERS,
    });
  });
}

/**
 * Binds the subscription routes of the API and the two pages their messages link to.
 *
 * @example
 * ```ts
 * registerSubscriptionRoutes(app);
 * ```
 */
export function registerSubscriptionRoutes(app: ApiApp): void {
  // The same switch as the API's limits: a server started without rate limits has no address budget either.
  const limiter = app.signInThrottle
    ? new RateLimiter(app.db, 'subscribe', ADDRESS_BUDGET, () => app.clock().getTime())
    : undefined;
  app.bind(createSubscription, createHandler(app, limiter));
  app.bind(confirmRoute, confirmHandler);
  app.bind(unsubscribe, unsubscribeHandler);
  pageRoutes(app, 'confirm');
  pageRoutes(app, 'unsubscribe');
}
