// The reading page: `?c=` names the consultation to show (the list's cards link here), and the language
// links keep it, so switching language stays on the same consultation. Ids are checked before use.
const id = new URLSearchParams(location.search).get('c');
if (id && /^[a-z]+_[0-9a-z]+$/i.test(id)) {
  document.querySelector('nassij-consultation')?.setAttribute('consultation', id);
  for (const link of document.querySelectorAll('a[data-keep-query]')) {
    const url = new URL(link.href);
    url.searchParams.set('c', id);
    link.href = url.href;
  }
}
