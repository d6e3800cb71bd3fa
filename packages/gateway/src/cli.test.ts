import { describe, expect, it } from 'vitest';
import { GATEWAY_OPTIONS, gatewaySettings, USAGE } from './cli.js';

const read = (args: string[], env: Record<string, string> = {}) => gatewaySettings(args, env, { isTty: false });

describe('the settings of pnpm start', () => {
  it('serves every API unless --api names some, repeated or comma-separated, or LOGINSPEC_API does', () => {
    expect(read([])?.apis).toBeUndefined();
    expect(read(['--api', 'xelion', '--api', 'enos,eos'])?.apis).toEqual(['xelion', 'enos', 'eos']);
    expect(read([], { LOGINSPEC_API: 'aktion, edr' })?.apis).toEqual(['aktion', 'edr']);
    expect(read(['--api', 'xelion'], { LOGINSPEC_API: 'aktion' })?.apis).toEqual(['xelion']);
    expect(() => read(['--api', ','])).toThrow('--api: name at least one API');
  });

  it('serves the test controls only when told, on loopback too', () => {
    expect(read([])?.testControls).toBe(false);
    expect(read(['--host', '0.0.0.0'])?.testControls).toBe(false);
    expect(read(['--test-controls'])?.testControls).toBe(true);
    expect(read([], { LOGINSPEC_TEST_CONTROLS: 'on' })?.testControls).toBe(true);
    expect(read(['--host', '0.0.0.0', '--test-controls'])?.testControls).toBe(true);
    expect(read(['--no-test-controls'])?.testControls).toBe(false);
    expect(read([], { LOGINSPEC_TEST_CONTROLS: 'off' })?.testControls).toBe(false);
    expect(() => read(['--test-controls', '--no-test-controls'])).toThrow('--test-controls and --no-test-controls contradict each other');
  });

  it("takes the controls' token from LOGINSPEC_TEST_CONTROLS_TOKEN, when it looks like one, without quoting it; none when the controls are off", () => {
    const token = 'a-token-of-the-tests-own-0123456789_ABCDEF';
    expect(read(['--test-controls'], { LOGINSPEC_TEST_CONTROLS_TOKEN: token })?.controlsToken).toBe(token);
    expect(read(['--test-controls'])?.controlsToken).toBeUndefined();
    expect(read([], { LOGINSPEC_TEST_CONTROLS_TOKEN: token })?.controlsToken).toBeUndefined();
    expect(() => read(['--test-controls'], { LOGINSPEC_TEST_CONTROLS_TOKEN: 'hunter2' })).toThrow(expect.objectContaining({ message: 'LOGINSPEC_TEST_CONTROLS_TOKEN: a test-controls token is 32 to 512 characters of A-Z a-z 0-9 - . _ ~ + / (then = at the end only)' }));
  });

  it('reads the settings every server command takes, and --help', () => {
    expect(read(['--hash-cost', 'test', '--cors-origin', 'http://localhost:5173', '--log-format', 'text'], { LOGINSPEC_TRUSTED_PROXIES: '10.0.0.0/8' })).toMatchObject({
      hashCost: { N: 1024, r: 8, p: 1 },
      corsOrigins: ['http://localhost:5173'],
      trustedProxies: ['10.0.0.0/8'],
      logFormat: 'text',
    });
    expect(read(['--help'])).toBeUndefined();
  });

  it('documents every flag and its environment variable in --help', () => {
    for (const spec of GATEWAY_OPTIONS) {
      expect(USAGE).toContain(`--${spec.name}`);
      if (spec.env) expect(USAGE).toContain(`env: ${spec.env}`);
    }
  });
});
