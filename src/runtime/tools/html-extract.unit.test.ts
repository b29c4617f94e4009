import { describe, expect, it } from 'vitest';
import { toolContext } from '../../../test/support/tool-context.ts';
import { ToolError } from '../tool-error.ts';
import { htmlExtractTool } from './html-extract.ts';

const page = `
<html><head><title> Leads  directory </title></head><body>
  <div class="lead" data-id="1">
    <h2 class="name"> Ada   Lovelace </h2>
    <a class="profile" href="/people/ada">profile</a>
    <ul class="tags"><li>math</li><li>engines</li></ul>
    <div class="company"><span class="title">Analytical</span><a href="https://analytical.example">site</a></div>
  </div>
  <div class="lead" data-id="2">
    <h2 class="name">Grace Hopper</h2>
    <ul class="tags"><li>compilers</li></ul>
  </div>
</body></html>`;

const run = (input: Record<string, unknown>) =>
  htmlExtractTool.run(htmlExtractTool.input.parse(input), toolContext());

describe('html.extract', () => {
  it('extracts records with text, attributes, lists and nested fields', async () => {
    const result = await run({
      html: page,
      baseUrl: 'https://directory.example/list',
      records: {
        selector: '.lead',
        fields: {
          id: { attribute: 'data-id' },
          name: '.name',
          profile: { selector: '.profile', attribute: 'href' },
          tags: { selector: '.tags li', multiple: true },
          company: {
            selector: '.company',
            fields: { title: '.title', site: { selector: 'a', attribute: 'href' } },
          },
        },
      },
      fields: { title: 'title', leadCount: { selector: '.lead', multiple: true, attribute: 'data-id' } },
    });
    expect(result.count).toBe(2);
    expect(result.records).toEqual([
      {
        id: '1',
        name: 'Ada Lovelace',
        profile: 'https://directory.example/people/ada',
        tags: ['math', 'engines'],
        company: { title: 'Analytical', site: 'https://analytical.example/' },
      },
      { id: '2', name: 'Grace Hopper', profile: null, tags: ['compilers'], company: null },
    ]);
    expect(result.fields).toEqual({ title: 'Leads directory', leadCount: ['1', '2'] });
  });

  it('reads the text of a record as a page shows it: elements apart, inline markup joined', async () => {
    const result = await run({
      html: `<div class="member"><h3>Grace</h3><p>CTO</p><span>Gr<b>ace</b>&nbsp;Hopper</span><br>Navy<script>var x = 1;</script><table><tr><td>a</td><td>b</td></tr></table></div>`,
      records: { selector: '.member', fields: { text: { trim: true } } },
    });
    expect(result.records).toEqual([{ text: 'Grace CTO Grace Hopper Navy a b' }]);
  });

  it('names the selector that matches nothing when records are required', async () => {
    const error = await run({
      html: page,
      records: { selector: '.person', fields: { name: '.name' } },
      required: true,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ToolError);
    expect((error as ToolError).message).toMatch(/"\.person" matches nothing/);
    const lenient = await run({ html: page, records: { selector: '.person', fields: { name: '.name' } } });
    expect(lenient).toEqual({ records: [], fields: undefined, count: 0 });
  });

  it('finds repeated records without a selector, with the page fields beside them', async () => {
    const leads = page.replace(
      '</body>',
      '<div class="lead" data-id="3"><h2 class="name">Katherine Johnson</h2><a class="profile" href="/people/katherine">profile</a><ul class="tags"><li>orbits</li></ul></div></body>',
    );
    const result = await run({
      html: leads,
      baseUrl: 'https://directory.example/list',
      records: { find: 'repeated', fields: ['name', 'tags', 'profile'] },
      fields: { title: 'title' },
    });
    expect(result).toEqual({
      records: [
        {
          title: 'Ada Lovelace',
          link: 'https://directory.example/people/ada',
          text: 'Ada Lovelace profile math engines Analyticalsite',
          name: 'Ada Lovelace',
          tags: 'math engines',
          profile: 'profile',
        },
        {
          title: 'Grace Hopper',
          link: null,
          text: 'Grace Hopper compilers',
          name: 'Grace Hopper',
          tags: 'compilers',
          profile: null,
        },
        {
          title: 'Katherine Johnson',
          link: 'https://directory.example/people/katherine',
          text: 'Katherine Johnson profile orbits',
          name: 'Katherine Johnson',
          tags: 'orbits',
          profile: 'profile',
        },
      ],
      count: 3,
      selector: 'body > div.lead',
      missing: [],
      fields: { title: 'Leads directory' },
    });
  });

  it('reports an invalid selector as an input error', async () => {
    const error = await run({ html: page, fields: { broken: 'div[' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ToolError);
    expect((error as ToolError).code).toBe('invalid_input');
  });
});

describe('html.extract on feeds', () => {
  it('reads an RSS feed as XML: each item keeps its link and its CDATA text', async () => {
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title>
      <item><title>One</title><link>https://blog.example.com/one</link><description><![CDATA[<p>First</p>]]></description></item>
      <item><title>Two</title><link>https://blog.example.com/two</link></item>
    </channel></rss>`;
    const result = await run({
      html: feed,
      records: { selector: 'item', fields: { title: 'title', link: 'link', summary: 'description' } },
    });
    expect(result.records).toEqual([
      { title: 'One', link: 'https://blog.example.com/one', summary: '<p>First</p>' },
      { title: 'Two', link: 'https://blog.example.com/two', summary: null },
    ]);
  });

  it('asks for selectors, not find "repeated", on a feed', async () => {
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title>
      <item><title>One</title><link>https://blog.example.com/one</link></item></channel></rss>`;
    const error = await run({ html: feed, records: { find: 'repeated' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ToolError);
    expect((error as ToolError).message).toMatch(/RSS or Atom feed.*selector: "item, entry"/);
  });

  it('reads an Atom feed: its links are attributes', async () => {
    const feed = `<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>
      <entry><title>Hello</title><link href="/hello"/><updated>2026-11-23T10:00:00Z</updated></entry></feed>`;
    const result = await run({
      html: feed,
      baseUrl: 'https://news.example.com/atom.xml',
      records: {
        selector: 'entry',
        fields: { title: 'title', href: { selector: 'link', attribute: 'href' } },
      },
    });
    expect(result.records).toEqual([{ title: 'Hello', href: 'https://news.example.com/hello' }]);
  });
});
