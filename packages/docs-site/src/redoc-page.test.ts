import { describe, expect, it } from 'vitest';
import { externalFetches } from './offline.js';
import { adaptRedocPage } from './redoc-page.js';

const REDOC = `<html><head><title>x</title></head><body><div id="redoc"><a href="/section/intro">Intro</a><a href="//cdn.example/x">cdn</a>
<img src="https://cdn.redoc.ly/redoc/logo-mini.svg"></div>
<script type="module">const __redoc_definition = {"servers":[{"url":"http://localhost:4010/enos"}]};
hydrate(__redoc_definition, {}, document.getElementById('redoc'));</script></body></html>`;

describe('adaptRedocPage', () => {
  const page = adaptRedocPage(REDOC);

  it('draws the logo in place and asks nothing of another host', () => {
    expect(externalFetches(REDOC)).toEqual(['https://cdn.redoc.ly/redoc/logo-mini.svg']);
    expect(externalFetches(page)).toEqual([]);
  });

  it("writes Redoc's prerendered links as its hash routes, leaving other links", () => {
    expect(page).toContain('<a href="#/section/intro">');
    expect(page).toContain('<a href="//cdn.example/x">');
  });

  it('gives Redoc the description with the serving origin in place of the documented one', () => {
    expect(page).toContain('hydrate(window.loginspecLive(__redoc_definition), {}');
    const script = /<script>\s*(window\.loginspecLive[\s\S]*?)<\/script>/.exec(page)?.[1] as string;
    const live = (origin: string, protocol = 'http:') => {
      const window: { loginspecLive?: (d: unknown) => unknown } = {};
      new Function('window', 'location', script)(window, { origin, protocol });
      return window.loginspecLive?.({ servers: [{ url: 'http://localhost:4010/enos' }] });
    };
    expect(live('http://127.0.0.1:5123')).toEqual({ servers: [{ url: 'http://127.0.0.1:5123/enos' }] });
    expect(live('null', 'file:')).toEqual({ servers: [{ url: 'http://localhost:4010/enos' }] });
  });

  it("fails when Redoc's page no longer has the call it rewrites", () => {
    expect(() => adaptRedocPage('<html><head></head></html>')).toThrow(/hydrate/);
  });
});

describe('externalFetches', () => {
  it('ignores code shown on a page and links, and finds scripts, stylesheets and CSS urls', () => {
    const html = '<pre><code>await fetch(`http://localhost:4010/x`)</code></pre><a href="https://a.example/">a</a><script src="https://s.example/x.js"></script><link rel="stylesheet" href="//c.example/x.css"><style>b{background:url(https://i.example/y.png)}</style>';
    expect(externalFetches(html)).toEqual(['https://s.example/x.js', '//c.example/x.css', 'https://i.example/y.png']);
  });
});
