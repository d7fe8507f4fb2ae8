import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown-preview';

describe('renderMarkdown', () => {
  it('renders headings, paragraphs and lists', () => {
    expect(
      renderMarkdown(
        '# Gift cards\nValid for\nthree years.\n\n- online\n- in store\n\n1. buy\n2. give',
      ),
    ).toBe(
      [
        '<h1>Gift cards</h1>',
        '<p>Valid for three years.</p>',
        '<ul><li>online</li><li>in store</li></ul>',
        '<ol><li>buy</li><li>give</li></ol>',
      ].join('\n'),
    );
  });

  it('renders bold, italic and http(s) links', () => {
    expect(
      renderMarkdown('**Free** _returns_ and *fast* [help](https://example.com/a?b=1&c=2)'),
    ).toBe(
      '<p><strong>Free</strong> <em>returns</em> and <em>fast</em> <a href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">help</a></p>',
    );
  });

  it('escapes HTML instead of rendering it', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('keeps links to anything but http(s) as plain text', () => {
    for (const href of ['javascript:alert(1)', 'data:text/html,hi', 'vbscript:x']) {
      expect(renderMarkdown(`[click](${href})`)).not.toContain('<a');
    }
  });

  it('cannot break out of a link attribute', () => {
    const html = renderMarkdown('[x](https://a.example/"onmouseover="alert(1))');
    expect(html).not.toMatch(/"\s*onmouseover=/);
  });
});
