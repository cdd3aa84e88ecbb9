/**
 * The script of every account page (`/auth/popup.js`), a plain browser module so the pages need no inline
 * script under their CSP. It switches the views of a page without losing what was typed, checks fields
 * before sending (a new password with the contract's policy, loaded from `/auth/password-policy.js`), sends
 * the API requests, shows problems in a GOV.UK-style error summary linking to the fields, keyed by the API's
 * problem codes, and, in the popup, posts the token to the opener's allowlisted origin.
 */
export const PAGES_SCRIPT = `const messages = {};
const template = document.getElementById('messages');
if (template) {
  for (const item of template.content.querySelectorAll('[data-key]')) messages[item.dataset.key] = item.textContent;
}
const lang = document.documentElement.lang.split('-')[0];
const EMAIL = /^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/;
let policy = null;
import('./password-policy.js').then((module) => { policy = module; }).catch(() => {
  // Without the module the server still checks the password; only the live hints are missing.
});

const message = (key) => messages[key] || messages.failed || '';

/** A message with one {name} filled by a value kept in its own direction (an address inside Arabic text). */
function fillWithValue(element, key, name, value) {
  const parts = message(key).split('{' + name + '}');
  const bdi = document.createElement('bdi');
  bdi.textContent = value;
  element.replaceChildren(parts[0] || '', ...(parts.length > 1 ? [bdi, parts.slice(1).join('')] : []));
}

let lastEmail = '';
document.addEventListener('input', (event) => {
  const input = event.target;
  if (input instanceof HTMLInputElement && input.type === 'email') lastEmail = input.value.trim();
  if (input instanceof HTMLInputElement && input.autocomplete === 'new-password') checkPassword(input.form, true);
  if (input instanceof HTMLInputElement && input.form && input.form.id === 'signup' && input.name !== 'password') {
    checkPassword(input.form, false);
  }
});

function showView(name) {
  for (const section of document.querySelectorAll('section[data-view-name]')) {
    section.hidden = section.dataset.viewName !== name;
  }
  const section = document.getElementById('view-' + name);
  if (!section) return;
  // What was typed in one view follows to the next, so nobody types an address twice.
  for (const input of section.querySelectorAll('input[type="email"]')) if (!input.value) input.value = lastEmail;
  const heading = section.querySelector('h1');
  if (heading) {
    document.title = heading.textContent;
    heading.focus();
  }
}

function contextOf(form) {
  const email = form.elements.namedItem('email');
  const displayName = form.elements.namedItem('displayName');
  return { email: email ? email.value.trim() : undefined, displayName: displayName ? displayName.value.trim() : undefined };
}

/** Live policy line of a new password; only a change of rule is announced, not every keystroke. */
function checkPassword(form, typed) {
  if (!form) return;
  const input = form.querySelector('input[autocomplete="new-password"]');
  const line = input && document.getElementById(input.id + '-check');
  if (!input || !line || (!typed && !input.value)) return;
  let key = '';
  if (input.value && policy) {
    const problems = policy.passwordProblems(input.value, contextOf(form));
    key = problems.length ? problems[0] : 'passwordOk';
  }
  if (line.dataset.key === key) return;
  line.dataset.key = key;
  line.textContent = key ? message(key) : '';
  line.className = key === 'passwordOk' ? 'check ok' : 'check';
}

function clearErrors(form) {
  const summary = document.getElementById(form.id + '-errors');
  if (summary) {
    summary.hidden = true;
    summary.querySelector('ul').replaceChildren();
  }
  for (const input of form.querySelectorAll('input')) input.removeAttribute('aria-invalid');
  for (const error of form.querySelectorAll('.field-error')) {
    error.hidden = true;
    error.textContent = '';
  }
}

/** The GOV.UK pattern: a summary on top linking to each field in error, the same message by the field. */
function showErrors(form, errors) {
  const summary = document.getElementById(form.id + '-errors');
  const list = summary.querySelector('ul');
  for (const error of errors) {
    const text = message(error.key);
    const item = document.createElement('li');
    const holder = error.field ? form.querySelector('[data-field="' + error.field + '"]') : null;
    const input = holder && holder.querySelector('input');
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      const inline = holder.querySelector('.field-error');
      inline.textContent = text;
      inline.hidden = false;
      const link = document.createElement('a');
      link.href = '#' + input.id;
      link.textContent = text;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        input.focus();
      });
      item.append(link);
    } else {
      item.textContent = text;
    }
    list.append(item);
  }
  summary.hidden = false;
  summary.focus();
}

function fieldKey(code, name) {
  const key = code === 'required' ? 'required_' + name : name === 'email' ? 'invalid_email' : code + '_' + name;
  return messages[key] ? key : 'invalid_field';
}

/** The errors of a problem answer, by field when the API names one. */
function problemErrors(payload) {
  const code = payload && payload.code;
  if (payload && Array.isArray(payload.errors) && payload.errors.length > 0) {
    return payload.errors.map((error) => {
      const name = String(error.path || '').split('/')[1] || '';
      return { field: name, key: fieldKey(error.code, name) };
    });
  }
  if (typeof code === 'string' && code.startsWith('password_')) return [{ field: 'password', key: code }];
  if (code === 'invalid_credentials') return [{ field: 'password', key: 'invalid' }];
  if (code === 'rate_limited' || code === 'already_exists') return [{ key: code }];
  return [{ key: 'failed' }];
}

/** Checks before sending, with the same keys as the API's answers. */
function localErrors(form) {
  const errors = [];
  const value = (name) => {
    const input = form.elements.namedItem(name);
    return input ? input.value : undefined;
  };
  const displayName = value('displayName');
  if (displayName !== undefined) {
    if (!displayName.trim()) errors.push({ field: 'displayName', key: 'required_displayName' });
    else if ([...displayName.trim()].length > 120) errors.push({ field: 'displayName', key: 'too_long_displayName' });
  }
  const email = value('email');
  if (email !== undefined) {
    if (!email.trim()) errors.push({ field: 'email', key: 'required_email' });
    else if (!EMAIL.test(email.trim())) errors.push({ field: 'email', key: 'invalid_email' });
  }
  const password = form.elements.namedItem('password');
  if (password) {
    if (!password.value) errors.push({ field: 'password', key: 'required_password' });
    else if (password.autocomplete === 'new-password' && policy) {
      const problems = policy.passwordProblems(password.value, contextOf(form));
      if (problems.length > 0) errors.push({ field: 'password', key: problems[0] });
    }
  }
  return errors;
}

async function post(path, body) {
  try {
    const response = await fetch(path, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': lang },
      body: JSON.stringify(body),
    });
    const payload = response.status === 204 ? {} : await response.json().catch(() => ({}));
    return { ok: response.ok, payload };
  } catch {
    return { ok: false, payload: {} };
  }
}

function statusOf(element) {
  const section = element.closest('section');
  return section && section.querySelector('.status');
}

const requestNewLink = (action, email) =>
  post(action === 'forgot' ? '/v1/accounts/password-reset' : '/v1/accounts/email-verification/resend', { email });

/** A dead link (expired, used, invalid): say why and offer a new one. */
function deadLink(code) {
  const reason = document.getElementById('newlink-reason');
  reason.textContent = message(code);
  reason.dataset.code = code;
  showView('newlink');
}

const submitters = {
  async signin(form, fields) {
    const data = form.dataset;
    document.getElementById('signin-unverified').hidden = true;
    const result = await post('/v1/auth/token', { email: fields.email.trim(), password: fields.password });
    if (!result.ok) {
      if (result.payload.code === 'email_not_verified') {
        const notice = document.getElementById('signin-unverified');
        notice.hidden = false;
        statusOf(form).textContent = message('email_not_verified');
        return;
      }
      showErrors(form, problemErrors(result.payload));
      return;
    }
    const payload = result.payload;
    if (window.opener) {
      window.opener.postMessage(
        { type: 'nassij:auth', token: payload.token, expiresAt: payload.expiresAt, state: data.state },
        data.origin,
      );
    }
    statusOf(form).textContent = message('done');
    window.close();
  },
  async signup(form, fields) {
    const email = fields.email.trim();
    const result = await post('/v1/accounts', {
      email,
      password: fields.password,
      displayName: fields.displayName.trim(),
      locale: form.dataset.locale,
    });
    if (!result.ok) return showErrors(form, problemErrors(result.payload));
    fillWithValue(document.getElementById('checkmail-text'), 'checkMail', 'email', email);
    lastEmail = email;
    showView('checkmail');
  },
  async forgot(form, fields) {
    const email = fields.email.trim();
    const result = await requestNewLink('forgot', email);
    if (!result.ok) return showErrors(form, problemErrors(result.payload));
    fillWithValue(statusOf(form), 'forgotSent', 'email', email);
  },
  async resend(form, fields) {
    const email = fields.email.trim();
    const result = await requestNewLink('resend', email);
    if (!result.ok) return showErrors(form, problemErrors(result.payload));
    fillWithValue(statusOf(form), 'resent', 'email', email);
  },
  async newlink(form, fields) {
    const action = form.dataset.action;
    const email = fields.email.trim();
    const result = await requestNewLink(action, email);
    if (!result.ok) return showErrors(form, problemErrors(result.payload));
    fillWithValue(statusOf(form), action === 'forgot' ? 'forgotSent' : 'resent', 'email', email);
  },
  async verify(form) {
    const result = await post('/v1/accounts/email-verification', { token: form.dataset.token });
    if (!result.ok) {
      const code = result.payload.code;
      if (code === 'link_invalid' || code === 'link_expired' || code === 'link_used') return deadLink(code);
      return showErrors(form, problemErrors(result.payload));
    }
    const changed = result.payload.purpose === 'change_email';
    document.getElementById('verified-text').textContent = message(changed ? 'verifiedChanged' : 'verified');
    showView('verified');
  },
  async reset(form, fields) {
    const result = await post('/v1/accounts/password-reset/confirm', {
      token: form.dataset.token,
      password: fields.password,
    });
    if (!result.ok) {
      const code = result.payload.code;
      if (code === 'link_invalid' || code === 'link_expired' || code === 'link_used') return deadLink(code);
      return showErrors(form, problemErrors(result.payload));
    }
    showView('resetdone');
  },
};

document.addEventListener('submit', async (event) => {
  const form = event.target;
  const submit = form instanceof HTMLFormElement && submitters[form.id];
  if (!submit) return;
  event.preventDefault();
  // As GOV.UK does: a shown password is hidden again when sent, so it is not left on screen.
  for (const toggle of form.querySelectorAll('[data-toggle]')) {
    document.getElementById(toggle.dataset.toggle).type = 'password';
    toggle.setAttribute('aria-pressed', 'false');
  }
  clearErrors(form);
  const status = statusOf(form);
  if (status) status.textContent = '';
  const errors = localErrors(form);
  if (errors.length > 0) return showErrors(form, errors);
  const fields = Object.fromEntries(new FormData(form));
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    await submit(form, fields);
  } finally {
    button.disabled = false;
  }
});

document.addEventListener('click', async (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const toggle = target && target.closest('[data-toggle]');
  if (toggle) {
    const input = document.getElementById(toggle.dataset.toggle);
    const show = input.type === 'password';
    input.type = show ? 'text' : 'password';
    toggle.setAttribute('aria-pressed', String(show));
    return;
  }
  const viewButton = target && target.closest('[data-view]');
  if (viewButton) return showView(viewButton.dataset.view);
  const resend = target && target.closest('[data-resend-from]');
  if (resend) {
    const input = document.getElementById(resend.dataset.resendFrom);
    const email = (input && input.value.trim()) || lastEmail;
    const status = statusOf(resend);
    status.textContent = '';
    resend.disabled = true;
    const result = await requestNewLink('resend', email);
    resend.disabled = false;
    if (result.ok) fillWithValue(status, 'resent', 'email', email);
    else status.textContent = message(problemErrors(result.payload)[0].key);
  }
});
`;

