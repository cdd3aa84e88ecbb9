/**
 * The one gate between data and a link: every `href` an element renders from data or from a host's
 * attribute goes through it. Returns the URL, parsed by the browser's own parser and serialised, only when
 * its scheme is `http:` or `https:`; anything else (`javascript:`, `data:`, `vbscript:`, in any case and
 * whatever tabs, newlines or controls are slipped into the scheme, an unparsable or, without `base`, a
 * relative reference) gives `undefined`, and the caller renders the text without a link.
 *
 * The contract's `WebUrl` already refuses such values on write and on read; this guards the elements too
 * when response validation is off (the embeds never validate) or a host hands data in directly.
 *
 * `base` is for addresses a host configures, such as `apply-href="/apply/?call={id}"`, which may be
 * relative to the page; data URLs are read without one, so they must be absolute.
 *
 * @example
 * ```ts
 * safeHref('https://tifawin.ma'); // 'https://tifawin.ma/'
 * safeHref('JavaScript:alert(1)'); // undefined
 * safeHref('/apply/?call=c42', location.href); // 'https://example.org/apply/?call=c42'
 * ```
 */
export function safeHref(value: unknown, base?: string | URL): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  let url: URL;
  try {
    url = base === undefined ? new URL(value) : new URL(value, base);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}
