import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Association, AssociationProfile, AssociationSummary, Problem } from '@nassij/contract';
import { DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';
import { pdfBytes, pngBytes } from '../applications/fixtures.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

interface Sent {
  status: number;
  body: unknown;
  bytes: Uint8Array;
  headers: Headers;
}

const ASSO = F.associations.represented;
let server: Server;
const tokens = {} as Record<'citizen' | 'member' | 'representative' | 'admin', string>;

async function send(
  method: string,
  path: string,
  options: { token?: string; json?: unknown; form?: FormData; headers?: Record<string, string> } = {},
): Promise<Sent> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) body = options.form;
  const response = await fetch(`${server.url}${path}`, { method, headers, ...(body ? { body } : {}) });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  const text = type.includes('json') ? new TextDecoder().decode(bytes) : '';
  return {
    status: response.status,
    body: text ? JSON.parse(text) : undefined,
    bytes,
    headers: response.headers,
  };
}

/** The profile and its ETag, as a member reads them. */
async function profile(
  token = tokens.representative,
): Promise<{ profile: AssociationProfile; etag: string }> {
  const sent = await send('GET', `/v1/associations/${ASSO}/profile`, { token });
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  return { profile: sent.body as AssociationProfile, etag: sent.headers.get('etag') ?? '' };
}

async function record(): Promise<{ association: Association; etag: string }> {
  const sent = await send('GET', `/v1/associations/${ASSO}`);
  assert.equal(sent.status, 200);
  return { association: sent.body as Association, etag: sent.headers.get('etag') ?? '' };
}

function logoForm(bytes: Uint8Array<ArrayBuffer>, name: string): FormData {
  const form = new FormData();
  form.set('file', new File([bytes], name));
  return form;
}

before(async () => {
  server = await tempServer({ rateLimit: false });
  const keys = ['citizen', 'member', 'representative', 'admin'] as const;
  const signed = await Promise.all(
    keys.map((key) => signInAs(server.url, DEMO_ACCOUNTS[key].email, DEMO_ACCOUNTS[key].password)),
  );
  keys.forEach((key, i) => {
    tokens[key] = signed[i] ?? '';
  });
});
after(() => server.stop());