/** The pages' stylesheet: logical properties only, so it mirrors in Arabic; fits 320 px; 44 px targets. */
export const PAGES_STYLE = `:root { color-scheme: light dark; font-family: system-ui, 'Noto Sans Arabic', 'Noto Sans Tifinagh', sans-serif; --accent: #0b6e4f; --error: #b3261e; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.25rem 1rem; line-height: 1.5; }
main { max-inline-size: 26rem; margin-inline: auto; }
h1 { font-size: 1.4rem; margin-block: 0 1rem; }
h1:focus { outline: none; }
h2 { font-size: 1.1rem; margin-block: 0 0.5rem; }
form { display: grid; gap: 1rem; margin-block-end: 1rem; }
.field { display: grid; gap: 0.25rem; }
label { font-weight: 600; }
.hint, .check { margin: 0; font-size: 0.95rem; color: #4a4a4a; }
.check.ok { color: var(--accent); }
.check:empty { display: none; }
.field-error { margin: 0; font-weight: 600; color: var(--error); }
input { font: inherit; inline-size: 100%; min-block-size: 2.75rem; padding: 0.6rem; border: 1px solid #6b6b6b; border-radius: 0.4rem; }
input[aria-invalid="true"] { border: 2px solid var(--error); }
button { font: inherit; min-block-size: 2.75rem; padding: 0.6rem 1rem; border: 0; border-radius: 0.4rem; background: var(--accent); color: #fff; cursor: pointer; }
button:disabled { opacity: 0.6; cursor: progress; }
button.secondary, button.toggle { background: transparent; color: var(--accent); border: 2px solid currentColor; }
button.toggle { justify-self: start; }
button.toggle[aria-pressed="true"] { background: var(--accent); color: #fff; }
button.link { background: transparent; color: var(--accent); text-decoration: underline; padding-inline: 0; text-align: start; }
.links { display: grid; gap: 0.25rem; justify-items: start; margin-block-start: 1rem; }
:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
.error-summary { padding: 1rem; margin-block-end: 1rem; border: 4px solid var(--error); }
.error-summary ul { margin: 0; padding-inline-start: 1.25rem; }
.error-summary a { color: var(--error); font-weight: 600; }
.notice, .problem:not(:empty) { padding: 0.75rem; margin-block: 1rem; border-inline-start: 4px solid var(--error); }
.status:empty { display: none; }
.status { padding: 0.75rem; border-inline-start: 4px solid var(--accent); }
bdi { overflow-wrap: anywhere; }
@media (prefers-color-scheme: dark) {
  :root { --accent: #6fd3a8; --error: #ffb4ab; }
  .hint, .check { color: #c8c8c8; }
  button { color: #00210f; }
  button.secondary, button.toggle, button.link { color: var(--accent); }
  button.toggle[aria-pressed="true"] { color: #00210f; }
}
`;
