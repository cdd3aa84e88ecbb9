import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type AttendanceMark, AttendanceSheet } from './attendance.js';

/** A host that only counts the updates it is asked for. */
function fakeHost(): ReactiveControllerHost & { updates: number } {
  return {
    updates: 0,
    addController(_controller: ReactiveController) {},
    removeController(_controller: ReactiveController) {},
    requestUpdate() {
      this.updates += 1;
    },
    updateComplete: Promise.resolve(true),
  };
}

/** A save that records each batch and fails while `failing` holds. */
function recorder() {
  const batches: AttendanceMark[][] = [];
  const state = { failing: false };
  const save = async (marks: AttendanceMark[]) => {
    batches.push(marks.map((m) => ({ ...m })));
    if (state.failing) throw Object.assign(new Error('offline'), { code: 'network_error' });
  };
  return { batches, state, save };
}

describe('attendance sheet', () => {
  it('sends ticks made together in one batch, in the order they were made, the last value of each', async () => {
    const { batches, save } = recorder();
    const sheet = new AttendanceSheet(fakeHost(), save);
    sheet.load([{ registrationId: 'r1', day: '2026-05-12', present: false }]);
    sheet.mark('r1', '2026-05-12', true);
    sheet.mark('r2', '2026-05-12', true);
    sheet.mark('r1', '2026-05-12', false);
    sheet.mark('r1', '2026-05-12', true);
    expect(sheet.state).to.equal('pending');
    expect(sheet.unsaved).to.equal(2);
    expect(await sheet.flush()).to.equal(true);
    expect(batches).to.deep.equal([
      [
        { registrationId: 'r2', day: '2026-05-12', present: true },
        { registrationId: 'r1', day: '2026-05-12', present: true },
      ],
    ]);
    expect(sheet.state).to.equal('saved');
    expect(sheet.savedAt).to.be.instanceOf(Date);
    sheet.hostDisconnected();
  });

  it('keeps the ticks of a failed batch, shown as present, and sends them when the browser is back online', async () => {
    const { batches, state, save } = recorder();
    const reported: unknown[] = [];
    const sheet = new AttendanceSheet(fakeHost(), save, (error) => {
      reported.push(error);
      return 'network_error';
    });
    sheet.hostConnected();
    state.failing = true;
    sheet.markAll(['r1', 'r2', 'r3'], '2026-05-13', true);
    expect(await sheet.flush()).to.equal(false);
    expect(sheet.state).to.equal('failed');
    expect(sheet.failure).to.equal('network_error');
    expect(reported).to.have.length(1);
    expect(sheet.unsaved).to.equal(3);
    for (const id of ['r1', 'r2', 'r3']) expect(sheet.present(id, '2026-05-13')).to.equal(true);
    // A reload of the sheet meanwhile (the desk refreshed) does not lose them.
    sheet.load([]);
    expect(sheet.present('r2', '2026-05-13')).to.equal(true);
    // A tick made while failing joins the batch; the state keeps saying it failed until one gets through.
    sheet.mark('r4', '2026-05-13', true);
    expect(sheet.state).to.equal('failed');

    state.failing = false;
    window.dispatchEvent(new Event('online'));
    expect(await sheet.flush()).to.equal(true);
    expect(sheet.state).to.equal('saved');
    expect(sheet.failure).to.equal(undefined);
    expect(sheet.unsaved).to.equal(0);
    expect(batches.at(-1)?.map((m) => m.registrationId)).to.deep.equal(['r1', 'r2', 'r3', 'r4']);
    sheet.hostDisconnected();
  });

  it('a tick changed while its batch travels is sent again with the next one', async () => {
    let release: (() => void) | undefined;
    const batches: AttendanceMark[][] = [];
    const sheet = new AttendanceSheet(fakeHost(), (marks) => {
      batches.push(marks.map((m) => ({ ...m })));
      // The first batch waits until released; the next ones answer at once.
      return batches.length === 1 ? new Promise<void>((ok) => (release = ok)) : Promise.resolve();
    });
    sheet.mark('r1', '2026-05-12', true);
    const first = sheet.flush();
    expect(sheet.state).to.equal('saving');
    sheet.mark('r1', '2026-05-12', false);
    release!();
    expect(await first).to.equal(false);
    expect(sheet.unsaved).to.equal(1);
    expect(await sheet.flush()).to.equal(true);
    expect(batches).to.deep.equal([
      [{ registrationId: 'r1', day: '2026-05-12', present: true }],
      [{ registrationId: 'r1', day: '2026-05-12', present: false }],
    ]);
    expect(sheet.present('r1', '2026-05-12')).to.equal(false);
    sheet.hostDisconnected();
  });
});
