// The synthesis page: `?consultation=` names the consultation (the office links here with it). The element
// reads the id itself (`consultation-id-param`); this module only makes the language links keep it, so that
// switching language stays on the same synthesis. Ids are checked before use.
const id = new URLSearchParams(location.search).get('consultation');
if (id && /^[a-z]+_[0-9a-z]+$/i.test(id)) {
  for (const link of document.querySelectorAll('a[data-keep-query]')) {
    const url = new URL(link.href);
    url.searchParams.set('consultation', id);
    link.href = url.href;
  }
}
