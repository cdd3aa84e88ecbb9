// Supports given and withdrawn at once on many contributions of one consultation, as on a busy day: every
// request succeeds. On PostgreSQL these transactions read and write neighbouring rows and index pages, which
// SERIALIZABLE used to answer with serialization failures, then 503s once the retries ran out.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

/** Requests in flight at once, each on a contribution of its own. */
const IN_FLIGHT = 12;
/** Support then withdrawal, this many times per contribution. */
const TOGGLES = 3;

let server: Server;
let token: string;

before(async () => {
  server = await tempServer({ rateLimit: false });
  token = await signInAs(server.url, DEMO_ACCOUNTS.citizen.email, DEMO_ACCOUNTS.citizen.password);
});

after(async () => {
  await server?.stop();
});

let keys = 0;

/** Supports or withdraws; `keyed`: with a fresh Idempotency-Key (or the one given), as the SDK sends. */
async function support(method: 'POST' | 'DELETE', contributionId: string, keyed: boolean | string = false) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (keyed) headers['idempotency-key'] = keyed === true ? `supports-concurrency-${++keys}` : keyed;
  const response = await fetch(`${server.url}/v1/contributions/${contributionId}/supports`, {
    method,
    headers,
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text,
    supports: (JSON.parse(text) as { supports?: number }).supports,
  };
}

/** The contributions this citizen may support (published, not their own), each unsupported by them now. */
async function targets(): Promise<{ id: string; base: number }[]> {
  const page = await fetch(
    `${server.url}/v1/consultations/${F.consultations.draftLaw}/contributions?limit=50`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  assert.equal(page.status, 200);
  const items = ((await page.json()) as { items: { id: string }[] }).items;
  const found: { id: string; base: number }[] = [];
  for (const { id } of items) {
    const withdrawn = await support('DELETE', id);
    if (withdrawn.status !== 200) continue;
    const probe = await support('POST', id);
    if (probe.status !== 201) continue;
    await support('DELETE', id);
    found.push({ id, base: withdrawn.supports as number });
    if (found.length === IN_FLIGHT) break;
  }
  assert.equal(found.length, IN_FLIGHT, 'the draft law has enough published contributions of others');
  return found;
}

/** Every target supported then withdrawn {@link TOGGLES} times, all at once; answers that went wrong. */
async function toggleAtOnce(on: { id: string; base: number }[], keyed: boolean): Promise<string[]> {
  const failures: string[] = [];
  await Promise.all(
    on.map(async ({ id, base }) => {
      for (let round = 0; round < TOGGLES; round++) {
        const given = await support('POST', id, keyed);
        if (given.status !== 201 || given.supports !== base + 1)
          failures.push(`POST ${id}: ${given.status} ${given.body}`);
        const withdrawn = await support('DELETE', id, keyed);
        if (withdrawn.status !== 200 || withdrawn.supports !== base)
          failures.push(`DELETE ${id}: ${withdrawn.status} ${withdrawn.body}`);
      }
    }),
  );
  return failures;
}

test(`${IN_FLIGHT} supports given and withdrawn at once, each on its own contribution, all succeed with exact counts`, async () => {
  const on = await targets();
  assert.deepEqual(await toggleAtOnce(on, false), []);
  for (const { id, base } of on) {
    const read = await fetch(`${server.url}/v1/contributions/${id}`);
    assert.equal(((await read.json()) as { supports: number }).supports, base);
  }
});

test('the same with an Idempotency-Key on every request, as the SDK sends them, all succeed', async () => {
  assert.deepEqual(await toggleAtOnce(await targets(), true), []);
});

test('a key past its time is forgotten even before a sweep deletes it: the request under it runs anew', async () => {
  const [target] = await targets();
  const { id, base } = target as { id: string; base: number };
  const key = 'supports-concurrency-expiring';
  assert.equal((await support('POST', id, key)).status, 201);
  // Another request under the same key is refused while the key is remembered…
  assert.equal((await support('DELETE', id, key)).status, 422);
  // …and runs once the key is older than its time (24 hours).
  await server.db.write('UPDATE idempotency_keys SET created_at = ? WHERE idem_key = ?', [
    '2000-01-01T00:00:00.000Z',
    key,
  ]);
  const withdrawn = await support('DELETE', id, key);
  assert.equal(withdrawn.status, 200);
  assert.equal(withdrawn.supports, base);
});
