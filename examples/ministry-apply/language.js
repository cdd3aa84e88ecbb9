// The page's language switch: `?lang=` sets <html lang> and dir; the Nassij elements follow it. The call
// id (`?call=`) is kept in every language link.
const RTL = new Set(['ar']);
const params = new URLSearchParams(location.search);
const lang = params.get('lang') ?? 'ar';
document.documentElement.lang = lang;
document.documentElement.dir = RTL.has(lang) ? 'rtl' : 'ltr';
for (const link of document.querySelectorAll('a[data-lang]')) {
  const next = new URLSearchParams(location.search);
  next.set('lang', link.dataset.lang);
  link.href = `?${next}`;
  if (link.dataset.lang === lang) link.setAttribute('aria-current', 'page');
}
