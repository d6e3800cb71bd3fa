import { describe, expect, it } from 'vitest';
import type { ApiEntry, GuideEntry } from './catalog.js';
import type { OpenApiDocument } from './openapi.js';
import { orderGuides, renderGuide, renderIndex, renderTryIt } from './pages.js';
import { externalFetches } from './offline.js';

/** A small description: one login whose `seed` example is the demo account, one operation behind a bearer token. */
const document: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'EnOS <Login>', version: '2.0', summary: 'Tokens & "orgs"' },
  servers: [{ url: 'http://localhost:4010/enos' }],
  paths: {
    '/login': {
      post: {
        operationId: 'login',
        tags: ['Login'],
        requestBody: { content: { 'application/json': { examples: { seed: { value: { account: 'portal_demo', password: 'yourPassword' } } } } } },
        responses: { '200': { description: 'ok', content: { 'application/json': {} } } },
      },
    },
    '/info': {
      get: { operationId: 'info', security: [{ accessToken: [] }], responses: { '200': { description: 'ok' } } },
    },
  },
  components: { securitySchemes: { accessToken: { type: 'http', scheme: 'bearer' } } },
};

function api(name: string, overrides: Partial<ApiEntry> = {}): ApiEntry {
  return {
    name,
    source: `specs/${name}/openapi.yaml`,
    bundle: 'b.json',
    title: document.info.title,
    version: document.info.version,
    summary: document.info.summary ?? '',
    document,
    baseUrl: `http://localhost:4010/${name}`,
    client: { name: `@loginspec/${name}-client`, factory: 'createEnosClient' },
    ...overrides,
  };
}

const guides: GuideEntry[] = [
  { name: 'adding-an-api', title: 'Adding an API', markdown: '# Adding an API\n' },
  { name: 'enos', title: 'EnOS', markdown: '# EnOS\n' },
];

describe('renderIndex', () => {
  const html = renderIndex([api('enos'), api('eos', { title: 'EOS', summary: '' })], guides);

  it('lists every API with its reference, console, guide and files, escaping their text', () => {
    expect(html).toContain('<a href="./enos/">EnOS &#60;Login&#62;</a>');
    expect(html).toContain('Tokens &#38; &#34;orgs&#34;');
    for (const href of ['./enos/', './enos/try.html', './guides/enos.html', './enos/openapi.yaml', './enos/openapi.json', './eos/']) expect(html).toContain(`href="${href}"`);
    // eos has no guide of its own.
    expect(html).not.toContain('href="./guides/eos.html"');
  });

  it("shows the demo account from the `seed` example, and curl and client samples made from it", () => {
    expect(html).toContain('<code>portal_demo</code>');
    expect(html).toContain('./enos/try.html#/Login/login');
    expect(html).toMatch(/<pre data-live><code class="language-sh">curl -s http:\/\/localhost:4010\/enos\/login/);
    expect(html).toContain('portal_demo');
    expect(html).toContain('import { createEnosClient } from &#39;@loginspec/enos-client&#39;;');
  });

  it('marks the base URLs for the page to rewrite to the origin it is served from', () => {
    expect(html).toContain('<code data-live data-base-url>http://localhost:4010/enos</code>');
    expect(html).toMatch(/location\.origin/);
  });

  it('lists the guides, the API guides first, and loads nothing from another host', () => {
    expect(html).toContain('<a href="./guides/adding-an-api.html">Adding an API</a>');
    expect(html.indexOf('./guides/enos.html">EnOS')).toBeLessThan(html.indexOf('./guides/adding-an-api.html'));
    expect(externalFetches(html)).toEqual([]);
  });
});

describe('renderGuide', () => {
  it('renders Markdown with anchored headings and a way back to the index', () => {
    const html = renderGuide({ name: 'g', title: 'G', markdown: '# G\n\n`code` and a [link](x.html)\n\n## A part\n\n## Another part' });
    expect(html).toContain('<h1 id="g">G</h1>');
    expect(html).toContain('<h2 id="a-part">A part</h2>');
    expect(html).toContain('<a href="#another-part">Another part</a>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('href="../"');
    expect(externalFetches(html)).toEqual([]);
  });

  it('points links to other guides at their HTML pages', () => {
    const html = renderGuide({ name: 'g', title: 'G', markdown: 'See [eos](eos.md), [its login](eos.md#log-in) and [the spec](../specs/eos/openapi.yaml).' });
    expect(html).toContain('href="eos.html"');
    expect(html).toContain('href="eos.html#log-in"');
    expect(html).toContain('href="../specs/eos/openapi.yaml"');
  });

  it("links an API's guide to its reference and console, and every guide to the previous and next", () => {
    const apis = [api('enos')];
    const html = renderGuide(guides[1] as GuideEntry, apis, guides);
    expect(html).toContain('<a href="../enos/">Reference</a>');
    expect(html).toContain('<a href="../enos/try.html">Try it</a>');
    expect(html).toContain('<a href="./adding-an-api.html" rel="next">Adding an API →</a>');
    expect(renderGuide(guides[0] as GuideEntry, apis, guides)).toContain('<a href="./enos.html" rel="prev">← EnOS</a>');
    expect(orderGuides(apis, guides).map((g) => g.name)).toEqual(['enos', 'adding-an-api']);
  });
});

describe('renderTryIt', () => {
  const html = renderTryIt(api('enos'), { ...document, info: { ...document.info, description: '</script><script>alert(1)</script>' } }, [api('enos')]);

  it('loads Swagger UI from the site itself', () => {
    expect(html).toContain('<script src="../assets/swagger-ui/swagger-ui-bundle.js"></script>');
    expect(html).toContain('<link rel="stylesheet" href="../assets/swagger-ui/swagger-ui.css">');
    expect(externalFetches(html)).toEqual([]);
  });

  it("sends requests to the server the page is served from, under the API's prefix", () => {
    expect(html).toContain('spec.servers = [{ url: origin + "/enos"');
    expect(html).toMatch(/var origin = .*location\.origin/);
  });

  it('embeds the description so that its text cannot end the script', () => {
    expect(html).not.toContain('</script><script>alert(1)');
    expect(html).toContain('\\u003c/script>');
  });
});
