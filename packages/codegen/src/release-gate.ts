/**
 * The breaking-change gate: each description of the registry against its
 * last released version, its baseline `specs/<api>/released.json` (the
 * description bundled as `pnpm gen` bundles it, at its release).
 *
 * The changes are found and rated by `redocly diff` (Redocly CLI, the rules of
 * `packages/codegen/diff.redocly.yaml`), plus one check of ours that it lacks:
 * a changed XML name (`xml-changed`). A change rated major breaks a client;
 * it is allowed only when the leading number of `info.version` (its major) is
 * above the baseline's. Additions and editorial changes always pass.
 *
 * @module
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { bundleDescription, bundleText } from './generate.js';
import type { RegisteredApi } from './registry.js';

const run = promisify(execFile);

export type Impact = 'major' | 'minor' | 'patch';

/** One change between the baseline and the description, in words. */
export interface Change {
  /** Where, in words: the operation, then request or response, then the field. */
  where: string;
  kind: 'added' | 'removed' | 'modified';
  impact: Impact;
  /** The rule that rates it breaking (`property-removed`, `xml-changed`, …); '' for an addition or an editorial change. */
  rule: string;
  /** What changed, in a sentence. */
  message: string;
  /** Where, as the JSON pointer `redocly diff` reports (through the operation, not the component). */
  pointer: string;
}

/** The gate's judgement of one API. */
export interface Verdict {
  api: string;
  /** The baseline, relative to the repository: `specs/<api>/released.json`. */
  baseline: string;
  /** False when the API has no baseline yet: it fails the gate. */
  released: boolean;
  /** info.version of the baseline and of the description. */
  releasedVersion: string;
  version: string;
  /** The major (leading number) of info.version is above the baseline's. */
  majorRaised: boolean;
  breaking: Change[];
  /** Changes rated minor: new operations, responses, optional fields, media types… */
  additions: Change[];
  /** Changes rated patch: descriptions, examples, x- extensions… */
  editorial: Change[];
  /** No breaking change, or breaking changes the major of info.version announces. */
  ok: boolean;
}

/** `redocly diff --format json`, report version 1: the parts the gate reads. */
interface DiffReport {
  reportVersion: string;
  infoVersions: { base?: string; revision?: string };
  changes: RawChange[];
}

interface RawChange {
  path: string;
  typeName: string;
  kind: 'added' | 'removed' | 'modified';
  impact: Impact;
  verdicts: { ruleId: string; impact: Impact; message: string }[];
  property?: string;
  base?: { pointer?: string; value?: unknown };
  revision?: { pointer?: string; value?: unknown };
}

type Document = Record<string, unknown>;

const redocly = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
/** The diff rules: `diff-recommended`, see the file. Beside `src/` and `dist/` alike. */
export const DIFF_CONFIG = fileURLToPath(new URL('../diff.redocly.yaml', import.meta.url));

/** The baseline of an API: `released.json` beside its description. */
export function baselineOf(api: RegisteredApi): string {
  return posix.join(posix.dirname(api.description), 'released.json');
}

/** The major of a version: its leading number (`2` of `2.0`, `2016` of `2016-02-03`), or undefined. */
export function majorOf(version: string): number | undefined {
  const match = /^v?(\d+)/i.exec(version.trim());
  return match ? Number(match[1]) : undefined;
}

// ---------------------------------------------------------------- redocly diff

