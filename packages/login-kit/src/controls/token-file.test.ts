import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkControlsToken, controlsTokenFile, forwardedFrom, newControlsToken, readControlsToken, writeControlsToken } from './token-file.js';

// A runtime directory of the test's own, as XDG_RUNTIME_DIR names one.
const runtime = mkdtempSync(join(tmpdir(), 'loginspec-token-file-'));
const env = { XDG_RUNTIME_DIR: runtime };
afterAll(() => rmSync(runtime, { recursive: true, force: true }));
const owned = process.getuid !== undefined;

describe('the token of the test controls', () => {
  it('is drawn fresh, 32 bytes in base64url, and a given one must look like a bearer token of 32 characters or more', () => {
    const token = newControlsToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newControlsToken()).not.toBe(token);
    expect(checkControlsToken(token)).toBe(token);
    for (const bad of ['', 'short', 'a'.repeat(31), `${'a'.repeat(40)} b`, `${'a'.repeat(40)}\n`, `=${'a'.repeat(40)}`]) expect(() => checkControlsToken(bad)).toThrow(/32 to 512 characters/);
  });

  it('goes with X-Forwarded-For only when there is one', () => {
    expect(forwardedFrom('192.0.2.1', undefined)).toEqual({ 'x-forwarded-for': '192.0.2.1' });
    expect(forwardedFrom('192.0.2.1', 'a'.repeat(32))).toEqual({ 'x-forwarded-for': '192.0.2.1', 'x-test-controls-token': 'a'.repeat(32) });
  });
});

describe('the token file', () => {
  it("is named by the origin's port, under XDG_RUNTIME_DIR when set, else in a directory of the user's own under the system's temporary one", () => {
    expect(controlsTokenFile('http://127.0.0.1:4010', env)).toBe(join(runtime, 'loginspec', 'test-controls-4010.json'));
    expect(controlsTokenFile('http://localhost', env)).toBe(join(runtime, 'loginspec', 'test-controls-80.json'));
    const own = join(tmpdir(), `loginspec-${process.getuid?.() ?? userInfo().username}`, 'test-controls-4010.json');
    expect(controlsTokenFile('http://127.0.0.1:4010', {})).toBe(own);
    expect(controlsTokenFile('http://127.0.0.1:4010', { XDG_RUNTIME_DIR: 'relative/dir' })).toBe(own);
  });

  it.skipIf(!owned)('is written 0600 in a 0700 directory, read back for its own origin only, and removed only while it holds the token', () => {
    const token = newControlsToken();
    const file = writeControlsToken('http://127.0.0.1:4791', token, env);
    expect(file.path).toBe(controlsTokenFile('http://127.0.0.1:4791', env));
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
    expect(statSync(join(runtime, 'loginspec')).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(file.path, 'utf8'))).toEqual({ origin: 'http://127.0.0.1:4791', token });
    expect(readControlsToken('http://127.0.0.1:4791/', env)).toBe(token);
    // The same port under another name is another server as far as the file knows: the token is not sent there.
    expect(readControlsToken('http://localhost:4791', env)).toBeUndefined();
    expect(readControlsToken('http://127.0.0.1:4792', env)).toBeUndefined();
    // A gateway started later on the same port replaced the file: the first one's exit leaves it.
    const later = writeControlsToken('http://127.0.0.1:4791', newControlsToken(), env);
    file.remove();
    expect(readControlsToken('http://127.0.0.1:4791', env)).not.toBeUndefined();
    later.remove();
    expect(readControlsToken('http://127.0.0.1:4791', env)).toBeUndefined();
  });

  it.skipIf(!owned)('is not believed when others can read it, and not written into a directory others can open', () => {
    const file = writeControlsToken('http://127.0.0.1:4793', newControlsToken(), env);
    chmodSync(file.path, 0o644);
    expect(readControlsToken('http://127.0.0.1:4793', env)).toBeUndefined();
    rmSync(file.path);
    const open = mkdtempSync(join(tmpdir(), 'loginspec-open-'));
    try {
      mkdirSync(join(open, 'loginspec'), { mode: 0o755 });
      chmodSync(join(open, 'loginspec'), 0o755);
      expect(() => writeControlsToken('http://127.0.0.1:4794', newControlsToken(), { XDG_RUNTIME_DIR: open })).toThrow(`${join(open, 'loginspec')} is not a directory of yours that only you can open`);
      writeFileSync(join(open, 'loginspec', 'test-controls-4794.json'), JSON.stringify({ origin: 'http://127.0.0.1:4794', token: 'x'.repeat(40) }), { mode: 0o600 });
      // A file of the user's own, closed to others, is believed wherever it lies: only its writer could have put it there.
      expect(readControlsToken('http://127.0.0.1:4794', { XDG_RUNTIME_DIR: open })).toBe('x'.repeat(40));
    } finally {
      rmSync(open, { recursive: true, force: true });
    }
  });
});
