/**
 * What a page of the site would fetch from another host. The site is served
 * offline (CI, staging, a laptop on a plane): the build fails on any.
 *
 * @module
 */

/**
 * The URLs on another host that a page would fetch as it loads or renders:
 * scripts, stylesheets, images, frames, fonts and imports, in markup, CSS and
 * script (a JSX `src:` prop included). Links (`<a href>`) are not fetched and
 * not listed, nor is code shown in `<pre>` and `<code>`.
 */
export function externalFetches(html: string): string[] {
  // Code shown on a page (a guide's `fetch(…)` example) is text: the browser never runs it.
  const loaded = html.replace(/<(pre|code)\b[^>]*>[\s\S]*?<\/\1>/gi, '');
  const patterns = [
    /<(?:script|img|iframe|source|video|audio|embed|track|input)\b[^>]*\bsrc(?:set)?\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi,
    /<link\b[^>]*\bhref\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi,
    /url\(\s*["']?((?:https?:)?\/\/[^"')\s]+)/gi,
    /@import\s+(?:url\()?\s*["']((?:https?:)?\/\/[^"']+)/gi,
    /\bimport\b[^;'"`]*?\bfrom\s*["']((?:https?:)?\/\/[^"']+)/g,
    /\bimport\(\s*["'`]((?:https?:)?\/\/[^"'`]+)/g,
    /\bfetch\(\s*["'`](https?:\/\/[^"'`]+)/g,
    // A component's image source: `src:"https://…"`, or chosen by a condition, `src:e?"https://…":…`.
    /\bsrc\s*:\s*(?:[\w$.!]+\s*\?\s*)?["'`](https?:\/\/[^"'`]+)/g,
  ];
  return [...new Set(patterns.flatMap((p) => [...loaded.matchAll(p)].map((m) => m[1] as string)))];
}
