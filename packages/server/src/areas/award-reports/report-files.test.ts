// A report's file: scanned like an application attachment (pending, then clean, infected or error), and
// served only once clean, to the awarded association's members and the funding organisation's staff.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AwardReport, AwardReportList, Problem, ScanState } from '@nassij/contract';
import { send } from '../../bench/kit.js';
import { DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';
import { EICAR, getScanner, type Scanner, setScanner } from '../applications/scanner.js';
import { addReportRequirement, awardOfApplication, createTestAccount } from './fixtures.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

const PDF = new TextEncoder().encode('%PDF-1.4\n% rapport d’étape\n1 0 obj << >> endobj\n%%EOF\n');
/** One requirement per test, added to the call of the demo association's award, so that each starts `due`. */
const REQUIREMENTS = [
  'files_clean',
  'files_infected',
  'files_error',
  'files_slow',
  'files_old',
  'files_none',
];
/** Demo accounts that read the award's reports, besides the funder's staff the suite creates. */
const MEMBERS_AND_ADMIN = ['member', 'representative', 'admin'] as const;
/** Demo accounts that may not: the public, a reviewer, a moderator, and staff of other organisations. */
const OTHERS = [
  'citizen',
  'reviewer',
  'moderator',
  'ministryCallManager',
  'ministryAdmin',
  'regionCallManager',
  'regionAdmin',
] as const;
const READERS = [...MEMBERS_AND_ADMIN, 'funderCallManager', 'funderAdmin'] as const;

function reportForm(summary: string, file?: { bytes: Uint8Array<ArrayBuffer>; name: string }): FormData {
  const form = new FormData();
  form.set('summary', summary);
  if (file) form.set('file', new Blob([file.bytes]), file.name);
  return form;
}

describe('the file of a report', () => {
  let server: Server;
  let awardId: string;
  const tokens: Record<string, string> = {};
  const defaultScanner: Scanner = getScanner();

  const submit = (requirementId: string, form: FormData) =>
    send(server.url, 'POST', `/v1/awards/${awardId}/reports/${requirementId}`, {
      token: tokens.representative,
      raw: form,
    });
  const download = (requirementId: string, who?: string) =>
    send(server.url, 'GET', `/v1/awards/${awardId}/reports/${requirementId}/file`, {
      ...(who ? { token: tokens[who] } : {}),
    });
  const reportOf = async (requirementId: string): Promise<AwardReport | undefined> => {
    const answer = await send(server.url, 'GET', `/v1/awards/${awardId}/reports`, {
      token: tokens.member,
    });
    assert.equal(answer.status, 200, answer.text);
    return (answer.json as AwardReportList).items.find((r) => r.requirementId === requirementId);
  };
  /** The scan state once it is no longer pending (or `pending` after two seconds of waiting). */
  const scanned = async (requirementId: string): Promise<ScanState | undefined> => {
    for (let i = 0; i < 100; i++) {
      const state = (await reportOf(requirementId))?.submission?.attachment?.scanState;
      if (state !== 'pending') return state;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return 'pending';
  };

  before(async () => {
    server = await tempServer({ rateLimit: false });
    const award = await awardOfApplication(server.db, F.applications.awardedOfRepresented);
    awardId = award.awardId;
    for (const requirementId of REQUIREMENTS)
      await addReportRequirement(server.db, award.callId, requirementId, 'progress', new Date());
    for (const who of [...MEMBERS_AND_ADMIN, ...OTHERS])
      tokens[who] = await signInAs(server.url, DEMO_ACCOUNTS[who].email, DEMO_ACCOUNTS[who].password);
    // The staff of the organisation that funds the award (the demo has none for it).
    for (const [who, role] of [
      ['funderCallManager', 'call_manager'],
      ['funderAdmin', 'organisation_admin'],
    ] as const) {
      const staff = await createTestAccount(
        server.db,
        `files_${role}`,
        { roles: [role], organisationId: award.organisationId },
        new Date(),
      );
      tokens[who] = await signInAs(server.url, staff.email, staff.password);
    }
  });
  after(async () => {
    setScanner(defaultScanner);
    await server.stop();
  });

  test('pending on submission, then clean; its readers download it as an attachment, no one else', async () => {
    const name = "Rapport d'étape (v2).pdf";
    const sent = await submit('files_clean', reportForm('Activités', { bytes: PDF, name }));
    assert.equal(sent.status, 200, sent.text);
    const attachment = (sent.json as AwardReport).submission?.attachment;
    assert.equal(attachment?.scanState, 'pending');
    assert.equal(await scanned('files_clean'), 'clean');

    for (const who of READERS) {
      const file = await download('files_clean', who);
      assert.equal(file.status, 200, `${who}: ${file.text}`);
      assert.equal(file.text, new TextDecoder().decode(PDF), who);
    }
    const file = await download('files_clean', 'member');
    assert.equal(file.headers.get('content-type'), 'application/pdf');
    assert.equal(file.headers.get('content-length'), String(PDF.byteLength));
    assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
    assert.match(file.headers.get('content-security-policy') ?? '', /^default-src 'none'; sandbox$/);
    assert.equal(file.headers.get('cache-control'), 'private, no-store');
    const disposition = file.headers.get('content-disposition') ?? '';
    assert.match(disposition, /^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
    assert.equal(disposition.match(/filename="([^"]*)"/)?.[1], "Rapport d'_tape (v2).pdf");
    assert.equal(decodeURIComponent(disposition.split("UTF-8''")[1] ?? ''), name);

    for (const who of OTHERS) {
      const refused = await download('files_clean', who);
      assert.equal(refused.status, 403, `${who}: ${refused.text}`);
      assert.equal((refused.json as Problem).code, 'forbidden');
    }
    assert.equal((await download('files_clean')).status, 401);
  });

  test('an infected file is never served', async () => {
    const eicar = new TextEncoder().encode(`${EICAR}\n`);
    const sent = await submit('files_infected', reportForm('Bilan', { bytes: eicar, name: 'bilan.txt' }));
    assert.equal(sent.status, 200, sent.text);
    assert.equal(await scanned('files_infected'), 'infected');
    for (const who of ['member', 'funderCallManager', 'admin']) {
      const refused = await download('files_infected', who);
      assert.equal(refused.status, 409, refused.text);
      assert.equal((refused.json as Problem).code, 'invalid_state');
      assert.notEqual(refused.text, `${EICAR}\n`);
    }
  });

  test('a scanner that fails leaves the file in error, not served', async () => {
    setScanner({
      scan: () => Promise.reject(new Error('the antivirus daemon is down')),
    });
    try {
      const sent = await submit('files_error', reportForm('Bilan', { bytes: PDF, name: 'bilan.pdf' }));
      assert.equal(sent.status, 200, sent.text);
      assert.equal(await scanned('files_error'), 'error');
    } finally {
      setScanner(defaultScanner);
    }
    const refused = await download('files_error', 'member');
    assert.equal(refused.status, 409, refused.text);
    assert.equal((refused.json as Problem).code, 'invalid_state');
  });

  test('while its scan runs the file is pending and not served; once clean it is', async () => {
    let finish: (state: 'clean') => void = () => undefined;
    const result = new Promise<'clean'>((resolve) => {
      finish = resolve;
    });
    setScanner({ scan: () => result });
    try {
      const sent = await submit('files_slow', reportForm('Bilan', { bytes: PDF, name: 'bilan.pdf' }));
      assert.equal(sent.status, 200, sent.text);
      const waiting = await download('files_slow', 'funderCallManager');
      assert.equal(waiting.status, 409, waiting.text);
      assert.match((waiting.json as Problem).detail ?? '', /still being scanned/);
      assert.equal((await reportOf('files_slow'))?.submission?.attachment?.scanState, 'pending');
    } finally {
      finish('clean');
      setScanner(defaultScanner);
    }
    assert.equal(await scanned('files_slow'), 'clean');
    assert.equal((await download('files_slow', 'funderCallManager')).status, 200);
  });

  test('a file left pending with no scan under way (stored before scanning) is scanned on its first download', async () => {
    const sent = await submit('files_old', reportForm('Bilan', { bytes: PDF, name: 'bilan.pdf' }));
    assert.equal(sent.status, 200, sent.text);
    assert.equal(await scanned('files_old'), 'clean');
    // As the migration leaves a file sent before scans existed, or a restart one whose scan it lost.
    await server.db.write(
      "UPDATE award_reports SET file_scan_state = 'pending' WHERE award_id = ? AND requirement_id = ?",
      [awardId, 'files_old'],
    );
    assert.equal((await reportOf('files_old'))?.submission?.attachment?.scanState, 'pending');
    const file = await download('files_old', 'member');
    assert.equal(file.status, 200, file.text);
    assert.equal((await reportOf('files_old'))?.submission?.attachment?.scanState, 'clean');
  });

  test('404 for a report never sent, one sent without a file, and a requirement the call lacks', async () => {
    const never = await download('files_none', 'member');
    assert.equal(never.status, 404, never.text);
    const sent = await submit('files_none', reportForm('Sans pièce jointe'));
    assert.equal(sent.status, 200, sent.text);
    assert.equal((sent.json as AwardReport).submission?.attachment, undefined);
    const none = await download('files_none', 'member');
    assert.equal(none.status, 404, none.text);
    assert.equal((none.json as Problem).code, 'not_found');
    assert.equal((await download('no_such_requirement', 'member')).status, 404);
  });
});
