import { Marked } from 'marked';
import type { ApiEntry, GuideEntry } from './catalog.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
a{color:#0b57d0}code,pre{font-family:ui-monospace,monospace;background:#f3f3f3}pre{padding:.75rem;overflow:auto}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
.api{margin:1rem 0;padding:.75rem 1rem;border:1px solid #ddd;border-radius:6px}.api h3{margin:0}.meta{color:#555;font-size:.9em}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** The docs home: every API reference and every guide. */
export function renderIndex(apis: ApiEntry[], guides: GuideEntry[]): string {
  const apiItems = apis
    .map(
      (api) => `<section class="api">
<h3><a href="./${encodeURIComponent(api.name)}/">${escapeHtml(api.title)}</a></h3>
<p>${escapeHtml(api.summary)}</p>
<p class="meta"><code>${escapeHtml(api.name)}</code> · version ${escapeHtml(api.version)} ·
<a href="./${encodeURIComponent(api.name)}/openapi.yaml">openapi.yaml</a> ·
<a href="./${encodeURIComponent(api.name)}/openapi.json">bundled openapi.json</a></p>
</section>`,
    )
    .join('\n');
  const guideItems = guides
    .map((g) => `<li><a href="./guides/${encodeURIComponent(g.name)}.html">${escapeHtml(g.title)}</a></li>`)
    .join('\n');
  return page(
    'loginspec — API reference',
    `<h1>loginspec — API reference</h1>
<p>OpenAPI 3.1 descriptions of vendors' login APIs, with typed clients and reference servers.</p>
<h2>APIs</h2>
${apiItems}
<h2>Guides</h2>
<ul>
${guideItems}
</ul>`,
  );
}

/** Guides link to each other as `other.md`; on the site they are `other.html`. */
const guideMarkdown = new Marked({
  walkTokens(token) {
    if (token.type === 'link') token.href = token.href.replace(/^([\w.-]+)\.md(#.*)?$/, '$1.html$2');
  },
});

/** A guide rendered from Markdown; the guides are the project's own files, not user input. */
export function renderGuide(guide: GuideEntry): string {
  const html = guideMarkdown.parse(guide.markdown, { async: false });
  return page(`${guide.title} — loginspec`, `<p><a href="../">← loginspec docs</a></p>\n${html}`);
}
