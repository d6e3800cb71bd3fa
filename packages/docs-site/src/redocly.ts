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
 * (`disableTelemetry`) from reporting to Redocly, and `adaptRedocPage` takes
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