describe('associations.profile and associations.update', () => {
  test('members and admins read the profile; a stranger gets 403, an unknown association 404', async () => {
    const { profile: read, etag } = await profile(tokens.member);
    assert.equal(read.associationId, ASSO);
    assert.ok(etag);
    // A record never edited shows every contact it has.
    assert.equal(read.contacts.email?.shown, true);
    assert.equal(
      (await send('GET', `/v1/associations/${ASSO}/profile`, { token: tokens.admin })).status,
      200,
    );
    assert.equal(
      (await send('GET', `/v1/associations/${ASSO}/profile`, { token: tokens.citizen })).status,
      403,
    );
    const unknown = await send('GET', `/v1/associations/${F.missing.association}/profile`, {
      token: tokens.admin,
    });
    assert.equal(unknown.status, 404);
  });

  test('only the representative (or an admin) edits, with If-Match', async () => {
    const { etag } = await profile();
    const patch = { descriptions: { fr: 'Alphabétisation des femmes rurales' } };
    const byMember = await send('PATCH', `/v1/associations/${ASSO}`, {
      token: tokens.member,
      headers: { 'if-match': etag },
      json: patch,
    });
    assert.equal(byMember.status, 403);
    const byStranger = await send('PATCH', `/v1/associations/${F.associations.unaffiliated}`, {
      token: tokens.representative,
      headers: { 'if-match': etag },
      json: patch,
    });
    assert.equal(byStranger.status, 403, 'the representative of one association edits no other');
    const noMatch = await send('PATCH', `/v1/associations/${ASSO}`, {
      token: tokens.representative,
      json: patch,
    });
    assert.equal(noMatch.status, 428);
    const stale = await send('PATCH', `/v1/associations/${ASSO}`, {
      token: tokens.representative,
      headers: { 'if-match': '"not-the-current-one"' },
      json: patch,
    });
    assert.equal(stale.status, 412);
    assert.equal((stale.body as Problem).code, 'precondition_failed');
  });

  test('a website must be http or https: javascript: and data: are refused, nothing saved', async () => {
    const { etag, profile: before } = await profile();
    for (const website of [
      'javascript:alert(1)',
      'JaVa\tScRiPt:alert(1)',
      'data:text/html,<script>x</script>',
    ]) {
      const refused = await send('PATCH', `/v1/associations/${ASSO}`, {
        token: tokens.representative,
        headers: { 'if-match': etag },
        json: { website, descriptions: { fr: 'jamais enregistré' } },
      });
      assert.equal(refused.status, 422, website);
      assert.equal((refused.body as Problem).code, 'validation_failed');
      assert.ok(
        (refused.body as Problem).errors?.some((e) => e.path === '/website' && e.code === 'not_allowed'),
        JSON.stringify(refused.body),
      );
    }
    assert.deepEqual((await profile()).profile, before);
  });

  test('an edit shows the shown contacts only, is searchable, audited, and moves the ETag', async () => {
    const { etag } = await profile();
    const word = 'Tifawinalphabetisation';
    const saved = await send('PATCH', `/v1/associations/${ASSO}`, {
      token: tokens.representative,
      headers: { 'if-match': etag },
      json: {
        descriptions: { ar: 'محو الأمية', fr: `Cours ${word} pour les femmes` },
        website: 'https://tifawin.example.ma',
        contacts: {
          email: { value: 'bureau@tifawin.example.ma', shown: true },
          phone: { value: '+212 528 11 22 33', shown: false },
          address: null,
        },
      },
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const edited = saved.body as AssociationProfile;
    assert.equal(edited.contacts.phone?.shown, false);
    assert.equal(edited.contacts.address, undefined);
    assert.notEqual(saved.headers.get('etag'), etag);

    const { association } = await record();
    assert.equal(association.website, 'https://tifawin.example.ma');
    assert.equal(association.descriptions?.ar, 'محو الأمية');
    assert.deepEqual(
      association.contact,
      { email: 'bureau@tifawin.example.ma' },
      'the hidden phone stays private',
    );
    assert.ok(!JSON.stringify(association).includes('528 11 22 33'));

    const found = await send('GET', `/v1/associations?q=${word.toLowerCase()}`);
    assert.equal(found.status, 200);
    assert.deepEqual(
      (found.body as { items: AssociationSummary[] }).items.map((item) => item.id),
      [ASSO],
    );

    const again = await send('PATCH', `/v1/associations/${ASSO}`, {
      token: tokens.representative,
      headers: { 'if-match': etag },
      json: { website: null },
    });
    assert.equal(again.status, 412, 'the ETag read before the edit no longer matches');

    const lines = await server.db.all<{ action: string; account_id: string | null }>(
      "SELECT action, account_id FROM audit_log WHERE target_id = ? AND action = 'association.update'",
      [ASSO],
    );
    assert.ok(lines.some((line) => line.account_id === DEMO_ACCOUNTS.representative.id));
  });

  test("an admin edits with the public record's ETag", async () => {
    const { etag } = await record();
    const saved = await send('PATCH', `/v1/associations/${ASSO}`, {
      token: tokens.admin,
      headers: { 'if-match': etag },
      json: { website: null },
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal((await record()).association.website, undefined);
  });
});

describe('associations.uploadLogo and associations.logo', () => {
  test('an image only, by the representative; served publicly with an ETag and a sandboxing CSP', async () => {
    const byMember = await send('PUT', `/v1/associations/${ASSO}/logo`, {
      token: tokens.member,
      form: logoForm(pngBytes(), 'logo.png'),
    });
    assert.equal(byMember.status, 403);
    const pdf = await send('PUT', `/v1/associations/${ASSO}/logo`, {
      token: tokens.representative,
      form: logoForm(pdfBytes('logo'), 'logo.png'),
    });
    assert.equal(pdf.status, 415);
    assert.equal((pdf.body as Problem).code, 'file_type_not_allowed');
    assert.equal((await send('GET', `/v1/associations/${ASSO}/logo`)).status, 404);

    const stored = await send('PUT', `/v1/associations/${ASSO}/logo`, {
      token: tokens.representative,
      form: logoForm(pngBytes(), 'logo.png'),
    });
    assert.equal(stored.status, 200, JSON.stringify(stored.body));
    const logo = (stored.body as AssociationProfile).logo;
    assert.equal(logo?.mediaType, 'image/png');
    const { association } = await record();
    assert.equal(association.logoUrl, logo?.url);
    assert.ok(association.logoUrl?.startsWith(`/v1/associations/${ASSO}/logo?v=`));

    const served = await send('GET', association.logoUrl ?? '');
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/png');
    assert.deepEqual(served.bytes, pngBytes());
    assert.match(served.headers.get('content-security-policy') ?? '', /sandbox/);
    assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
    const tag = served.headers.get('etag') ?? '';
    assert.ok(tag);
    const unchanged = await send('GET', `/v1/associations/${ASSO}/logo`, {
      headers: { 'if-none-match': tag },
    });
    assert.equal(unchanged.status, 304);

    const { etag } = await profile();
    const removed = await send('PATCH', `/v1/associations/${ASSO}`, {
      token: tokens.representative,
      headers: { 'if-match': etag },
      json: { logo: null },
    });
    assert.equal(removed.status, 200);
    assert.equal((await record()).association.logoUrl, undefined);
    assert.equal((await send('GET', `/v1/associations/${ASSO}/logo`)).status, 404);
  });
});
