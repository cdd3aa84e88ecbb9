import { TAMAZIGHT_MONTHS } from '@nassij/contract';
import { expect } from '@open-wc/testing';
import { formatters } from './format.js';

// Debian's Chromium ships tz data whose Morocco rules end in 2026: asked directly, it shows December 2026 as
// UTC+0. Nassij computes Morocco's clock itself (the contract's table), so a deadline never moves an hour.
describe('Moroccan time in the browser', () => {
  it('shows a December 2026 deadline in UTC+1 whatever the browser tz data says', () => {
    const fr = formatters('fr');
    expect(fr.dateTime('2026-12-02T22:59:00Z')).to.contain('23:59').and.to.contain('UTC+1');
    expect(fr.date('2026-12-31T23:30:00Z')).to.match(/1 janvier 2027/);
    expect(fr.time('2026-12-02T22:59:00Z')).to.equal('23:59');
  });

  it('shows Ramadan 2026 in UTC+0 and counts days on the Moroccan calendar', () => {
    const ar = formatters('ar');
    expect(ar.dateTime('2026-03-01T23:59:00Z')).to.contain('23:59').and.to.contain('UTC+0');
    expect(ar.daysUntil('2026-12-02T22:59:00Z', new Date('2026-11-29T23:30:00Z'))).to.equal(2);
  });

  it('writes Tamazight months in Tifinagh even where the browser has no zgh data', () => {
    const zgh = formatters('zgh');
    expect(zgh.date('2026-03-15T12:00:00Z')).to.contain(TAMAZIGHT_MONTHS[2]).and.not.match(/mars/);
    expect(zgh.dateTime('2026-12-02T22:59:00Z')).to.contain(TAMAZIGHT_MONTHS[11]).and.to.contain('23:59');
    expect(zgh.list(['ⴰ', 'ⴱ'])).to.equal('ⴰ ⴷ ⴱ');
  });
});
