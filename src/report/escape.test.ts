import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, escapeXml, escapeXmlAttribute, markdownCode, xmlSafe } from './escape.ts';

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });

  it('replaces characters XML 1.0 cannot carry and keeps tab, newline and astral characters', () => {
    expect(xmlSafe('a\u0000b\u0007c\u001Fd\tе\n😀\uD800')).toBe('a\uFFFDb\uFFFDc\uFFFDd\tе\n😀\uFFFD');
  });

  it('keeps line breaks in attributes as character references', () => {
    expect(escapeXmlAttribute('one\ntwo\tthree')).toBe('one&#10;two&#9;three');
  });

  it('does not let a CDATA terminator through unescaped', () => {
    expect(escapeXml(']]>')).toBe(']]&gt;');
  });
});

describe('escapeHtml', () => {
  it('makes markup inert in content and in both kinds of attribute quotes', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">`)).toBe('&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;');
  });
});

describe('escapeMarkdown', () => {
  it('escapes emphasis, code, links, table pipes and HTML, and keeps one line', () => {
    expect(escapeMarkdown('*a* _b_ `c` [d](e) | <i> & ~f~\nnext')).toBe('\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\| \\<i\\> &amp; \\~f\\~ next');
  });
});

describe('markdownCode', () => {
  it('fences with more backticks than the text holds and escapes table pipes', () => {
    expect(markdownCode('p(95)<200')).toBe('`p(95)<200`');
    expect(markdownCode('a`b')).toBe('`` a`b ``');
    expect(markdownCode('a|b\nc')).toBe('`a\\|b c`');
  });
});
