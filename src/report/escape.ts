/**
 * Escaping for the three report languages. Gateway messages, bodies and headers are untrusted: every piece of text
 * from a run goes through one of these before it is placed in a report.
 */

// Characters XML 1.0 does not allow at all, even escaped: C0 controls except tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replaces characters XML cannot carry (control characters, lone surrogates) with U+FFFD. */
export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, '\uFFFD');
}

/**
 * Escapes text for XML element content and attribute values (both quote kinds); invalid characters become U+FFFD.
 * Line breaks are kept in element content; use `escapeXmlAttribute` for attributes.
 */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * Escapes text for an XML attribute value, keeping line breaks and tabs as character references so parsers do not
 * normalise them to spaces.
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Escapes text for one line of GitHub-flavoured Markdown (a list item or a table cell): Markdown punctuation and
 * HTML are backslash-escaped, `&` cannot start an entity, and line breaks become spaces. The text must not start a
 * line (headings and list markers are not escaped).
 */
export function escapeMarkdown(text: string): string {
  return xmlSafe(text)
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]|<>~]/g, '\\$&')
    .replace(/&/g, '&amp;');
}

/**
 * Text as a Markdown code span: shown verbatim (no escapes are needed inside), fenced with more backticks than the
 * text contains; `|` is escaped because GFM tables split cells on it even inside code; line breaks become spaces.
 */
export function markdownCode(text: string): string {
  const body = xmlSafe(text).replace(/\r\n?|\n/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = longest > 0 || body.startsWith(' ') || body.endsWith(' ') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}
