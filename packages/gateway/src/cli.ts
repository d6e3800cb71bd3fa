import { existsSync } from 'node:fs';
import type { SeedAccounts } from '@loginspec/login-kit';
import {
  AccountsFileError,
  announce,
  type CommandIo,
  createLogger,
  describeHashCost,
  HELP_OPTION,
  handleSignals,
  maskRedisUrl,
  type OptionSpec,
  originOf,
  processIo,
  readAccountsFile,
  readOptions,
  redactRedisUrl,
  redisConnector,
  SERVE_OPTIONS,
  type ServeSettings,
  type SharedStoresLoader,
  serveSettings,
  storesLine,
  UsageError,
  usage,
  usageErrorText,
  warnAboutSettings,
} from '@loginspec/login-kit/serve';
import { CONTROLS_TOKEN_ENV, checkControlsToken, newControlsToken, writeControlsToken } from '@loginspec/login-kit/controls';
import { clientAddress } from '@loginspec/openapi-runtime/node';
import { gatewayLines, servedApis } from './banner.js';
import { loadServers, selectApis, UnknownApiError } from './load-servers.js';
import { type RunningGateway, startGateway } from './start.js';

/** The gateway's own flags, around the settings every reference-server command takes. */
export const GATEWAY_OPTIONS: readonly OptionSpec[] = [
  { name: 'api', env: 'LOGINSPEC_API', value: 'NAME', multiple: true, help: 'serve only this API of the registry (enos, eos, aktion, edr, xelion);\nevery API by default' },
  ...SERVE_OPTIONS,
  {
    name: 'test-controls',
    env: 'LOGINSPEC_TEST_CONTROLS',
    negatable: true,
    help: `serve the test controls at /_controls, for a test run on a machine of your own
(pnpm start turns them on): they move the clock, read delivered messages (MFA
codes), empty attempt counts and make the stores fail. Each request needs their
token (Authorization: Bearer …): ${CONTROLS_TOKEN_ENV}, else one drawn
at start and written to a file only you can read, named in the banner and removed
on exit. A loopback peer's X-Forwarded-For is believed on a request that carries
the token in X-Test-Controls-Token (a test speaks for many clients), unless
--trusted-proxy says whom to believe. Off by default; refused from a page of
another site or under a host name other than localhost or an IP address`,
  },
  HELP_OPTION,
];

export const USAGE = usage(
  'pnpm start [--api NAME]… [options]   (or: loginspec-gateway [options])',
  `Serves every reference login server under its own prefix (/<api>/…), the docs at /docs,
and /healthz. Ctrl-C or SIGTERM stops it (exit 0); SIGHUP empties every attempt count.
Exit status: 2 for a flag, a variable or an accounts file it cannot use; 1 when it
cannot start.`,
  GATEWAY_OPTIONS,
);

