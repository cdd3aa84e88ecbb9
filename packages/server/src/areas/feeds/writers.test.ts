import assert from 'node:assert/strict';
import { test } from 'node:test';
import { casablancaOffsetMinutes } from '@nassij/contract';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { casablancaTransitions, escapeIcsText, foldLine, icsCasablanca } from './ical.js';
import { el, escapeXml, writeXml } from './xml.js';

test('iCalendar text escapes backslash, semicolon, comma and line breaks, and drops controls', () => {
  assert.equal(escapeIcsText('a\\b;c,d\r\ne\nf\u0007'), 'a\\\\b\\;c\\,d\\ne\\nf');
});

test('lines fold at 75 octets without cutting a UTF-8 character, and unfold to the original', () => {
  for (const text of [
    'ⵣ'.repeat(60),
    'جمعية '.repeat(30),
    `${'a'.repeat(74)}é${'b'.repeat(80)}`,
    '😀'.repeat(40),
  ]) {
    const line = `SUMMARY:${text}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    assert.ok(parts.length > 1, 'long enough to fold');
    for (const part of parts) {
      assert.ok(Buffer.byteLength(part) <= 75, `${Buffer.byteLength(part)} octets`);
      assert.ok(!part.includes('\uFFFD'), 'whole characters');
    }
    for (const part of parts.slice(1)) assert.ok(part.startsWith(' '));
    assert.equal(folded.replaceAll('\r\n ', ''), line);
  }
  assert.equal(foldLine('SHORT:line'), 'SHORT:line');
});

test('the offset changes found are exactly the ones of the contract, Ramadan included', () => {
  const transitions = casablancaTransitions(2026, 2027);
  assert.equal(transitions.length, 4, 'two Ramadan periods: four changes');
  for (const { at, from, to } of transitions) {
    assert.equal(casablancaOffsetMinutes(new Date(at - 60_000)), from);
    assert.equal(casablancaOffsetMinutes(new Date(at)), to);
  }
  assert.deepEqual(
    transitions.map((t) => t.to),
    [0, 60, 0, 60],
  );
  assert.equal(icsCasablanca(new Date(transitions[0]?.at ?? 0).toISOString()).slice(9), '020000');
});

test('XML text and attributes are escaped, characters XML forbids dropped', () => {
  assert.equal(escapeXml('<a href="x">&\'\u0000\uFFFF\uD800'), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  const hostile = '</title><script>x</script>&amp;';
  const xml = writeXml(el('feed', { 'xml:lang': '"><x' }, el('title', {}, hostile)));
  assert.equal(XMLValidator.validate(xml), true);
  const parsed = new XMLParser({ ignoreAttributes: false, processEntities: true }).parse(xml) as {
    feed: { title: string; '@_xml:lang': string };
  };
  assert.equal(parsed.feed.title, hostile);
  assert.equal(parsed.feed['@_xml:lang'], '"><x');
});
