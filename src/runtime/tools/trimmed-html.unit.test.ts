// What the LLM is shown of a page to find selectors: structure and meaning, no scripts, no field
// values that may be secrets, capped in size.
import { describe, expect, it } from 'vitest';
import { trimmedHtml } from './trimmed-html.ts';

describe('trimmed HTML', () => {
  it('keeps elements, classes and meaningful attributes, and drops scripts, styles and comments', () => {
    const html = trimmedHtml(
      '<html><head><style>.a{}</style></head><body><!-- note --><script>secret()</script><div class="row" data-id="7" onclick="go()" style="color:red"><a href="/x.pdf" aria-label="PDF">PDF</a></div></body></html>',
    );
    expect(html).toBe('<div class="row" data-id="7"><a href="/x.pdf" aria-label="PDF">PDF</a></div>');
  });

  it('drops the values of password and hidden fields', () => {
    const html = trimmedHtml(
      '<form><input type="password" name="p" value="hunter2"><input type="hidden" name="csrf" value="tok-123"><input name="q" value="shoes"></form>',
    );
    expect(html).not.toContain('hunter2');
    expect(html).not.toContain('tok-123');
    expect(html).toContain('value="shoes"');
  });

  it('shortens long texts and caps the whole', () => {
    expect(trimmedHtml(`<p>${'word '.repeat(100)}</p>`)).toMatch(/…<\/p>$/);
    const capped = trimmedHtml(`<ul>${'<li class="item">an item</li>'.repeat(500)}</ul>`, 1000);
    expect(capped.length).toBeLessThan(1100);
    expect(capped).toContain('cut at 1000 characters');
  });
});
