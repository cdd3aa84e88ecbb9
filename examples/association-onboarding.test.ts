// An association joins the platform from an empty browser, on the example page /my-association/ as `npm start`
// serves it, in real Chromium under the page's strict Content-Security-Policy: a person signs up in the
// platform's popup, confirms the address from the message listed at /dev/mail, claims a seeded association with
// its receipt and mandate, is verified by the demo admin, edits the profile, keeps statutes and an annual report
// in the vault, invites a second person who signs up and accepts from the invitation's link, and applies to a
// call with the statutes taken from the vault in the application form.
// The admin's verification goes through the API: the platform has no claims-review screen yet.
// Needs the CDN build (`npm test` builds before the node suite).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Application, Call } from '@nassij/contract';
import { completeAnswers, demoFixtures, fileFor, pdfBytes, signInAs } from '@nassij/server/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { exampleSite, signInThroughPopup } from './test-support/site.js';

const ADMIN = { email: 'admin@demo.nassij.ma', password: 'demo-admin-2026' };
/** Long enough for the platform's rule (15 characters or more) and on no list of common passwords. */
const PASSWORD = 'tifawin-souss-jardins-2026';

const site = exampleSite();

async function api<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const { token, headers, ...rest } = init;
  const response = await fetch(`${site.url}${path}`, {
    ...rest,
    headers: {
      ...(rest.body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(headers as Record<string, string> | undefined),
    },
  });
  const text = await response.text();
  assert.ok(response.ok, `${rest.method ?? 'GET'} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Finds the newest message to `to` on /dev/mail, opens it, and returns the address of its first link to
 * `pathname` (the page a person clicks through to).
 */
async function linkFromDevMail(context: BrowserContext, to: string, pathname: string): Promise<string> {
  const page = await context.newPage();
  try {
    for (let attempt = 0; attempt < 20; attempt++) {
      await page.goto(`${site.url}/dev/mail`);
      const row = page.locator('tr', { hasText: to }).first();
      if ((await row.count()) > 0) {
        await row.locator('a').first().click();
        const links = await page
          .locator('a')
          .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
        const found = links.find((href) => href && new URL(href, 'http://x').pathname.startsWith(pathname));
        if (found) return found;
      }
      await page.waitForTimeout(250);
    }
    throw new Error(`no message to ${to} with a link to ${pathname} on /dev/mail`);
  } finally {
    await page.close();
  }
}

/** Signs up in the popup the element opens; returns once the popup says to check the mail. */
async function signUpInPopup(page: Page, name: string, email: string): Promise<void> {
  const space = page.locator('nassij-association-space');
  const [popup] = await Promise.all([page.waitForEvent('popup'), space.locator('.sign-in-button').click()]);
  await popup.locator('button[data-view="signup"]').click();
  await popup.locator('#signup-displayName').fill(name);
  await popup.locator('#signup-email').fill(email);
  await popup.locator('#signup-password').fill(PASSWORD);
  await popup.locator('#signup button[type="submit"]').click();
  await popup.locator('#view-checkmail').waitFor({ state: 'visible' });
  assert.match(
    (await popup.locator('#checkmail-text').textContent()) ?? '',
    new RegExp(email.replace('.', '\\.')),
  );
  await popup.close();
}

/** Confirms an address from the link of its message, as a person does: open the link, press the button. */
async function confirmAddress(context: BrowserContext, email: string): Promise<void> {
  const link = await linkFromDevMail(context, email, '/auth/verify');
  const page = await context.newPage();
  await page.goto(link);
  await page.locator('#verify button[type="submit"]').click();
  await page.locator('#view-verified').waitFor({ state: 'visible' });
  await page.close();
}

/** Signs in through the element's popup, with the journey's password. */
async function signInInPopup(
  page: Page,
  email: string,
  host = page.locator('nassij-association-space'),
): Promise<void> {
  await signInThroughPopup(page, host, { email, password: PASSWORD });
}

test('an association joins from an empty browser: sign-up, claim, verification, profile, vault, a member, an application', async () => {
  const associationId = demoFixtures.associations.unaffiliated;
  const record = await api<{ registrationNumber: string; name: { ar?: string; fr?: string } }>(
    `/v1/associations/${associationId}`,
  );
  const context = await site.newContext();
  const problems: string[] = [];
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(error.message));
  try {
    // 1. Sign up in the popup, confirm the address from /dev/mail, sign in.
    await page.goto(`${site.url}/my-association/fr/`);
    const space = page.locator('nassij-association-space');
    await signUpInPopup(page, 'Khadija Amrani', 'khadija.amrani@example.ma');
    await confirmAddress(context, 'khadija.amrani@example.ma');
    await signInInPopup(page, 'khadija.amrani@example.ma');

    // 2. No association yet: claim the seeded one with its receipt and a mandate.
    await space.locator('#cl-receiptNumber').waitFor({ state: 'visible', timeout: 15_000 });
    await space.locator('#cl-kind-claim').check();
    await space.locator('#cl-receiptNumber').fill(record.registrationNumber);
    await space.locator('#cl-receiptDate').fill('2019-05-14');
    await space.locator('#cl-name').fill(record.name.fr ?? record.name.ar ?? '');
    const pdf = { mimeType: 'application/pdf', buffer: Buffer.from(pdfBytes()) };
    await space.locator('input[name="receipt"]').setInputFiles({ name: 'recepisse.pdf', ...pdf });
    await space.locator('input[name="mandate"]').setInputFiles({ name: 'mandat.pdf', ...pdf });
    await space.locator('#cl-submit').click();
    await space.locator('#cl-pending').waitFor({ state: 'visible', timeout: 15_000 });

    // 3. The demo admin verifies the claim (through the API: no review screen yet).
    const admin = await signInAs(site.url, ADMIN.email, ADMIN.password);
    const pending = await api<{ items: { id: string; associationId?: string }[] }>(
      '/v1/association-claims?state=pending&limit=100',
      { token: admin },
    );
    const claim = pending.items.find((item) => item.associationId === associationId);
    assert.ok(claim, 'the claim waits in the admin’s queue');
    await api(`/v1/association-claims/${claim.id}/verify`, { method: 'POST', token: admin });

    // 4. Back on the page: the association's space, as its representative. Edit the public profile.
    await page.reload();
    // The token lives as long as the page keeps it: after a reload the element may ask to sign in again.
    await space.locator('.sign-in-button, #pf-edit').first().waitFor({ timeout: 15_000 });
    if (await space.locator('.sign-in-button').isVisible())
      await signInInPopup(page, 'khadija.amrani@example.ma');
    await space.locator('#pf-edit').waitFor({ state: 'visible', timeout: 15_000 });
    await space.locator('#pf-edit').click();
    await space.locator('#pf-description-fr').fill('Jardins partagés et alphabétisation à Tiznit.');
    await space.locator('#pf-save').click();
    await space.locator('#pf-edit').waitFor({ state: 'visible' });
    const profile = await api<{ descriptions?: { fr?: string } }>(`/v1/associations/${associationId}`);
    assert.equal(profile.descriptions?.fr, 'Jardins partagés et alphabétisation à Tiznit.');

    // 5. The vault: statutes, then last year's activity report, each listed once uploaded.
    const token = await signInAs(site.url, 'khadija.amrani@example.ma', PASSWORD);
    const vaultFiles = async () =>
      (
        await api<{ items: { fileName: string }[] }>(`/v1/associations/${associationId}/documents`, { token })
      ).items
        .map((d) => d.fileName)
        .sort();
    const seeded = await vaultFiles();
    await space.locator('#as-tab-documents').click();
    for (const [kind, year] of [
      ['statutes', ''],
      ['activity_report', String(new Date().getUTCFullYear() - 1)],
    ] as const) {
      await space.locator('#dc-kind').selectOption(kind);
      if (year) await space.locator('#dc-year').fill(year);
      await space.locator('#dc-file').setInputFiles({ name: `${kind}-tiznit.pdf`, ...pdf });
      await space.locator('#dc-submit').click();
      await space
        .locator('[data-document] .file-name', { hasText: `${kind}-tiznit.pdf` })
        .waitFor({ timeout: 15_000 });
    }
    assert.deepEqual(
      await vaultFiles(),
      [...seeded, 'activity_report-tiznit.pdf', 'statutes-tiznit.pdf'].sort(),
    );

    // 6. Invite a second person, who signs up, confirms and accepts from the invitation's link.
    await space.locator('#as-tab-members').click();
    await space.locator('#mb-email').fill('youssef.idrissi@example.ma');
    await space.locator('#mb-role').selectOption('treasurer');
    await space.locator('#mb-send').click();
    const invitation = await linkFromDevMail(context, 'youssef.idrissi@example.ma', '/my-association/');
    const other = await site.newContext();
    try {
      const invited = await other.newPage();
      invited.on('pageerror', (error) => problems.push(error.message));
      await invited.goto(invitation);
      await signUpInPopup(invited, 'Youssef Idrissi', 'youssef.idrissi@example.ma');
      await confirmAddress(other, 'youssef.idrissi@example.ma');
      await signInInPopup(invited, 'youssef.idrissi@example.ma');
      const theirs = invited.locator('nassij-association-space');
      await theirs.locator('[data-accept-invitation]').click({ timeout: 15_000 });
      await theirs.locator('#as-name').waitFor({ state: 'visible', timeout: 15_000 });
      assert.equal(
        new URL(invited.url()).searchParams.has('invitation'),
        false,
        'the used token leaves the address',
      );
    } finally {
      await other.close();
    }
    const members = await api<{ items: { displayName: string; role: string }[] }>(
      `/v1/associations/${associationId}/members`,
      { token },
    );
    assert.deepEqual(members.items.map((m) => [m.displayName, m.role]).sort(), [
      ['Khadija Amrani', 'representative'],
      ['Youssef Idrissi', 'treasurer'],
    ]);

    // 7. Apply to an open call the association may apply to, the statutes taken from the vault in the form.
    //    The answers and the other documents go through the API first (the form resumes that draft).
    let callId: string | undefined;
    for (const candidate of [demoFixtures.calls.openEligible, ...demoFixtures.calls.openForDrafts]) {
      const check = await api<{ eligible: boolean }>(
        `/v1/calls/${candidate}/eligibility?associationId=${associationId}`,
        { token },
      );
      if (check.eligible) {
        callId = candidate;
        break;
      }
    }
    assert.ok(callId, 'the claimed association may apply to one of the open fixture calls');
    const call = await api<Call>(`/v1/calls/${callId}`);
    const statutes = call.requiredDocuments.find((d) => d.id === 'statutes');
    assert.ok(statutes, 'the call asks for the statutes');
    const started = await api<Application>('/v1/applications', {
      method: 'POST',
      token,
      body: JSON.stringify({ callId, associationId }),
    });
    const current = await fetch(`${site.url}/v1/applications/${started.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await api(`/v1/applications/${started.id}`, {
      method: 'PATCH',
      token,
      body: JSON.stringify({ answers: completeAnswers(call) }),
      headers: { 'if-match': current.headers.get('etag') ?? '' },
    });
    for (const document of call.requiredDocuments.filter(
      (d) => d.requirement === 'mandatory' && d.id !== 'statutes',
    )) {
      const { bytes, name } = fileFor(document);
      const form = new FormData();
      form.set('documentId', document.id);
      form.set('file', new Blob([bytes], { type: document.mediaTypes[0] }), name);
      const sent = await fetch(`${site.url}/v1/applications/${started.id}/attachments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      assert.equal(sent.status, 201, await sent.text());
    }
    const fieldId = call.form.sections
      .flatMap((section) => section.fields)
      .find((field) => field.type === 'attachment' && field.documentId === 'statutes')?.id;
    assert.ok(fieldId, 'the form has a field for the statutes');

    await page.goto(`${site.url}/ministry-apply/?call=${callId}`);
    const form = page.locator('nassij-application-form');
    await form
      .locator('.sign-in-button, button.sign-in, .eligibility button')
      .first()
      .waitFor({ timeout: 15_000 });
    if (await form.locator('button.sign-in').isVisible())
      await signInInPopup(page, 'khadija.amrani@example.ma', form);
    await form.locator('button.start').click({ timeout: 15_000 });
    for (let step = 0; step < 8 && !(await form.locator(`#vo-${fieldId}`).isVisible()); step++)
      await form.locator('button.next').click();
    await form.locator(`#vo-${fieldId}`).click();
    await form.locator('li.vault-item', { hasText: 'statutes-tiznit.pdf' }).locator('.vault-choose').click();
    await form.locator('.vault-source').first().waitFor({ timeout: 15_000 });
    while (!(await form.locator('#af-review').isVisible())) await form.locator('button.next').click();
    await form.locator('button.submit').click();
    await form.locator('#af-receipt').waitFor({ timeout: 20_000 });
    const submitted = await api<Application>(`/v1/applications/${started.id}`, { token });
    assert.equal(submitted.status, 'received');
    const fromVault = submitted.attachments.find((a) => a.documentId === 'statutes');
    assert.equal(fromVault?.fileName, 'statutes-tiznit.pdf');
    assert.ok(fromVault?.vaultDocumentId, 'the statutes came from the vault, not a new upload');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