/** Runs `redocly diff` on two bundled descriptions and returns its JSON report. */
export async function redoclyDiff(base: Document, revision: Document): Promise<DiffReport> {
  const dir = await mkdtemp(join(tmpdir(), 'loginspec-diff-'));
  try {
    const [basePath, revisionPath, reportPath] = ['released.json', 'current.json', 'report.json'].map((f) => join(dir, f)) as [string, string, string];
    await writeFile(basePath, JSON.stringify(base));
    await writeFile(revisionPath, JSON.stringify(revision));
    // `--fail-on none`: the gate judges the impacts itself. The report goes to a
    // file so that no banner on stdout can spoil it.
    const args = [redocly, 'diff', basePath, revisionPath, '--config', DIFF_CONFIG, '--format', 'json', '--fail-on', 'none', '--output', reportPath];
    await run(process.execPath, args, {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true', NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    }).catch((err: { stderr?: string; message: string }) => {
      const said = (err.stderr ?? '').split('\n').filter((line) => line.trim() !== '' && !/[║╔╚]/.test(line));
      throw new Error(`redocly diff failed: ${said.join('\n') || err.message}`);
    });
    const report = JSON.parse(await readFile(reportPath, 'utf8')) as DiffReport;
    if (report.reportVersion !== '1' || !Array.isArray(report.changes)) {
      throw new Error(`redocly diff wrote a report of version ${String(report.reportVersion)}, this gate reads version 1: see packages/codegen/src/release-gate.ts`);
    }
    return report;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- in words

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query']);
const COMPONENTS: Record<string, string> = {
  schemas: 'schema',
  responses: 'response',
  parameters: 'parameter',
  requestBodies: 'request body',
  headers: 'header',
  securitySchemes: 'security scheme',
  examples: 'example',
};

function segmentsOf(pointer: string): string[] {
  return pointer
    .replace(/^#\/?/, '')
    .split('/')
    .filter((s) => s !== '')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** The node at `segments` of a document, following local `$ref`s on the way. */
function nodeAt(document: unknown, segments: string[]): unknown {
  let node = document;
  for (const segment of segments) {
    for (let hops = 0; isObject(node) && typeof node.$ref === 'string' && node.$ref.startsWith('#') && hops < 20; hops++) {
      node = nodeAt(document, segmentsOf(node.$ref));
    }
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A JSON pointer of a diff, in words: `POST /login › response 200 (application/json) › field data.accessToken`.
 * `documents` (the description, the baseline) name parameters and servers.
 */
export function describeLocation(pointer: string, documents: unknown[] = []): string {
  const segs = segmentsOf(pointer);
  const words: string[] = [];
  const lookup = (upTo: number) => documents.map((d) => nodeAt(d, segs.slice(0, upTo))).find((n) => n !== undefined);
  let i = 0;
  const [first, second, third] = segs;
  if ((first === 'paths' || first === 'webhooks') && second !== undefined) {
    const name = first === 'paths' ? second : `webhook ${second}`;
    if (third !== undefined && METHODS.has(third)) {
      words.push(`${third.toUpperCase()} ${name}`);
      i = 3;
    } else {
      words.push(first === 'paths' ? `path ${second}` : name);
      i = 2;
    }
  } else if (first === 'components' && second !== undefined && third !== undefined) {
    words.push(`${COMPONENTS[second] ?? `components.${second}`} ${third}`);
    i = 3;
  } else if (first === 'tags' && second !== undefined) {
    const tag = lookup(2);
    words.push(isObject(tag) && typeof tag.name === 'string' ? `tag ${tag.name}` : `tag #${Number(second) + 1}`);
    i = 2;
  } else if (first === 'servers' && second !== undefined) {
    const server = lookup(2);
    words.push(isObject(server) && typeof server.url === 'string' ? `server ${server.url}` : `server #${Number(second) + 1}`);
    i = 2;
  } else if (first !== undefined) {
    words.push(first === 'security' ? 'the security of every operation' : first);
    i = 1;
  } else {
    words.push('the document');
  }
  let fields: string | undefined;
  let xml = false;
  for (; i < segs.length; i++) {
    const s = segs[i]!;
    const next = segs[i + 1];
    if (fields !== undefined) {
      if ((s === 'properties' || s === 'patternProperties') && next !== undefined) {
        fields += fields === '' ? next : `.${next}`;
        i++;
      } else if (s === 'items') fields += '[]';
      else if (s === 'additionalProperties') fields += fields === '' ? '*' : '.*';
      else if ((s === 'anyOf' || s === 'oneOf' || s === 'allOf' || s === 'prefixItems') && next !== undefined) {
        fields += `(${s}[${next}])`;
        i++;
      } else if (s === '$ref') continue;
      else if (s === 'xml') {
        xml = true;
        break;
      } else fields += `(${s})`;
      continue;
    }
    if (s === 'parameters' && next !== undefined) {
      const parameter = lookup(i + 2);
      words.push(isObject(parameter) && typeof parameter.name === 'string' ? `${String(parameter.in ?? '')} parameter ${parameter.name}`.trim() : `parameter #${Number(next) + 1}`);
      i++;
    } else if (s === 'requestBody') words.push('request body');
    else if (s === 'responses' && next !== undefined) {
      words.push(`response ${next}`);
      i++;
    } else if (s === 'headers' && next !== undefined) {
      words.push(`header ${next}`);
      i++;
    } else if (s === 'content' && next !== undefined) {
      words.push(`${words.pop() ?? ''} (${next})`.trim());
      i++;
    } else if (s === 'examples' && next !== undefined) {
      words.push(`example ${next}`);
      i++;
    } else if (s === 'security') {
      words.push('security');
      i = segs.length;
    } else if (s === 'schema') fields = '';
    else words.push(s);
  }
  if (fields) words.push(`field ${fields}`);
  if (xml) words.push('its XML name');
  return words.join(' › ');
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = (typeof value === 'string' ? `'${value}'` : JSON.stringify(value)).replace(/\s+/g, ' ');
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** A changed value in words; prose (long strings) only as changed. */
function changed(property: string | undefined, before: unknown, after: unknown): string {
  const long = (value: unknown) => typeof value === 'string' && value.length > 60;
  if (long(before) || long(after)) return `\`${property ?? '?'}\` changed.`;
  return `\`${property ?? '?'}\` changed from ${shown(before)} to ${shown(after)}.`;
}

// ---------------------------------------------------------------- what redocly diff misses

const XML_KEYS = ['name', 'namespace', 'prefix', 'attribute', 'wrapped'];

/**
 * `redocly diff` rates a changed `xml` object of a schema as an addition or an
 * editorial change, but it changes what is on the wire in an XML body: another
 * element name, an attribute instead of an element. Breaking, in either
 * direction. (A schema's `xml` matters only where it is sent as XML; the gate
 * does not look whether it is.)
 */
function xmlBreak(change: RawChange): string | undefined {
  if (change.typeName !== 'Xml' || change.impact === 'major') return undefined;
  if (change.kind === 'modified') {
    if (!change.property || !XML_KEYS.includes(change.property)) return undefined;
    return `XML \`${change.property}\` changed from ${shown(change.base?.value)} to ${shown(change.revision?.value)}: XML bodies are written differently.`;
  }
  const value = change.kind === 'added' ? change.revision?.value : change.base?.value;
  if (!isObject(value)) return undefined;
  const segs = segmentsOf(change.path);
  const propertyName = segs.at(-3) === 'properties' ? segs.at(-2) : undefined;
  const effective = XML_KEYS.filter(
    (key) => value[key] !== undefined && value[key] !== false && !(key === 'name' && value.name === propertyName),
  );
  if (effective.length === 0) return undefined;
  const what = effective.map((key) => `\`${key}\` ${shown(value[key])}`).join(', ');
  return `XML ${what} ${change.kind === 'added' ? 'set' : 'removed'}: XML bodies are written differently.`;
}

// ---------------------------------------------------------------- what the gate rates otherwise

// `default` is not among them: it may stand for a success too.
const ERROR_STATUS = /^[45](\d\d|XX)$/i;

/**
 * Every local `$ref` reachable from what is not an error answer: the
 * responses other than 4xx and 5xx (`default` included) and the callbacks of
 * every operation, and every webhook.
 */
function refsOutsideErrors(document: Document): string[] {
  const seen = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    if (!isObject(node)) return;
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#/') && !seen.has(node.$ref)) {
      seen.add(node.$ref);
      visit(nodeAt(document, segmentsOf(node.$ref)));
    }
    for (const [key, value] of Object.entries(node)) if (key !== '$ref') visit(value);
  };
  for (const item of Object.values(isObject(document.paths) ? document.paths : {})) {
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method) || !isObject(operation)) continue;
      visit(operation.callbacks);
      for (const [status, response] of Object.entries(isObject(operation.responses) ? operation.responses : {})) {
        if (!ERROR_STATUS.test(status)) visit(response);
      }
    }
  }
  visit(document.webhooks);
  return [...seen];
}

/**
 * `enum-values-added` rates a new value of an enum in a response as breaking.
 * The gate agrees, except where only error answers (4xx, 5xx) use the enum:
 * there the values are error codes, and a new code under a documented error
 * status is an addition, as a new error status is (\`redocly diff\` rates that
 * minor). The descriptions here share one error schema among an API's
 * operations, so a new operation's error codes widen the enum that the
 * existing operations' error answers use.
 */
function onlyInErrors(change: RawChange, outside: () => string[]): boolean {
  const pointer = change.revision?.pointer;
  if (!pointer) return false;
  if (outside().some((ref) => pointer === ref || pointer.startsWith(`${ref}/`))) return false;
  const segs = segmentsOf(pointer);
  if (segs[0] === 'components') return true;
  return segs[0] === 'paths' && segs[3] === 'responses' && ERROR_STATUS.test(segs[4] ?? '') && !segs.includes('callbacks');
}

// ---------------------------------------------------------------- the gate

function changesOf(report: DiffReport, current: Document, released: Document): Change[] {
  let outside: string[] | undefined;
  const refs = () => (outside ??= refsOutsideErrors(current));
  return report.changes.map((c) => {
    const where = describeLocation(c.path, [current, released]);
    const majors = c.verdicts.filter((v) => v.impact === 'major');
    const text = c.verdicts.map((v) => v.message).join(' ');
    if (majors.length > 0 && majors.every((v) => v.ruleId === 'enum-values-added') && onlyInErrors(c, refs)) {
      return { where, kind: c.kind, impact: 'minor', rule: 'enum-values-added', message: `${text} Only error answers use it: new error codes under documented statuses.`, pointer: c.path };
    }
    if (majors.length > 0) return { where, kind: c.kind, impact: 'major', rule: majors.map((v) => v.ruleId).join(', '), message: text, pointer: c.path };
    const xml = xmlBreak(c);
    if (xml) return { where, kind: c.kind, impact: 'major', rule: 'xml-changed', message: xml, pointer: c.path };
    const message = c.kind === 'modified' ? changed(c.property, c.base?.value, c.revision?.value) : '';
    return { where, kind: c.kind, impact: c.impact, rule: c.verdicts[0]?.ruleId ?? '', message, pointer: c.path };
  });
}

/** Judges a description (bundled) against its baseline (bundled). */
export async function compare(api: string, baseline: string, released: Document, current: Document): Promise<Verdict> {
  const report = await redoclyDiff(released, current);
  const changes = changesOf(report, current, released);
  const releasedVersion = String((released.info as { version?: unknown } | undefined)?.version ?? '');
  const version = String((current.info as { version?: unknown } | undefined)?.version ?? '');
  const [before, now] = [majorOf(releasedVersion), majorOf(version)];
  const majorRaised = before !== undefined && now !== undefined && now > before;
  const breaking = changes.filter((c) => c.impact === 'major');
  return {
    api,
    baseline,
    released: true,
    releasedVersion,
    version,
    majorRaised,
    breaking,
    additions: changes.filter((c) => c.impact === 'minor'),
    editorial: changes.filter((c) => c.impact === 'patch'),
    ok: breaking.length === 0 || majorRaised,
  };
}

/** The gate for one API of the registry: its description as in `root` against its baseline. */
export async function checkApi(root: string, api: RegisteredApi): Promise<Verdict> {
  const baseline = baselineOf(api);
  const text = await readFile(join(root, baseline), 'utf8').catch(() => undefined);
  const current = await bundleDescription(root, api.description);
  const version = String((current.info as { version?: unknown } | undefined)?.version ?? '');
  if (text === undefined) {
    return { api: api.name, baseline, released: false, releasedVersion: '', version, majorRaised: false, breaking: [], additions: [], editorial: [], ok: false };
  }
  return compare(api.name, baseline, JSON.parse(text) as Document, current);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function listed(changes: Change[], mark: string): string[] {
  return changes.flatMap((c) => [
    `  ${mark} ${c.where} (${c.kind})`,
    ...(c.message || c.rule ? [`      ${[c.message, c.rule ? `[${c.rule}]` : ''].filter(Boolean).join(' ')}`] : []),
  ]);
}

/** The verdict in plain words, for the terminal and for a failing test. */
export function formatVerdict(v: Verdict, options: { editorial?: boolean } = {}): string {
  if (!v.released) {
    return `${v.api}: no baseline ${v.baseline}, so nothing tells what its clients rely on. Release the API: \`pnpm specs:release ${v.api}\` (see docs/breaking-changes.md).`;
  }
  const lines: string[] = [];
  const counts = [
    v.additions.length > 0 ? plural(v.additions.length, 'addition') : '',
    v.editorial.length > 0 ? plural(v.editorial.length, 'editorial change') : '',
  ].filter(Boolean);
  const since = `since release ${v.releasedVersion} (${v.baseline})`;
  if (v.breaking.length === 0) {
    lines.push(counts.length === 0 ? `${v.api}: unchanged ${since}.` : `${v.api}: no breaking change ${since}; ${counts.join(', ')}.`);
  } else if (v.majorRaised) {
    lines.push(`${v.api}: ${plural(v.breaking.length, 'breaking change')} ${since}, announced by info.version ${v.version} (major raised):`);
    lines.push(...listed(v.breaking, '!'));
    if (counts.length > 0) lines.push(`  and ${counts.join(', ')}.`);
  } else {
    const major = majorOf(v.releasedVersion);
    const why =
      majorOf(v.version) === undefined
        ? `info.version '${v.version}' has no leading number, so it cannot announce a new major`
        : `info.version is ${v.version}, the same major as the release`;
    lines.push(`${v.api}: ${plural(v.breaking.length, 'breaking change')} ${since}, and ${why}:`);
    lines.push(...listed(v.breaking, '✖'));
    if (counts.length > 0) lines.push(`  (and ${counts.join(', ')}: those are fine.)`);
    lines.push(
      `  Clients of ${v.releasedVersion} would break. Undo these changes; or, if the break is deliberate, raise the major of info.version` +
        ` in the description${major === undefined ? '' : ` (its leading number, above ${major})`} and release it with \`pnpm specs:release ${v.api}\`.`,
    );
  }
  if (v.additions.length > 0 && v.breaking.length === 0) lines.push(...listed(v.additions, '+'));
  if (options.editorial && v.editorial.length > 0) lines.push(...listed(v.editorial, '·'));
  return lines.join('\n');
}

// ---------------------------------------------------------------- release

export interface ReleaseOptions {
  /** Release the description as committed at this git revision (e.g. `HEAD`) rather than as in the work tree. */
  from?: string;
  /** Write the baseline even over breaking changes that the major of info.version does not announce. */
  allowBreaking?: boolean;
}

export interface Release {
  api: string;
  baseline: string;
  /** The judgement against the previous baseline; undefined for a first release. */
  verdict?: Verdict;
  written: boolean;
  refused: boolean;
  message: string;
}

/** An API's description as committed at a git revision, bundled (with the work tree's redocly.yaml). */
export async function bundleAtRevision(root: string, api: RegisteredApi, revision: string): Promise<Document> {
  const dir = await mkdtemp(join(tmpdir(), 'loginspec-release-'));
  try {
    // The description's top folder (specs/), so that files it refers to come along.
    const top = api.description.includes('/') ? api.description.split('/')[0]! : api.description;
    const archive = join(dir, 'tree.tar');
    await run('git', ['-C', root, 'archive', '--format=tar', '-o', archive, revision, '--', top]).catch((err: { stderr?: string; message: string }) => {
      throw new Error(`cannot read ${top} at ${revision}: ${(err.stderr ?? err.message).trim()}`);
    });
    await mkdir(join(dir, 'tree'));
    await run('tar', ['-xf', archive, '-C', join(dir, 'tree')]);
    return await bundleDescription(join(dir, 'tree'), api.description, root);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Makes an API's description its released version: writes its baseline,
 * unless it breaks the previous one without raising the major (and
 * `allowBreaking` is not given).
 */
export async function releaseApi(root: string, api: RegisteredApi, options: ReleaseOptions = {}): Promise<Release> {
  const baseline = baselineOf(api);
  const current = options.from ? await bundleAtRevision(root, api, options.from) : await bundleDescription(root, api.description);
  const source = options.from ? `${api.description} at ${options.from}` : api.description;
  const version = String((current.info as { version?: unknown } | undefined)?.version ?? '');
  const text = bundleText(current);
  const previous = await readFile(join(root, baseline), 'utf8').catch(() => undefined);
  const write = async () => {
    await mkdir(dirname(join(root, baseline)), { recursive: true });
    await writeFile(join(root, baseline), text);
  };
  if (previous === undefined) {
    await write();
    return { api: api.name, baseline, written: true, refused: false, message: `${api.name}: released ${version} from ${source} as ${baseline} (first release).` };
  }
  if (previous === text) {
    return { api: api.name, baseline, written: false, refused: false, message: `${api.name}: ${baseline} already holds ${source} (${version}); nothing to write.` };
  }
  const verdict = await compare(api.name, baseline, JSON.parse(previous) as Document, current);
  if (!verdict.ok && !options.allowBreaking) {
    return {
      api: api.name,
      baseline,
      verdict,
      written: false,
      refused: true,
      message: `${formatVerdict(verdict)}\n${api.name}: not released; ${baseline} is left as it was. To release these breaking changes all the same, run again with --allow-breaking.`,
    };
  }
  await write();
  const what = [
    verdict.breaking.length > 0 ? plural(verdict.breaking.length, 'breaking change') + (verdict.majorRaised ? ' (major raised)' : ' ALLOWED WITHOUT A MAJOR RAISE (--allow-breaking)') : '',
    verdict.additions.length > 0 ? plural(verdict.additions.length, 'addition') : '',
    verdict.editorial.length > 0 ? plural(verdict.editorial.length, 'editorial change') : '',
  ].filter(Boolean);
  const note =
    verdict.breaking.length === 0 && verdict.additions.length > 0 && version === verdict.releasedVersion
      ? ` Note: info.version is still ${version}; additions usually raise the minor.`
      : '';
  return {
    api: api.name,
    baseline,
    verdict,
    written: true,
    refused: false,
    message: `${api.name}: released ${version} from ${source} as ${baseline}, over ${verdict.releasedVersion}: ${what.join(', ') || 'no change the diff rates'}.${note}`,
  };
}
