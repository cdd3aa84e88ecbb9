// A small XML writer for the Atom feeds: every text and attribute value goes through `escapeXml`, so no user
// text is ever concatenated into markup as it is.

/**
 * Characters XML 1.0 does not allow anywhere, even escaped: C0 controls but tab, line feed and carriage
 * return; lone surrogates; U+FFFE and U+FFFF. They are dropped from user text.
 */
const ILLEGAL_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding the characters XML forbids is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text made safe for XML content and attribute values: characters XML forbids are dropped, the five markup
 * characters are escaped.
 *
 * @example
 * ```ts
 * escapeXml('<b> & "x"\u0007'); // '&lt;b&gt; &amp; &quot;x&quot;'
 * ```
 */
export function escapeXml(text: string): string {
  return text.replace(ILLEGAL_XML, '').replace(/[&<>"']/g, (ch) => XML_ENTITIES[ch] as string);
}

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** An element: its name, its attributes (absent values are left out) and its children. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string | undefined>;
  children: XmlNode[];
}

/** A child of an element: an element, or text (escaped when written). */
export type XmlNode = XmlElement | string;

/**
 * Makes an element; `children` may hold `undefined` or `false` for the parts a caller leaves out.
 *
 * @example
 * ```ts
 * el('link', { rel: 'self', href: url });
 * el('title', { type: 'text' }, title);
 * ```
 */
export function el(
  name: string,
  attributes: Record<string, string | undefined> = {},
  ...children: (XmlNode | XmlNode[] | undefined | false)[]
): XmlElement {
  const kept: XmlNode[] = [];
  for (const child of children) {
    if (child === undefined || child === false) continue;
    if (Array.isArray(child)) kept.push(...child);
    else kept.push(child);
  }
  return { name, attributes, children: kept };
}

/**
 * The UTF-8 XML document of a root element, with its declaration; names are the caller's constants, every
 * value is escaped.
 *
 * @example
 * ```ts
 * writeXml(el('feed', { xmlns: 'http://www.w3.org/2005/Atom' }, el('title', {}, 'Calls')));
 * ```
 */
export function writeXml(root: XmlElement): string {
  const parts: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  write(root, parts, '');
  return parts.join('');
}

function write(node: XmlElement, parts: string[], indent: string): void {
  parts.push(indent, '<', node.name);
  for (const [key, value] of Object.entries(node.attributes)) {
    if (value !== undefined) parts.push(' ', key, '="', escapeXml(value), '"');
  }
  if (node.children.length === 0) {
    parts.push('/>\n');
    return;
  }
  if (node.children.every((child) => typeof child === 'string')) {
    parts.push('>', escapeXml(node.children.join('')), '</', node.name, '>\n');
    return;
  }
  parts.push('>\n');
  for (const child of node.children) {
    if (typeof child === 'string') parts.push(indent, '  ', escapeXml(child), '\n');
    else write(child, parts, `${indent}  `);
  }
  parts.push(indent, '</', node.name, '>\n');
}
