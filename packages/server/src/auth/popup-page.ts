import type { Locale } from '@nassij/contract';

/** The strict policy of the popup page: no inline script or style, never framed. */
export const POPUP_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'";

interface PopupTexts {
  title: string;
  intro: string;
  email: string;
  password: string;
  submit: string;
  invalid: string;
  failed: string;
  done: string;
  refusedTitle: string;
  refused: string;
}

// Tamazight strings want a native speaker's review before release.
const TEXTS: Record<Locale, PopupTexts> = {
  ar: {
    title: 'تسجيل الدخول إلى نسيج',
    intro: 'يطلب منك الموقع {origin} تسجيل الدخول.',
    email: 'البريد الإلكتروني',
    password: 'كلمة المرور',
    submit: 'تسجيل الدخول',
    invalid: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
    failed: 'تعذّر تسجيل الدخول. حاول مرة أخرى.',
    done: 'تم تسجيل الدخول. يمكنك إغلاق هذه النافذة.',
    refusedTitle: 'هذا الموقع غير مسموح له',
    refused:
      'الموقع {origin} غير مدرج في قائمة المواقع المسموح لها باستعمال تسجيل الدخول عبر نسيج. لم تُرسل إليه أي معلومة.',
  },
  fr: {
    title: 'Connexion à Nassij',
    intro: 'Le site {origin} vous demande de vous connecter.',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    submit: 'Se connecter',
    invalid: 'Adresse e-mail ou mot de passe incorrect.',
    failed: 'La connexion a échoué. Réessayez.',
    done: 'Vous êtes connecté. Vous pouvez fermer cette fenêtre.',
    refusedTitle: 'Ce site n’est pas autorisé',
    refused:
      'Le site {origin} ne figure pas dans la liste des sites autorisés à utiliser la connexion Nassij. Aucune information ne lui a été envoyée.',
  },
  zgh: {
    title: 'ⴽⵛⵎ ⵙ ⵏⵙⵙⵉⵊ',
    intro: 'ⴰⵙⵉⵜ {origin} ⵉⵙⵓⵜⵔ ⴰⴷ ⵜⴽⵛⵎⴷ.',
    email: 'ⴰⵏⵙⴰ ⵏ ⵉⵎⴰⵢⵍ',
    password: 'ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ',
    submit: 'ⴽⵛⵎ',
    invalid: 'ⴰⵏⵙⴰ ⵏ ⵉⵎⴰⵢⵍ ⵏⵖ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵓⵔ ⵉⵖⵓⴷⴰ.',
    failed: 'ⵓⵔ ⵜⵜⵓⵙⵎⴰⴷ ⵜⵓⵎⵓⵜ. ⴰⵍⵙ ⵜⵉⴽⴽⵍⵜ ⵢⴰⴹⵏ.',
    done: 'ⵜⴽⵛⵎⴷ. ⵜⵣⵎⵔⴷ ⴰⴷ ⵜⵔⴳⵍⴷ ⵜⴰⵙⴽⵓⵜ ⴰ.',
    refusedTitle: 'ⴰⵙⵉⵜ ⴰ ⵓⵔ ⵉⵜⵜⵓⵙⵓⵔⴳ',
    refused: 'ⴰⵙⵉⵜ {origin} ⵓⵔ ⵉⵍⵍⵉ ⴳ ⵓⵎⵓⵖ ⵏ ⵉⵙⵉⵜⵏ ⵉⵜⵜⵓⵙⵓⵔⴳⵏ. ⵓⵔ ⵢⴰⵙ ⵉⵜⵜⵓⵣⵏ ⵜⴰⵍⵖⵓⵜ.',
  },
  en: {
    title: 'Sign in to Nassij',
    intro: 'The site {origin} asks you to sign in.',
    email: 'Email address',
    password: 'Password',
    submit: 'Sign in',
    invalid: 'Wrong email address or password.',
    failed: 'Sign-in failed. Please try again.',
    done: 'You are signed in. You can close this window.',
    refusedTitle: 'This site is not allowed',
    refused:
      'The site {origin} is not on the list of sites allowed to use Nassij sign-in. Nothing was sent to it.',
  },
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function shell(lang: Locale, title: string, main: string): string {
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const htmlLang = lang === 'zgh' ? 'zgh-Tfng' : lang;
  return `<!doctype html>
<html lang="${htmlLang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/auth/popup.css">
</head>
<body>
<main>
${main}
</main>
</body>
</html>
`;
}

/**
 * The sign-in page of the popup. `origin` and `state` travel in data attributes read by `/auth/popup.js`,
 * so the page needs no inline script.
 *
 * @example
 * ```ts
 * const html = popupPage('ar', 'https://region.ma', 'b1946ac92492d234');
 * ```
 */
export function popupPage(lang: Locale, origin: string, state: string): string {
  const t = TEXTS[lang];
  return shell(
    lang,
    t.title,
    `<h1>${escapeHtml(t.title)}</h1>
<p>${escapeHtml(t.intro).replace('{origin}', `<bdi>${escapeHtml(origin)}</bdi>`)}</p>
<form id="signin" novalidate
  data-origin="${escapeHtml(origin)}" data-state="${escapeHtml(state)}"
  data-msg-invalid="${escapeHtml(t.invalid)}" data-msg-failed="${escapeHtml(t.failed)}" data-msg-done="${escapeHtml(t.done)}">
<label for="email">${escapeHtml(t.email)}</label>
<input id="email" name="email" type="email" autocomplete="username" dir="ltr" required>
<label for="password">${escapeHtml(t.password)}</label>
<input id="password" name="password" type="password" autocomplete="current-password" dir="ltr" required>
<button type="submit">${escapeHtml(t.submit)}</button>
<p id="status" role="status" aria-live="polite"></p>
</form>
<script type="module" src="/auth/popup.js"></script>`,
  );
}

/**
 * The page shown instead of the form when `origin` is not on the allowlist (sent with status 403).
 *
 * @example
 * ```ts
 * const html = refusedPage('fr', 'https://evil.example');
 * ```
 */
export function refusedPage(lang: Locale, origin: string): string {
  const t = TEXTS[lang];
  return shell(
    lang,
    t.refusedTitle,
    `<h1>${escapeHtml(t.refusedTitle)}</h1>
<p data-code="origin_not_allowed">${escapeHtml(t.refused).replace('{origin}', `<bdi>${escapeHtml(origin)}</bdi>`)}</p>`,
  );
}

/** The popup's script: signs in with fetch, posts the token to the opener's allowlisted origin, closes. */
export const POPUP_SCRIPT = `const form = document.getElementById('signin');
const status = document.getElementById('status');
if (form && status) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = form.dataset;
    const button = form.querySelector('button');
    const email = document.getElementById('email');
    const password = document.getElementById('password');
    button.disabled = true;
    status.textContent = '';
    try {
      const response = await fetch('/v1/auth/token', {
        method: 'POST',
        credentials: 'omit',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ email: email.value.trim(), password: password.value }),
      });
      const payload = await response.json().catch(() => ({}));
      if (!response.ok) {
        status.textContent = payload.code === 'invalid_credentials' || payload.code === 'validation_failed' ? data.msgInvalid : data.msgFailed;
        password.focus();
        return;
      }
      if (window.opener) {
        window.opener.postMessage(
          { type: 'nassij:auth', token: payload.token, expiresAt: payload.expiresAt, state: data.state },
          data.origin,
        );
      }
      status.textContent = data.msgDone;
      window.close();
    } catch {
      status.textContent = data.msgFailed;
    } finally {
      button.disabled = false;
    }
  });
}
`;

/** The popup's stylesheet; logical properties so it mirrors in Arabic. */
export const POPUP_STYLE = `:root { color-scheme: light dark; font-family: system-ui, 'Noto Sans Arabic', 'Noto Sans Tifinagh', sans-serif; }
body { margin: 0; padding: 1.5rem; line-height: 1.5; }
main { max-inline-size: 24rem; margin-inline: auto; }
h1 { font-size: 1.4rem; margin-block: 0 1rem; }
form { display: grid; gap: 0.5rem; }
label { font-weight: 600; }
input { font: inherit; padding: 0.6rem; border: 1px solid #6b6b6b; border-radius: 0.4rem; }
button { font: inherit; margin-block-start: 0.75rem; padding: 0.7rem; border: 0; border-radius: 0.4rem; background: #0b6e4f; color: #fff; cursor: pointer; }
button:disabled { opacity: 0.6; cursor: progress; }
:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
#status:not(:empty) { padding: 0.5rem; border-inline-start: 4px solid #b3261e; }
`;
