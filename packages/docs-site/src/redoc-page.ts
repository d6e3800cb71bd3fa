/**
 * Redoc's page (`redocly build-docs --inlineBundle`) made to work where the
 * gateway serves it: nothing loaded from another host, links that resolve,
 * and this server's address in its samples.
 *
 * @module
 */

/** An empty icon: the page asks nothing for one (a browser would ask the server for `/favicon.ico`). */
export const NO_ICON = '<link rel="icon" href="data:,">';

/**
 * Redocly's wordmark, drawn here: Redoc's attribution ("API docs by
 * Redocly") loads it from cdn.redoc.ly as the page opens.
 */
const LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="16" viewBox="0 0 64 16"><text x="0" y="12.5" font-family="system-ui,sans-serif" font-size="13" font-weight="600" fill="#1a1c21">Redocly</text></svg>',
)}`;

/** The address the descriptions give the reference server, which the samples use. */
export const DOCUMENTED_ORIGIN = 'http://localhost:4010';

/**
 * Before Redoc renders, the description's documented address becomes the
 * origin the page is served from, so that its samples and server list work
 * as shown whatever port the gateway listens on. A page opened from disk
 * keeps the documented one. (Redoc's prerendered text then differs from
 * what it renders; Redoc renders again, as it does for any such difference.)
 */
const LIVE_DEFINITION = `<script>
window.loginspecLive = function (definition) {
  if (!/^https?:$/.test(location.protocol) || location.origin === ${JSON.stringify(DOCUMENTED_ORIGIN)}) return definition;
  return JSON.parse(JSON.stringify(definition).split(${JSON.stringify(DOCUMENTED_ORIGIN)}).join(location.origin));
};
</script>`;

const HYDRATE = 'hydrate(__redoc_definition,';

/**
 * The page with:
 * - the logo it would load from another host drawn in place, and an empty icon;
 * - its prerendered links (`href="/section/…"`, root-absolute, 404 on this
 *   server) written as the hash routes Redoc's client uses (`#/section/…`),
 *   so that opening one in a new tab works;
 * - the description's address replaced by the serving origin as it loads.
 *
 * Throws when Redoc's output no longer has the shape this relies on, so that
 * an upgrade of redocly cannot silently undo it.
 */
export function adaptRedocPage(html: string): string {
  if (!html.includes(HYDRATE)) throw new Error(`Redoc's page no longer calls ${HYDRATE}…): the docs' address rewriting needs updating`);
  return html
    .replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g, LOGO)
    .replace(/\bhref="\/(?!\/)/g, 'href="#/')
    .replace('<head>', `<head>\n  ${NO_ICON}\n  ${LIVE_DEFINITION}`)
    .replace(HYDRATE, 'hydrate(window.loginspecLive(__redoc_definition),');
}
