import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baselineOf, checkApi, describeLocation, formatVerdict, majorOf, releaseApi, type Verdict } from './release-gate.js';
import { type RegisteredApi, readRegistry } from './registry.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const registry = await readRegistry(root);
const temps: string[] = [];
afterAll(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

// The descriptions are read as plain data and edited in place.
type Doc = any;

function apiNamed(name: string): RegisteredApi {
  const api = registry.find((a) => a.name === name);
  if (!api) throw new Error(`no API ${name} in redocly.yaml`);
  return api;
}

/**
 * A scratch repository in a temp dir: redocly.yaml and a copy of one API's
 * folder (its description as in the work tree), optionally edited by
 * `before`, then released there: its baseline is the copy itself.
 */
async function scratch(name: string, before?: (doc: Doc) => void) {
  const dir = await mkdtemp(join(tmpdir(), 'loginspec-gate-'));
  temps.push(dir);
  const api = apiNamed(name);
  const folder = posix.dirname(api.description);
  await cp(join(root, 'redocly.yaml'), join(dir, 'redocly.yaml'));
  await cp(join(root, folder), join(dir, folder), { recursive: true, filter: (src) => !src.endsWith('released.json') });
  const path = join(dir, api.description);
  // JSON is YAML: the edited copy is written as JSON, beside its external files.
  const edit = async (change: (doc: Doc) => void) => {
    const doc = load(await readFile(path, 'utf8')) as Doc;
    change(doc);
    await writeFile(path, JSON.stringify(doc, null, 2));
  };
  if (before) await edit(before);
  const first = await releaseApi(dir, api);
  expect(first.written, first.message).toBe(true);
  return { dir, api, edit, check: () => checkApi(dir, api), baseline: () => readFile(join(dir, baselineOf(api)), 'utf8') };
}

/** The gate on a scratch copy of `name` after `change`. */
async function gateAfter(name: string, change: (doc: Doc) => void, before?: (doc: Doc) => void): Promise<{ verdict: Verdict; report: string }> {
  const copy = await scratch(name, before);
  await copy.edit(change);
  const verdict = await copy.check();
  return { verdict, report: formatVerdict(verdict) };
}

// Each check runs \`redocly diff\` as a process (about half a second), and
// \`pnpm test\` runs every test file at once: the timeouts are generous.

const raiseMajor = (doc: Doc) => {
  doc.info.version = `${(majorOf(String(doc.info.version)) ?? 0) + 1}.0`;
};

describe('the breaking-change gate on this tree (pnpm specs:check)', { timeout: 60_000 }, () => {
  it.concurrent.each(registry.map((api) => [api.name, api] as const))('%s does not break its release', async (_, api) => {
    const verdict = await checkApi(root, api);
    expect(verdict.ok, formatVerdict(verdict)).toBe(true);
  });
});

/**
 * Every kind of breaking change at once, each in a place of its own, on a
 * scratch copy of xelion: one \`redocly diff\` for all. The gate fails when any
 * change is rated breaking, so each one listed would fail it alone.
 */
const breakEverything = (doc: Doc) => {
  const schemas = doc.components.schemas;
  const paths = doc.paths;
  delete paths['/api/v1/{tenant}/me/renew'].post; // a removed operation
  delete schemas.LoginResponse.properties.renewalToken; // a removed (required) property of a 200 body
  schemas.LoginResponse.required = schemas.LoginResponse.required.filter((p: string) => p !== 'renewalToken');
  schemas.LoginCredentials.properties.userName.type = 'integer'; // string → integer in a request
  delete schemas.LoginCredentials.properties.userName.minLength;
  schemas.LoginCredentials.properties.userSpace.enum = ['iphone-arnon']; // an enum added to a request field
  schemas.LoginResponse.properties.version.type = 'integer'; // string → integer in a response
  schemas.LoginCredentials.properties.deviceId = { type: 'string', description: 'The device.' }; // a new required request field
  schemas.LoginCredentials.required.push('deviceId');
  const login = paths['/api/v1/{tenant}/me/login'].post.responses;
  login['410'] = login['409']; // a changed status
  delete login['409'];
  delete paths['/api/v1/{tenant}/me/logout'].post.responses['403']; // a removed status
  schemas.LoginResponse.properties.serverVersion.enum.push('6 update 18'); // a new enum value in a 200 body
  schemas.Error.properties.errorCode.enum.push(10999); // a new error code, in an error schema a 200 body uses too
};
const releasedWith = (doc: Doc) => {
  doc.components.schemas.LoginResponse.properties.serverVersion.enum = ['6 update 17'];
  doc.components.schemas.LoginResponse.properties.lastError = { $ref: '#/components/schemas/Error', description: 'The last error.' };
};

describe('a breaking change fails the gate, and its report names it', { timeout: 60_000 }, () => {
  let verdict: Verdict;
  let report: string;
  beforeAll(async () => {
    ({ verdict, report } = await gateAfter('xelion', breakEverything, releasedWith));
  }, 60_000);

  it('fails, saying why', () => {
    expect(verdict.ok).toBe(false);
    expect(report).toMatch(/^xelion: \d+ breaking changes since release 1\.0 \(specs\/xelion\/released\.json\), and info\.version is 1\.0, the same major as the release:$/m);
    expect(report).toContain('raise the major of info.version in the description (its leading number, above 1) and release it with `pnpm specs:release xelion`');
  });

  it.each([
    ['a removed operation', 'POST /api/v1/{tenant}/me/renew (removed)', 'Operation `POST /api/v1/{tenant}/me/renew` was removed. [operation-removed]'],
    ['a removed response field', 'POST /api/v1/{tenant}/me/login › response 200 (application/json) › field renewalToken (removed)', '[property-removed]'],
    ['a removed response field, no longer required', 'POST /api/v1/{tenant}/me/login › response 200 (application/json) (modified)', 'no longer required: `renewalToken`'],
    ['a narrowed type (string → integer)', 'POST /api/v1/{tenant}/me/login › request body (application/json) › field userName (modified)', "Type of `userName` narrowed from 'string' to 'integer'. [schema-type-changed]"],
    ['a narrowed type (an enum added)', 'POST /api/v1/{tenant}/me/login › request body (application/json) › field userSpace (modified)', "Enum of `userSpace` was set to 'iphone-arnon'. [enum-values-removed]"],
    ['a changed type in a response', 'POST /api/v1/{tenant}/me/login › response 200 (application/json) › field version (modified)', '[schema-type-changed]'],
    ['a new required request field', 'POST /api/v1/{tenant}/me/login › request body (application/json) (modified)', 'became required: `deviceId`. [required-properties-added]'],
    ['a changed status', 'POST /api/v1/{tenant}/me/login › response 409', '[response-removed]'],
    ['a removed status', 'POST /api/v1/{tenant}/me/logout › response 403 (removed)', 'Response `403` was removed. [response-removed]'],
    ['a new enum value in a 200 body', 'response 200 (application/json) › field serverVersion (modified)', "gained values: '6 update 18'. [enum-values-added]"],
    ['a new error code where a 200 body uses the error schema', '› field lastError.errorCode (modified)', "gained values: '10999'. [enum-values-added]"],
  ])('%s', (_, where, what) => {
    const lines = report.split('\n');
    const index = lines.findIndex((line) => line.startsWith('  ✖ ') && line.includes(where) && lines[lines.indexOf(line) + 1]?.includes(what));
    expect(index, `a breaking change at "${where}", "${what}", in:\n${report}`).toBeGreaterThan(-1);
  });

  it('passes once the major of info.version is raised (1.0 → 2.0), listing the same changes', async () => {
    const raised = await gateAfter(
      'xelion',
      (doc) => {
        breakEverything(doc);
        raiseMajor(doc);
      },
      releasedWith,
    );
    expect(raised.verdict.ok, raised.report).toBe(true);
    expect(raised.verdict.breaking.map((c) => c.where)).toEqual(verdict.breaking.map((c) => c.where));
    expect(raised.report).toContain('announced by info.version 2.0 (major raised)');
  });

  it('but not when only the minor is raised (1.0 → 1.1)', async () => {
    const minor = await gateAfter('xelion', (doc) => {
      breakEverything(doc);
      doc.info.version = '1.1';
    }, releasedWith);
    expect(minor.verdict.ok).toBe(false);
    expect(minor.report).toContain('info.version is 1.1, the same major as the release');
  });
});

describe.concurrent('a breaking change elsewhere', { timeout: 60_000 }, () => {
  it('eos: a removed operation and a new required form field; a dated version raises its major with its year', async () => {
    const breakEos = (doc: Doc) => {
      delete doc.paths['/client/hello'];
      doc.components.schemas.LoginRequest.required.push('domain');
    };
    const [kept, raised] = await Promise.all([
      gateAfter('eos', breakEos),
      gateAfter('eos', (doc) => {
        breakEos(doc);
        doc.info.version = '2017-01-01';
      }),
    ]);
    expect(kept.verdict.ok).toBe(false);
    expect(kept.report).toContain('✖ path /client/hello (removed)');
    expect(kept.report).toContain('✖ POST /client/login › request body (application/x-www-form-urlencoded) (modified)');
    expect(kept.report).toContain('[required-properties-added]');
    expect(raised.verdict.ok, raised.report).toBe(true);
  });

  it('aktion: a renamed XML element, which redocly diff rates editorial (rule xml-changed of the gate)', async () => {
    const { verdict, report } = await gateAfter('aktion', (doc) => {
      doc.components.schemas.LoginResponseXml.xml.name = 'LoginResponse';
    });
    expect(verdict.ok).toBe(false);
    expect(report).toContain('✖ POST /login › response 200 (application/xml) › its XML name (modified)');
    expect(report).toMatch(/XML `name` changed from 'Response' to 'LoginResponse'.*\[xml-changed\]/);
  });
});

describe.concurrent('additions pass, listed', { timeout: 60_000 }, () => {
  it('an untouched copy is unchanged', async () => {
    const { verdict, report } = await gateAfter('xelion', () => {});
    expect(verdict.ok, report).toBe(true);
    expect(report).toBe('xelion: unchanged since release 1.0 (specs/xelion/released.json).');
  });

  it('an optional request field, an optional response field, a new response, a new operation, new error codes', async () => {
    const { verdict, report } = await gateAfter('xelion', (doc) => {
      doc.components.schemas.LoginCredentials.properties.deviceId = { type: 'string', description: 'The device.' };
      doc.components.schemas.LoginResponse.properties.expiresIn = { type: 'integer', description: 'Seconds.' };
      const login = doc.paths['/api/v1/{tenant}/me/login'].post;
      login.responses['403'] = login.responses['401'];
      doc.paths['/api/v1/{tenant}/me/status'] = {
        parameters: [{ $ref: '#/components/parameters/Tenant' }],
        get: { operationId: 'status', summary: 'Status', description: 'The session.', tags: ['Session'], responses: { '204': { description: 'Alive.' }, '401': login.responses['401'] } },
      };
      // Only error answers use Error: a new code under a documented status is an addition.
      doc.components.schemas.Error.properties.errorCode.enum.push(10999);
    });
    expect(verdict.ok, report).toBe(true);
    expect(verdict.breaking).toEqual([]);
    expect(report).toContain('xelion: no breaking change since release 1.0 (specs/xelion/released.json); 5 additions');
    for (const line of [
      '+ POST /api/v1/{tenant}/me/login › request body (application/json) › field deviceId (added)',
      '+ POST /api/v1/{tenant}/me/login › response 200 (application/json) › field expiresIn (added)',
      '+ POST /api/v1/{tenant}/me/login › response 403 (added)',
      '+ path /api/v1/{tenant}/me/status (added)',
      "Enum of `errorCode` gained values: '10999'. Only error answers use it",
    ]) {
      expect(report).toContain(line);
    }
  });
});

describe.concurrent('pnpm specs:release', { timeout: 60_000 }, () => {
  const removeRenew = (doc: Doc) => {
    delete doc.paths['/api/v1/{tenant}/me/renew'].post;
  };

  it('refuses to overwrite a baseline over a breaking change without a major raise', async () => {
    const copy = await scratch('xelion');
    const before = await copy.baseline();
    await copy.edit(removeRenew);
    const release = await releaseApi(copy.dir, copy.api);
    expect(release).toMatchObject({ written: false, refused: true });
    expect(release.message).toContain('POST /api/v1/{tenant}/me/renew (removed)');
    expect(release.message).toContain('xelion: not released; specs/xelion/released.json is left as it was');
    expect(await copy.baseline()).toBe(before);
  });

  it('writes it when told to (--allow-breaking), or when the major is raised', async () => {
    const told = await scratch('xelion');
    await told.edit(removeRenew);
    const forced = await releaseApi(told.dir, told.api, { allowBreaking: true });
    expect(forced).toMatchObject({ written: true, refused: false });
    expect(forced.message).toContain('ALLOWED WITHOUT A MAJOR RAISE');
    expect(JSON.parse(await told.baseline()).paths['/api/v1/{tenant}/me/renew'].post).toBeUndefined();

    const raised = await scratch('xelion');
    await raised.edit((doc) => {
      removeRenew(doc);
      raiseMajor(doc);
    });
    const release = await releaseApi(raised.dir, raised.api);
    expect(release.message).toContain('xelion: released 2.0 from specs/xelion/openapi.yaml as specs/xelion/released.json, over 1.0: 1 breaking change (major raised)');
    expect(JSON.parse(await raised.baseline()).info.version).toBe('2.0');
  });

  it('releases additions and says when nothing changed', async () => {
    const copy = await scratch('xelion');
    expect((await releaseApi(copy.dir, copy.api)).message).toBe('xelion: specs/xelion/released.json already holds specs/xelion/openapi.yaml (1.0); nothing to write.');
    await copy.edit((doc) => {
      doc.components.schemas.LoginCredentials.properties.deviceId = { type: 'string', description: 'The device.' };
    });
    const release = await releaseApi(copy.dir, copy.api);
    expect(release.written).toBe(true);
    expect(release.message).toContain('1 addition. Note: info.version is still 1.0');
  });

  it('--from <git-rev> releases the description as committed, not as in the work tree', async () => {
    const copy = await scratch('xelion');
    const git = (...args: string[]) => promisify(execFile)('git', ['-c', 'user.name=gate', '-c', 'user.email=gate@localhost', '-C', copy.dir, ...args]);
    await git('init', '-q');
    await git('add', '.');
    await git('commit', '-q', '-m', 'released');
    await rm(join(copy.dir, baselineOf(copy.api)));
    await copy.edit((doc) => {
      doc.paths['/api/v1/{tenant}/me/extra'] = doc.paths['/api/v1/{tenant}/me/renew'];
    });
    await releaseApi(copy.dir, copy.api, { from: 'HEAD' });
    expect(JSON.parse(await copy.baseline()).paths['/api/v1/{tenant}/me/extra']).toBeUndefined();
    const verdict = await copy.check();
    expect(formatVerdict(verdict)).toContain('+ path /api/v1/{tenant}/me/extra (added)');
    await expect(releaseApi(copy.dir, copy.api, { from: 'no-such-rev' })).rejects.toThrow('cannot read specs at no-such-rev');
  });

  it('fails the gate for an API without a baseline', async () => {
    const copy = await scratch('xelion');
    await rm(join(copy.dir, baselineOf(copy.api)));
    const verdict = await copy.check();
    expect(verdict.ok).toBe(false);
    expect(formatVerdict(verdict)).toContain('xelion: no baseline specs/xelion/released.json');
  });
});

describe('words', () => {
  it('majorOf reads the leading number of a version', () => {
    expect(['2.0', '1.0', '2016-02-03', 'v3', '10.2.1', 'draft'].map(majorOf)).toEqual([2, 1, 2016, 3, 10, undefined]);
  });

  it('describeLocation says where a change is, naming parameters from the description', () => {
    const doc = { paths: { '/a/{id}': { get: { parameters: [{ name: 'id', in: 'path' }] } } } };
    expect(describeLocation('#/paths/~1a~1{id}/get/parameters/0/schema', [doc])).toBe('GET /a/{id} › path parameter id');
    expect(describeLocation('#/paths/~1a/post/responses/200/content/application~1json/schema/properties/data/properties/list/items/properties/id')).toBe(
      'POST /a › response 200 (application/json) › field data.list[].id',
    );
    expect(describeLocation('#/paths/~1a/post/requestBody/content/application~1xml/schema/properties/Token/xml')).toBe(
      'POST /a › request body (application/xml) › field Token › its XML name',
    );
    expect(describeLocation('#/components/securitySchemes/session')).toBe('security scheme session');
  });
});

describe('the command', { timeout: 60_000 }, () => {
  const cli = fileURLToPath(new URL('./release-cli.ts', import.meta.url));
  const run = (...args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', cli, ...args]).then(
      ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
      (err: { code: number; stdout: string; stderr: string }) => err,
    );

  it('prints its usage with --help, and refuses an unknown api with exit code 2', async () => {
    const [release, unknown] = await Promise.all([run('release', '--help'), run('check', 'no-such-api')]);
    expect(release).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: pnpm specs:release [--from <git-rev>] [--allow-breaking] [api...]') });
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('no API "no-such-api" in redocly.yaml') });
    expect(unknown.stderr).toContain('Usage: pnpm specs:check [--editorial] [api...]');
  });
});
