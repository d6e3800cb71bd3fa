export { type BuildOptions, buildSite } from './build.js';
export { type ApiEntry, type GuideEntry, readApis, readGuides } from './catalog.js';
export { type CommandIo, runCommand, USAGE } from './command.js';
export { escapeHtml, renderGuide, renderIndex } from './pages.js';
export { repoRoot, siteDir } from './paths.js';
export { BuildDocsError, buildReference, type ReferenceBuild } from './redocly.js';