export interface GatewaySettings extends ServeSettings {
  /** The APIs asked for, as given; every one when absent. */
  apis?: string[];
  testControls: boolean;
  /** The token of the test controls, from the environment; one is drawn at start when absent. */
  controlsToken?: string;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The settings of `pnpm start`, from its flags and the environment; throws `UsageError`. Answers undefined for --help. */
export function gatewaySettings(args: readonly string[], env: Readonly<Record<string, string | undefined>>, { isTty }: { isTty: boolean }): GatewaySettings | undefined {
  const options = readOptions(GATEWAY_OPTIONS, args, env);
  if (options.values.help) return undefined;
  const settings = serveSettings(options, { isTty });
  const apis = options.values.api as string[] | undefined;
  if (apis !== undefined && apis.length === 0) throw new UsageError(`${options.source.api}: name at least one API`);
  // Opt-in: a loopback bind is also what a reverse proxy on the same host reaches, so loopback alone says nothing about who can call.
  const testControls = (options.values['test-controls'] as boolean | undefined) ?? false;
  const given = testControls ? env[CONTROLS_TOKEN_ENV] : undefined;
  let controlsToken: string | undefined;
  try {
    controlsToken = given ? checkControlsToken(given) : undefined;
  } catch (err) {
    throw new UsageError(`${CONTROLS_TOKEN_ENV}: ${(err as Error).message}`);
  }
  return { ...settings, ...(apis ? { apis } : {}), testControls, ...(controlsToken ? { controlsToken } : {}) };
}

export interface GatewayCommandOptions extends SharedStoresLoader {
  /** The repository whose registry names the APIs. */
  root: string;
  /** The built docs, served at /docs. */
  docsDir: string;
  exit?: (code: number) => never;
}

/**
 * `pnpm start`: reads its settings, loads the APIs asked for, checks the
 * accounts file, and serves until SIGINT or SIGTERM (then exits 0).
 * Exits 2 on a flag, a variable or an accounts file it cannot use, 1 when
 * it cannot start.
 */
export async function gatewayCommand({ root, docsDir, redisStores, exit = (code) => process.exit(code) }: GatewayCommandOptions, io: CommandIo = processIo()): Promise<RunningGateway> {
  const refuse = (message: string): never => {
    io.stderr(usageErrorText('loginspec-gateway', message));
    return exit(2);
  };
  let settings: GatewaySettings;
  let apis: string[];
  try {
    const read = gatewaySettings(io.args, io.env, { isTty: io.isTty });
    if (!read) {
      io.stdout(USAGE);
      return exit(0);
    }
    settings = read;
    if (settings.redisUrl !== undefined && !redisStores) throw new UsageError('--redis-url: this command cannot keep its state in Redis');
    apis = await selectApis(root, settings.apis);
  } catch (err) {
    if (err instanceof UsageError) return refuse(err.message);
    if (err instanceof UnknownApiError) return refuse(`--api: ${err.message}`);
    throw err;
  }
  const logger = createLogger({ format: settings.logFormat, stdout: io.stdout, stderr: io.stderr });
  const signals = handleSignals(logger);
  warnAboutSettings(settings, logger);
  if (settings.testControls && !isLoopback(settings.host)) {
    logger.warn('test-controls-exposed', `Test controls are on while listening on ${settings.host}: anyone who reaches it with their token can read the MFA codes the servers send, empty their attempt counts, move their clock and make them fail; the token crosses the network in clear over plain HTTP.`);
  }
  const fail = (event: string, message: string): never => {
    logger.error(event, `loginspec-gateway: ${message}`);
    return exit(1);
  };
  const servers = await loadServers(root, apis).catch((err: Error) => fail('cannot-load', err.message));
  let accounts: Map<string, SeedAccounts> | undefined;
  if (settings.accounts) {
    try {
      accounts = await readAccountsFile(settings.accounts, servers, { apis: await selectApis(root) });
    } catch (err) {
      if (!(err instanceof AccountsFileError)) throw err;
      logger.error('bad-accounts-file', `loginspec-gateway: ${err.message}`);
      return exit(2);
    }
  }
  if (!existsSync(docsDir)) logger.warn('no-docs', `No docs at ${docsDir}: run \`pnpm run docs\` to build them.`);
  logger.info('hashing', `Hashing the passwords: scrypt ${describeHashCost(settings.hashCost)}…`);
  const { redisUrl } = settings;
  // The Redis client is loaded only when a URL is given: without one nothing of it is imported.
  const connectStores = redisUrl !== undefined && redisStores ? redisConnector(redisUrl, redisStores) : undefined;
  // The one given, else a fresh one, which only the file written below tells.
  const controlsToken = settings.testControls ? (settings.controlsToken ?? newControlsToken()) : undefined;
  let gateway: RunningGateway;
  try {
    gateway = await startGateway({
      root,
      docsDir,
      host: settings.host,
      port: settings.port,
      references: servers,
      ...(settings.quiet ? {} : { log: io.stdout, logFormat: settings.logFormat }),
      ...(controlsToken ? { testControls: { token: controlsToken } } : {}),
      ...(accounts ? { accounts } : {}),
      corsOrigins: settings.corsOrigins,
      limits: { maxConnectionsPerAddress: settings.maxConnectionsPerAddress },
      ...(connectStores ? { connectStores } : {}),
      servers: {
        scrypt: settings.hashCost,
        attemptLimits: settings.attemptLimits,
        // Under test controls without trusted proxies, the gateway believes X-Forwarded-For from loopback with the token (see TestHarness).
        ...(settings.testControls && settings.trustedProxies.length === 0 ? {} : { clientAddress: clientAddress({ trustedProxies: settings.trustedProxies }) }),
        // No mail is sent: what a server would send (xelion's MFA codes) is printed, as a demo needs.
        deliver: ({ to, text }) => logger.info('message', `[message to ${to}] ${text}`, { to, text }),
      },
    });
  } catch (err) {
    const message = (err as Error).message;
    return fail('cannot-start', `cannot start on ${settings.host}:${settings.port}: ${redactRedisUrl(message, redisUrl)}`);
  }
  const origin = originOf(settings.host, gateway.port);
  let tokenFile: ReturnType<typeof writeControlsToken> | undefined;
  if (controlsToken) {
    try {
      tokenFile = writeControlsToken(origin, controlsToken, io.env);
    } catch (err) {
      await gateway.close();
      return fail('cannot-start', `cannot write the test controls' token: ${(err as Error).message}`);
    }
    // Also when the process ends without a close (a close that took too long, a crash).
    process.once('exit', tokenFile.remove);
  }
  const close = async () => {
    await gateway.close();
    if (tokenFile) {
      tokenFile.remove();
      process.off('exit', tokenFile.remove);
    }
  };
  signals.serving({
    close,
    resetAttempts: () =>
      gateway.resetAttempts().then(
        (names) => names.join(', ') || "none: the stores are not the gateway's",
        (err: Error) => Promise.reject(new Error(redactRedisUrl(err.message, redisUrl))),
      ),
  });
  const stores = redisUrl === undefined ? undefined : maskRedisUrl(redisUrl);
  announce(logger, origin, servedApis(origin, servers, { ...(accounts ? { accounts } : {}), ...(settings.accounts ? { accountsFile: settings.accounts } : {}) }), {
    lines: [...gatewayLines(origin, tokenFile ? { controlsTokenFile: tokenFile.path } : {}), ...(stores ? [storesLine(stores)] : [])],
    fields: { docs: `${origin}/docs/`, ...(tokenFile ? { controls: `${origin}/_controls`, controlsTokenFile: tokenFile.path } : {}), ...(stores ? { stores } : {}) },
  });
  return { ...gateway, close };
}
