import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

/** The CLI of the @redocly/cli this package depends on (its `redocly` bin). */
const redoclyCli = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin', 'cli.js');

export class BuildDocsError extends Error {
  constructor(
    message: string,
    /** What redocly printed on stderr. */
    readonly stderr: string,
  ) {
    super(message);
    this.name = 'BuildDocsError';
  }
}

export interface ReferenceBuild {
  /** The description: a file (specs/enos/openapi.yaml, or the docs' bundled copy). */
  source: string;
  /** The HTML file to write. */
  target: string;
  /** redocly.yaml of the repository. */
  config: string;
  cwd: string;
  /** Redoc's options (`--openapi`), e.g. `codeSamples`, `downloadUrls`. */
  options?: Record<string, unknown>;
  /** What a failure names: the API (the source may be a temporary copy). */
  label?: string;
}

/**
 * `redocly build-docs` for one description, as a page that works offline:
 * `--inlineBundle` embeds Redoc's script (by default the page imports it from
 * cdn.redocly.com), REDOCLY_TELEMETRY=off keeps both the CLI and the page
 * (`disableTelemetry`) from reporting to Redocly, and `offlineRedoc` takes
 * out the one thing the page still loads from another host, its logo.
 */
export async function buildReference({ source, target, config, cwd, options, label = source }: ReferenceBuild): Promise<void> {
  const args = [redoclyCli, 'build-docs', source, '--output', target, '--config', config, '--inlineBundle'];
  if (options) args.push('--openapi', JSON.stringify(options));
  try {
    await promisify(execFile)(process.execPath, args, {
      cwd,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    const { stderr, message } = err as { stderr?: string; message: string };
    throw new BuildDocsError(`redocly build-docs of ${label} failed`, stderr?.trim() || message);
  }
}

/**
 * Redocly's wordmark, drawn here: Redoc's attribution ("API docs by
 * Redocly") loads it from cdn.redoc.ly as the page opens.
 */
const LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="16" viewBox="0 0 64 16"><text x="0" y="12.5" font-family="system-ui,sans-serif" font-size="13" font-weight="600" fill="#1a1c21">Redocly</text></svg>',
)}`;

/**
 * The page with the logo it would load from another host drawn in place,
 * and an empty icon, so that a browser does not ask the server for
 * `/favicon.ico`.
 */
export function offlineRedoc(html: string): string {
  return html.replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g, LOGO).replace(/<head>/, `<head>\n  ${NO_ICON}`);
}

/** An empty icon: the page asks nothing for one. */
export const NO_ICON = '<link rel="icon" href="data:,">';

/**
 * The URLs on another host that a page would fetch as it loads or renders:
 * scripts, stylesheets, images, frames, fonts and imports, in markup, CSS and
 * script (a JSX `src:` prop included). Links (`<a href>`) are not fetched and
 * not listed.
 */
export function externalFetches(html: string): string[] {
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
  return [...new Set(patterns.flatMap((p) => [...html.matchAll(p)].map((m) => m[1] as string)))];
}
