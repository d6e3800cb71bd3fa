export { type BuildOptions, buildSite } from './build.js';
export { type ApiEntry, type GuideEntry, readApis, readGuides } from './catalog.js';
export { escapeHtml, renderGuide, renderIndex } from './pages.js';
export { repoRoot, siteDir } from './paths.js';
