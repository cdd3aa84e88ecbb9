import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { composeMail, htmlLangDir } from './layout.js';

const URL_WITH_QUERY = 'https://nassij.example/auth/verify?token=abc&lang=ar';

describe('composeMail', () => {
  test('the HTML part carries the language and direction, the text part reads on its own', () => {
    const mail = composeMail('ar', {
      subject: 'أكّد عنوان بريدك',
      greeting: 'مرحبا أمينة،',
      paragraphs: ['لتفعيل حسابك، أكّد عنوان بريدك.', 'السطر الأول\nالسطر الثاني'],
      action: { label: 'تأكيد العنوان', url: URL_WITH_QUERY },
    });
    assert.equal(mail.subject, 'أكّد عنوان بريدك');
    assert.match(mail.html, /<html lang="ar" dir="rtl">/);
    assert.match(mail.html, /text-align:right/);
    // One action: a link styled as a button, and its address printed for clients that drop links.
    const hrefs = [...mail.html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]);
    assert.deepEqual(hrefs, [
      'https://nassij.example/auth/verify?token=abc&#38;lang=ar',
      'https://nassij.example/auth/verify?token=abc&#38;lang=ar',
    ]);
    assert.match(mail.html, /السطر الأول<br>السطر الثاني/);
    assert.match(mail.text, /^مرحبا أمينة،\n\nلتفعيل حسابك/);
    assert.ok(mail.text.includes(`تأكيد العنوان:\n${URL_WITH_QUERY}\n`));
    // The default footer is in the recipient's language.
    assert.match(mail.text, /وصلتك هذه الرسالة/);
    assert.match(mail.html, /وصلتك هذه الرسالة/);
  });

  test('every locale gets its own footer, lang and direction', () => {
    const footers = new Set<string>();
    for (const [locale, lang, dir] of [
      ['ar', 'ar', 'rtl'],
      ['fr', 'fr', 'ltr'],
      ['zgh', 'zgh-Tfng', 'ltr'],
      ['en', 'en', 'ltr'],
    ] as const) {
      assert.deepEqual(htmlLangDir(locale), { lang, dir });
      const mail = composeMail(locale, { subject: 'S', paragraphs: ['P'] });
      assert.ok(mail.html.includes(`<html lang="${lang}" dir="${dir}">`), locale);
      footers.add(mail.text.split('-- \n')[1] ?? '');
    }
    assert.equal(footers.size, 4);
    assert.match(composeMail('zgh', { subject: 'S', paragraphs: ['P'] }).text, /[\u2D30-\u2D7F]/);
  });

  test('user text is escaped in the HTML part and kept as is in the text part', () => {
    const name = '<script>alert("x")</script> & Co';
    const mail = composeMail('fr', {
      subject: `Bonjour ${name}`,
      greeting: `Bonjour ${name},`,
      paragraphs: [`L’association « ${name} » vous invite.`],
      action: { label: `Rejoindre ${name}`, url: 'https://nassij.example/join?a="b"' },
      footer: `Pied ${name}`,
    });
    assert.doesNotMatch(mail.html, /<script>/);
    assert.match(mail.html, /&#60;script&#62;alert\(&#34;x&#34;\)&#60;\/script&#62; &#38; Co/);
    assert.doesNotMatch(mail.html, /href="[^"]*"b"/);
    assert.ok(mail.text.includes(`Bonjour ${name},`));
    assert.ok(mail.text.includes(`Pied ${name}`));
    assert.doesNotMatch(mail.text, /vous recevez ce message/i, 'a given footer replaces the default one');
  });

  test('refuses an action that is not a web link, and a subject on two lines', () => {
    assert.throws(
      () =>
        composeMail('en', {
          subject: 'S',
          paragraphs: [],
          action: { label: 'Go', url: 'javascript:alert(1)' },
        }),
      RangeError,
    );
    assert.throws(
      () => composeMail('en', { subject: 'S', paragraphs: [], action: { label: 'Go', url: '/relative' } }),
      RangeError,
    );
    assert.throws(
      () => composeMail('en', { subject: 'S\r\nBcc: x@example.org', paragraphs: [] }),
      RangeError,
    );
  });
});
