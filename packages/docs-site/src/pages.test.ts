import { describe, expect, it } from 'vitest';
import { renderGuide, renderIndex } from './pages.js';

describe('renderIndex', () => {
  it('lists every API and guide with its links, escaping their text', () => {
    const html = renderIndex(
      [
        { name: 'enos', source: 'specs/enos/openapi.yaml', bundle: 'b.json', title: 'EnOS <Login>', version: '2.0', summary: 'Tokens & "orgs"' },
        { name: 'eos', source: 'specs/eos/openapi.yaml', bundle: 'b.json', title: 'EOS', version: '1', summary: '' },
      ],
      [{ name: 'adding-an-api', title: 'Adding an API', markdown: '' }],
    );
    expect(html).toContain('<a href="./enos/">EnOS &#60;Login&#62;</a>');
    expect(html).toContain('Tokens &#38; &#34;orgs&#34;');
    expect(html).toContain('href="./enos/openapi.yaml"');
    expect(html).toContain('href="./eos/"');
    expect(html).toContain('<a href="./guides/adding-an-api.html">Adding an API</a>');
    expect(html).not.toMatch(/<script|https?:\/\//);
  });
});

describe('renderGuide', () => {
  it('renders Markdown with a way back to the index', () => {
    const html = renderGuide({ name: 'g', title: 'G', markdown: '# G\n\n`code` and a [link](x.html)' });
    expect(html).toContain('<h1>G</h1>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('href="../"');
  });
});

describe('renderGuide links', () => {
  it('points links to other guides at their HTML pages', () => {
    const html = renderGuide({ name: 'g', title: 'G', markdown: 'See [eos](eos.md), [its login](eos.md#log-in) and [the spec](../specs/eos/openapi.yaml).' });
    expect(html).toContain('href="eos.html"');
    expect(html).toContain('href="eos.html#log-in"');
    expect(html).toContain('href="../specs/eos/openapi.yaml"');
  });
});
