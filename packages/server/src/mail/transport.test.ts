import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSmtpUrl, redactUrl, senderDomain, smtpRequiresStartTls } from './transport.js';

test('SMTP URLs: accepted forms, passwords redacted, STARTTLS required before credentials leave the machine', () => {
  assert.equal(isSmtpUrl('smtp://mailer:s3cret@relay.example.ma:587'), true);
  assert.equal(isSmtpUrl('smtps://relay.example.ma'), true);
  assert.equal(isSmtpUrl('http://relay.example.ma'), false);
  assert.equal(isSmtpUrl('relay.example.ma:587'), false);
  assert.equal(
    redactUrl('smtp://mailer:s3cret@relay.example.ma:587'),
    'smtp://mailer:***@relay.example.ma:587',
  );
  assert.equal(redactUrl('smtp://relay.example.ma'), 'smtp://relay.example.ma');

  assert.equal(smtpRequiresStartTls('smtp://mailer:s3cret@relay.example.ma:587'), true);
  assert.equal(smtpRequiresStartTls('smtp://relay.example.ma:25'), false, 'no credentials to protect');
  assert.equal(
    smtpRequiresStartTls('smtps://mailer:s3cret@relay.example.ma:465'),
    false,
    'TLS from the start',
  );
  for (const host of ['127.0.0.1', 'localhost', '[::1]'])
    assert.equal(smtpRequiresStartTls(`smtp://mailer:s3cret@${host}:2525`), false, host);
});

test('the sender domain names the messages', () => {
  assert.equal(senderDomain('Nassij <no-reply@Nassij.MA>'), 'nassij.ma');
  assert.equal(senderDomain('no-reply@region.example'), 'region.example');
  assert.throws(() => senderDomain('Nassij'), RangeError);
  assert.throws(() => senderDomain('Nassij <no-reply@>'), RangeError);
});
