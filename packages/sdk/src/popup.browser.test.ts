// Popup sign-in in Chromium against the reference server started by the wtr server plugin; a server
// command plugin (scripts/wtr-popup-plugin.mjs) types the demo credentials into the real popup.

// API_BASE comes from the virtual module of scripts/wtr-nassij-server-plugin.mjs.
import type { DemoFixtures } from '@nassij/server/fixtures';
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { API_BASE, FIXTURES } from '/__nassij__/env.js';
import { createClient } from './client.js';

const citizen = {
  email: 'citizen@demo.nassij.ma',
  password: 'demo-citizen-2026',
  id: (FIXTURES as DemoFixtures).accounts.citizen,
};

describe('client.auth.signInWithPopup', () => {
  it('resolves with a token from the real popup and ignores a forged message', async () => {
    const client = createClient({ baseUrl: API_BASE, locale: 'ar' });
    let settled = false;
    const signedIn = client.auth.signInWithPopup({ timeoutMs: 15_000 }).finally(() => {
      settled = true;
    });

    // A forged answer from this page itself (wrong source and origin) before the popup answers.
    window.postMessage(
      { type: 'nassij:auth', token: 'tok_forged_forged_forged', expiresAt: '2099-01-01T00:00:00Z' },
      '*',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settled, 'a forged message must not settle the sign-in').to.equal(false);
    expect(client.tokens.get()).to.equal(null);

    await executeServerCommand('nassij-popup-sign-in', { email: citizen.email, password: citizen.password });
    const result = await signedIn;
    expect(result.token).to.be.a('string');
    expect(result.token).to.not.equal('tok_forged_forged_forged');
    expect(client.tokens.get()).to.equal(result.token);
    const account = await client.auth.me();
    expect(account.id).to.equal(citizen.id);
    expect(account.email).to.equal(citizen.email);
  });
});
