import { Marked, type Tokens } from 'marked';
import type { ApiEntry, GuideEntry } from './catalog.js';
import { codeSamplesOf, type SampleTarget } from './code-samples.js';
import { demoOf } from './demo.js';
import { operationsOf } from './openapi.js';
import { NO_ICON } from './redoc-page.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1b1b1b;background:#fff}
.top,.top *,.prose,.prose *,.layout,.layout *{box-sizing:border-box}
.prose a,.layout a{color:#0b57d0}
.prose code,.prose pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em}
.prose code{background:#f1f3f5;padding:.05em .3em;border-radius:3px}
.prose pre{background:#f6f8fa;border:1px solid #e3e6ea;border-radius:6px;padding:.75rem 1rem;overflow:auto;line-height:1.45}
.prose pre code{background:none;padding:0;font-size:.85rem}
.prose table{border-collapse:collapse;margin:.5rem 0 1rem}
.prose td,.prose th{border:1px solid #d5d9de;padding:.3rem .6rem;text-align:left;vertical-align:top}.prose th{background:#f6f8fa}
.prose caption{text-align:left;font-size:.9em;color:#5f6b7a;padding:.2rem 0}
.top{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1.25rem;padding:.6rem 1.25rem;background:#14213d;color:#fff;font-family:system-ui,-apple-system,"Segoe UI",sans-serif}
.top a{color:#fff;text-decoration:none}.top a:hover{text-decoration:underline}
.top .brand{font-weight:700;font-size:1.1rem;margin-right:.5rem}
.top nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.95rem}.top nav .sep{opacity:.5}
.top a[aria-current]{text-decoration:underline;text-underline-offset:4px}
main.prose{max-width:62rem;margin:0 auto;padding:1rem 1.25rem 3rem}
main.wide{max-width:none;padding:0 0 3rem}
.layout{display:grid;grid-template-columns:15rem minmax(0,1fr);gap:2rem;max-width:80rem;margin:0 auto;padding:1rem 1.25rem 3rem}
.layout aside{position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto;padding:.5rem 0;font-size:.93rem}
.layout aside h2{font-size:.8rem;text-transform:uppercase;letter-spacing:.05em;color:#5f6b7a;margin:1rem 0 .3rem}
.layout aside ul{list-style:none;margin:0;padding:0}.layout aside li{margin:.15rem 0}
.layout aside a[aria-current]{font-weight:700;color:#1b1b1b}
.layout aside .sub{color:#5f6b7a;font-size:.85em}
@media (max-width:50rem){.layout{grid-template-columns:1fr}.layout aside{position:static;max-height:none}}
.api{margin:1.25rem 0;padding:1rem 1.25rem;border:1px solid #d5d9de;border-radius:8px}
.api h3{margin:0 0 .25rem;font-size:1.25rem}.api h4{margin:1rem 0 .35rem}
.meta{color:#5f6b7a;font-size:.9em}
.links{display:flex;flex-wrap:wrap;gap:.35rem .9rem;margin:.5rem 0}
.links a{white-space:nowrap}
.callout{background:#f1f6ff;border:1px solid #c9dcff;border-radius:6px;padding:.6rem .9rem;margin:.75rem 0}
.toc{font-size:.93rem;border-left:3px solid #d5d9de;padding:.1rem .9rem;margin:1rem 0}
.toc ul{margin:.25rem 0;padding-left:1rem}
.pager{display:flex;justify-content:space-between;gap:1rem;margin-top:3rem;padding-top:1rem;border-top:1px solid #e3e6ea}
.demo td:first-child{white-space:nowrap}.demo td code{word-break:break-all}
.try-intro{margin:1rem auto;max-width:1420px;padding:0 20px}`;

/**
 * Puts this server's origin in the place of the reference server's
 * documented one (`http://localhost:4010`) in every element marked
 * `data-live`: the base URLs and the samples then work as shown, whatever
 * port the gateway listens on. A file opened from disk keeps the documented
 * address.
 */
const LIVE_SCRIPT = `<script>
(function () {
  if (!/^https?:$/.test(location.protocol)) return;
  var origin = location.origin, host = location.host;
  document.querySelectorAll('[data-live]').forEach(function (root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), node;
    while ((node = walker.nextNode())) {
      node.nodeValue = node.nodeValue.replace(/(https?:\\/\\/)?localhost:4010/g, function (_, scheme) { return scheme ? origin : host; });
    }
  });
})();
</script>`;

export interface PageOptions {
  title: string;
  /** The site's root, relative to the page: `./` or `../`. */
  base: string;
  apis: ApiEntry[];
  /** What the top bar marks as the current page. */
  current?: 'home' | 'guides' | string;
  head?: string;
  body: string;
  scripts?: string;
}

/** The frame of every page of the site but Redoc's: the top bar to the index, each API and the guides. */
export function page({ title, base, apis, current, head = '', body, scripts = '' }: PageOptions): string {
  const mark = (key: string) => (current === key ? ' aria-current="page"' : '');
  const apiLinks = apis.map((api) => `<a href="${base}${encodeURIComponent(api.name)}/"${mark(api.name)}>${escapeHtml(api.name)}</a>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${NO_ICON}
<style>${STYLE}</style>
${head}
</head>
<body>
<header class="top">
<a class="brand" href="${base}"${mark('home')}>loginspec docs</a>
<nav aria-label="Site">
<a href="${base}#apis">APIs:</a>
${apiLinks}
<span class="sep">|</span>
<a href="${base}#guides"${mark('guides')}>Guides</a>
</nav>
</header>
${body}
${LIVE_SCRIPT}
${scripts}
</body>
</html>
`;
}

function target(api: ApiEntry): SampleTarget {
  return { api: api.name, baseUrl: api.baseUrl, client: api.client };
}

/** The hash Swagger UI opens an operation at: `#/<tag>/<operationId>`. */
export function tryItHash(tag: string | undefined, operationId: string): string {
  return `#/${encodeURIComponent((tag ?? 'default').replace(/\s/g, '_'))}/${encodeURIComponent(operationId)}`;
}

function apiSection(api: ApiEntry, guides: GuideEntry[]): string {
  const name = encodeURIComponent(api.name);
  const demo = demoOf(api.document);
  const operations = operationsOf(api.document);
  const guide = guides.find((g) => g.name === api.name);
  const links = [
    `<a href="./${name}/">Reference</a>`,
    `<a href="./${name}/try.html">Try it</a>`,
    ...(guide ? [`<a href="./guides/${name}.html">Guide</a>`] : []),
    `<a href="./${name}/openapi.yaml">openapi.yaml</a>`,
    `<a href="./${name}/openapi.json">openapi.json (bundled)</a>`,
  ];
  const logins = demo.logins
    .map((login) => {
      const op = operations.find((o) => o.operationId === login.operationId);
      const tag = (op?.object.tags as string[] | undefined)?.[0];
      const fields = login.fields.map(([k, v]) => `<code>${escapeHtml(k)}</code> <code>${escapeHtml(v)}</code>`).join('<br>');
      return `<tr><td><code>${escapeHtml(login.method.toUpperCase())} ${escapeHtml(login.path)}</code><br><a href="./${name}/try.html${tryItHash(tag, login.operationId)}">try it</a></td><td>${fields}</td><td>${login.mediaTypes.map((m) => `<code>${escapeHtml(m)}</code>`).join(' ')}</td></tr>`;
    })
    .join('\n');
  const tables = demo.tables
    .map(
      (t) => `<table class="demo"><caption><code>${escapeHtml(t.extension)}</code> of <code>${escapeHtml(t.operationId)}</code></caption>
<tr>${t.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>
${t.rows.map((r) => `<tr>${r.map((c) => `<td>${c === '' ? '' : `<code>${escapeHtml(c)}</code>`}</td>`).join('')}</tr>`).join('\n')}
</table>`,
    )
    .join('\n');
  const first = operations.find((o) => o.operationId === demo.logins[0]?.operationId) ?? operations[0];
  const samples = first ? codeSamplesOf(api.document, first, target(api)) : [];
  const curl = samples.find((s) => s.lang === 'curl');
  const typescript = samples.find((s) => s.lang === 'TypeScript');
  return `<section class="api" id="${escapeHtml(api.name)}">
<h3><a href="./${name}/">${escapeHtml(api.title)}</a></h3>
<p class="meta"><code>${escapeHtml(api.name)}</code> · version ${escapeHtml(api.version)} · ${operations.length} operations · client <code>${escapeHtml(api.client.name)}</code></p>
<p>${escapeHtml(api.summary)}</p>
<p class="links">${links.join('\n')}</p>
<p>Base URL on this server: <code data-live data-base-url>${escapeHtml(api.baseUrl)}</code></p>
<h4>Demo accounts</h4>
${logins ? `<table class="demo"><tr><th>operation</th><th>request (the <code>seed</code> example)</th><th>as</th></tr>\n${logins}\n</table>` : '<p>None in the description.</p>'}
${tables}
${curl ? `<h4>With curl</h4>\n<pre data-live><code class="language-sh">${escapeHtml(curl.source)}</code></pre>` : ''}
${typescript ? `<h4>With the client, <code>${escapeHtml(api.client.name)}</code></h4>\n<pre data-live><code class="language-ts">${escapeHtml(typescript.source)}</code></pre>` : ''}
</section>`;
}

/** API guides first, in the registry's order, then the others by name: the order the site walks them in. */
export function orderGuides(apis: ApiEntry[], guides: GuideEntry[]): GuideEntry[] {
  const rank = (g: GuideEntry) => {
    const i = apis.findIndex((a) => a.name === g.name);
    return i === -1 ? apis.length : i;
  };
  return [...guides].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** The docs home: every API with its base URL on this server, its demo accounts and samples, and every guide. */
export function renderIndex(apis: ApiEntry[], guides: GuideEntry[]): string {
  const ordered = orderGuides(apis, guides);
  const apiGuides = ordered.filter((g) => apis.some((a) => a.name === g.name));
  const others = ordered.filter((g) => !apis.some((a) => a.name === g.name));
  const item = (g: GuideEntry) => `<li><a href="./guides/${encodeURIComponent(g.name)}.html">${escapeHtml(g.title)}</a></li>`;
  return page({
    title: 'loginspec — API docs',
    base: './',
    apis,
    current: 'home',
    body: `<main class="prose">
<h1>loginspec — API docs</h1>
<p>OpenAPI 3.1 descriptions of vendors' login APIs, with typed clients and reference servers. Each API below is served by this
server under its own prefix; its <strong>reference</strong> is the description rendered by Redoc, with curl and TypeScript samples
made from the description's request examples, and <strong>Try it</strong> sends real requests to this server, the demo account's
request filled in.</p>
<p class="callout">This server: <code data-live data-origin>http://localhost:4010</code>. The addresses and samples on this site are
this server's.</p>
<h2 id="apis">APIs</h2>
${apis.map((api) => apiSection(api, guides)).join('\n')}
<h2 id="guides">Guides</h2>
${apiGuides.length ? `<h3>The APIs</h3>\n<ul>\n${apiGuides.map(item).join('\n')}\n</ul>` : ''}
${others.length ? `<h3>The project</h3>\n<ul>\n${others.map(item).join('\n')}\n</ul>` : ''}
</main>`,
  });
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

/** A guide rendered from Markdown; the guides are the project's own files, not user input. */
export function renderGuide(guide: GuideEntry, apis: ApiEntry[] = [], guides: GuideEntry[] = [guide]): string {
  const used = new Map<string, number>();
  const headings: { depth: number; text: string; id: string }[] = [];
  const marked = new Marked({
    walkTokens(token) {
      // Guides link to each other as `other.md`; on the site they are `other.html`.
      if (token.type === 'link') token.href = token.href.replace(/^([\w.-]+)\.md(#.*)?$/, '$1.html$2');
    },
    renderer: {
      heading(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, { tokens, depth, text }: Tokens.Heading) {
        const base = slug(text) || 'section';
        const n = used.get(base) ?? 0;
        used.set(base, n + 1);
        const id = n === 0 ? base : `${base}-${n}`;
        const inner = this.parser.parseInline(tokens);
        if (depth === 2) headings.push({ depth, text: inner, id });
        return `<h${depth} id="${escapeHtml(id)}">${inner}</h${depth}>\n`;
      },
    },
  });
  const html = marked.parse(guide.markdown, { async: false });
  const ordered = orderGuides(apis, guides);
  const at = ordered.findIndex((g) => g.name === guide.name);
  const previous = at > 0 ? ordered[at - 1] : undefined;
  const next = at >= 0 && at < ordered.length - 1 ? ordered[at + 1] : undefined;
  const api = apis.find((a) => a.name === guide.name);
  const apiBar = api
    ? `<p class="callout links"><strong>${escapeHtml(api.name)}</strong>
<a href="../${encodeURIComponent(api.name)}/">Reference</a>
<a href="../${encodeURIComponent(api.name)}/try.html">Try it</a>
<a href="../${encodeURIComponent(api.name)}/openapi.yaml">openapi.yaml</a>
<a href="../${encodeURIComponent(api.name)}/openapi.json">openapi.json (bundled)</a>
<span>base URL <code data-live>${escapeHtml(api.baseUrl)}</code></span></p>`
    : '';
  const toc = headings.length > 1 ? `<nav class="toc" aria-label="On this page"><strong>On this page</strong>\n<ul>\n${headings.map((h) => `<li><a href="#${escapeHtml(h.id)}">${h.text}</a></li>`).join('\n')}\n</ul></nav>` : '';
  // The guide's own title comes first; the bar and the contents go under it.
  const [first, rest] = splitAfterTitle(html);
  const sidebar = `<aside aria-label="Guides and APIs">
<h2>Guides</h2>
<ul>
${ordered.map((g) => `<li><a href="./${encodeURIComponent(g.name)}.html"${g.name === guide.name ? ' aria-current="page"' : ''}>${escapeHtml(g.title)}</a></li>`).join('\n')}
</ul>
<h2>APIs</h2>
<ul>
${apis.map((a) => `<li><a href="../${encodeURIComponent(a.name)}/">${escapeHtml(a.name)}</a> <span class="sub"><a href="../${encodeURIComponent(a.name)}/try.html">try it</a></span></li>`).join('\n')}
</ul>
<p><a href="../">← all docs</a></p>
</aside>`;
  const pager = `<nav class="pager" aria-label="Guides">
<span>${previous ? `<a href="./${encodeURIComponent(previous.name)}.html" rel="prev">← ${escapeHtml(previous.title)}</a>` : `<a href="../">← all docs</a>`}</span>
<span>${next ? `<a href="./${encodeURIComponent(next.name)}.html" rel="next">${escapeHtml(next.title)} →</a>` : ''}</span>
</nav>`;
  return page({
    title: `${guide.title} — loginspec`,
    base: '../',
    apis,
    current: 'guides',
    body: `<div class="layout">
${sidebar}
<main class="prose" data-live>
<article>
${first}${apiBar}
${toc}
${rest}
</article>
${pager}
</main>
</div>`,
  });
}

function splitAfterTitle(html: string): [string, string] {
  const end = html.indexOf('</h1>');
  return end === -1 ? ['', html] : [html.slice(0, end + '</h1>'.length) + '\n', html.slice(end + '</h1>'.length)];
}

/**
 * An API's request console: Swagger UI over the docs' copy of the
 * description, its server this one (`location.origin` + `/<api>`, computed in
 * the page), every operation ready to send with its request example.
 */
export function renderTryIt(api: ApiEntry, description: object, apis: ApiEntry[]): string {
  const prefix = new URL(api.baseUrl).pathname.replace(/\/$/, '');
  const spec = JSON.stringify(description).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return page({
    title: `Try ${api.title} — loginspec`,
    base: '../',
    apis,
    current: api.name,
    head: '<link rel="stylesheet" href="../assets/swagger-ui/swagger-ui.css">',
    body: `<main class="wide">
<div class="prose try-intro"><div class="callout">
<strong>Try ${escapeHtml(api.title)}</strong> against this server, <code data-live data-base-url>${escapeHtml(api.baseUrl)}</code>.
Open an operation: its request example is filled in (the <code>seed</code> one is the demo account's); press <b>Execute</b>.
<span class="links"><a href="./">Reference</a><a href="./openapi.yaml">openapi.yaml</a><a href="./openapi.json">openapi.json (bundled)</a></span>
</div></div>
<div id="swagger-ui"></div>
</main>`,
    scripts: `<script src="../assets/swagger-ui/swagger-ui-bundle.js"></script>
<script type="application/json" id="description">${spec}</script>
<script>
(function () {
  var spec = JSON.parse(document.getElementById('description').textContent);
  var origin = /^https?:$/.test(location.protocol) ? location.origin : 'http://localhost:4010';
  spec.servers = [{ url: origin + ${JSON.stringify(prefix)}, description: 'This server' }];
  spec.info.description = ${JSON.stringify('The whole description, with the reasons behind every decision: [the reference](./).')};
  window.ui = SwaggerUIBundle({
    spec: spec,
    dom_id: '#swagger-ui',
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    deepLinking: true,
    tryItOutEnabled: true,
    displayOperationId: true,
    displayRequestDuration: true,
    defaultModelsExpandLevel: -1,
    validatorUrl: null
  });
})();
</script>`,
  });
}

