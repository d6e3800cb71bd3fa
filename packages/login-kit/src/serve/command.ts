import { clientAddress } from '@loginspec/openapi-runtime/node';
import { Hono } from 'hono';
import type { SeedAccounts } from '../accounts.js';
import { type Clock, systemClock } from '../clock.js';
import { HashingPool } from '../hashing-pool.js';
import type { ReferenceServer } from '../reference-server.js';
import { memoryStores } from '../stores/memory.js';
import { withResettableAttempts } from '../stores/resettable.js';
import { AccountsFileError, readAccountsFile } from './accounts-file.js';
import { apiLines, apiRecord, originOf, type ServedApi, servedApi } from './banner.js';
import { cors } from './cors.js';
import { describeHashCost, hashCostWarning } from './hash-cost.js';
import { type ConnectionLimits, type Listening, listen } from './listen.js';
import { accessLog, createLogger, type Logger } from './log.js';
import { HELP_OPTION, readOptions, SERVE_OPTIONS, type ServeSettings, serveSettings, UsageError, usage, usageErrorText } from './settings.js';
import { type ConnectApiStores, connectEach, maskRedisUrl, redactRedisUrl, redisConnector, type SharedStores, type SharedStoresModule } from './shared-stores.js';
import { handleSignals } from './signals.js';

/** What a command reads and writes: the process's, unless a test gives its own. */
export interface CommandIo {
  args: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  stdout(line: string): void;
  stderr(line: string): void;
  /** Whether stdout is a terminal: text logs if so, JSON lines if not. */
  isTty: boolean;
}

export function processIo(): CommandIo {
  return {
    args: process.argv.slice(2),
    env: process.env,
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    isTty: process.stdout.isTTY === true,
  };
}

/** The settings' warnings: a hash cost below OWASP's, on stderr. */
export function warnAboutSettings(settings: ServeSettings, logger: Logger): void {
  const warning = hashCostWarning(settings.hashCost);
  if (!warning) return;
  if (logger.format === 'json') logger.warn('weak-hash-cost', warning.join(' '), { hashCost: settings.hashCost });
  else for (const line of warning) logger.warn('weak-hash-cost', `WARNING: ${line}`);
}

export interface ReferenceServerStart {
  settings: ServeSettings;
  logger: Logger;
  /** The accounts to seed (from the accounts file). */
  accounts?: SeedAccounts;
  clock?: Clock;
  limits?: ConnectionLimits;
  /** Connects the shared stores when `settings.redisUrl` is set (a command without it refuses the URL). */
  connectStores?: ConnectApiStores;
}

export interface RunningReferenceServer extends Listening {
  origin: string;
  /** Empties every attempt count: what SIGHUP does (in Redis, for every instance sharing it). */
  resetAttempts(): Promise<void>;
  /** Where the state is kept: `memory`, or the Redis URL with its password masked. */
  stores: string;
}

/** How a command reaches shared stores: the module of `@loginspec/redis-stores`, imported only when a URL is given. */
export interface SharedStoresLoader {
  redisStores?: () => Promise<SharedStoresModule>;
}

/**
 * One reference server at the root of its own origin (its documented
 * paths as they are, and `/healthz`), with the settings of its command:
 * what `npx @loginspec/<api>-server` runs, without the process.
 */
export async function startReferenceServer(server: ReferenceServer, { settings, logger, accounts, clock = systemClock, limits, connectStores }: ReferenceServerStart): Promise<RunningReferenceServer> {
  const { redisUrl } = settings;
  let shared: SharedStores | undefined;
  if (redisUrl !== undefined) {
    if (!connectStores) throw new Error('this command cannot keep its state in Redis');
    shared = (await connectEach(connectStores, [server.name], () => clock)).get(server.name);
  }
  try {
    return await serveWith(server, shared ?? withResettableAttempts(memoryStores(clock)), { settings, logger, accounts, clock, limits }, shared);
  } catch (err) {
    await shared?.close();
    throw err;
  }
}

async function serveWith(server: ReferenceServer, stores: SharedStores | ReturnType<typeof withResettableAttempts>, { settings, logger, accounts, clock, limits }: ReferenceServerStart, shared: SharedStores | undefined): Promise<RunningReferenceServer> {
  const app = await server.create({
    clock,
    scrypt: settings.hashCost,
    hashing: new HashingPool(),
    stores,
    clientAddress: clientAddress({ trustedProxies: settings.trustedProxies }),
    attemptLimits: settings.attemptLimits,
    ...(accounts ? { accounts } : {}),
    deliver: ({ to, text }) => logger.info('message', `[message to ${to}] ${text}`, { to, text }),
  });
  const root = new Hono();
  if (!settings.quiet) root.use(accessLog(logger.request));
  if (settings.corsOrigins.length > 0) root.use(cors({ origins: settings.corsOrigins }));
  root.get('/healthz', (c) => c.json({ status: 'ok', apis: [server.name] }));
  root.route('/', app);
  const listening = await listen(root, { host: settings.host, port: settings.port }, { maxConnectionsPerAddress: settings.maxConnectionsPerAddress, ...limits });
  const url = settings.redisUrl;
  return {
    ...listening,
    origin: originOf(settings.host, listening.port),
    stores: shared && url ? maskRedisUrl(url) : 'memory',
    async close() {
      await listening.close();
      await shared?.close();
    },
    async resetAttempts() {
      try {
        await stores.resetAttempts();
      } catch (err) {
        throw new Error(redactRedisUrl((err as Error).message, url));
      }
    },
  };
}

/** The banner's line naming the Redis the state is kept in (its password masked). */
export function storesLine(maskedUrl: string): string {
  return `  stores   ${maskedUrl}  (shared by every instance given this URL)`;
}

/** The text banner: where the server listens, `lines` (the docs, the controls), each API, /healthz. */
export function bannerText(origin: string, apis: readonly ServedApi[], lines: readonly string[] = []): string {
  const head = apis.length === 1 && apis[0]?.base === origin ? `loginspec ${apis[0].server.name} reference server on ${origin}` : `loginspec reference servers on ${origin}`;
  return [head, '', ...lines, `  health   ${origin}/healthz`, ...apis.flatMap((api) => ['', ...apiLines(api)]), '', 'Ctrl-C stops.'].join('\n');
}

/** What the server tells once it listens: the text banner for people, or one JSON `listening` event (`fields` added to it). */
export function announce(logger: Logger, origin: string, apis: readonly ServedApi[], { lines, fields }: { lines?: readonly string[]; fields?: Record<string, unknown> } = {}): void {
  if (logger.format === 'text') logger.info('listening', `\n${bannerText(origin, apis, lines)}`);
  else logger.info('listening', `loginspec reference servers on ${origin}`, { url: origin, ...fields, apis: apis.map(apiRecord) });
}

/**
 * The command of a server package (`npx @loginspec/xelion-server --port 4011`):
 * that one API at the root of its own origin. Exits 2 on a flag it cannot
 * read or an accounts file it cannot use, 1 when it cannot listen; else
 * serves until SIGINT or SIGTERM, and exits 0.
 */
export async function serverCommand(
  server: ReferenceServer,
  { redisStores, io = processIo(), exit = (code) => process.exit(code) }: SharedStoresLoader & { io?: CommandIo; exit?: (code: number) => never } = {},
): Promise<RunningReferenceServer> {
  const bin = `${server.name}-server`;
  const specs = [...SERVE_OPTIONS, HELP_OPTION];
  const text = usage(
    `${bin} [options]`,
    `Serves the ${server.description.title} reference server: its documented paths at the root,\nand /healthz. SIGHUP empties its attempt counts.${server.accounts ? `\n\nAn accounts file's "${server.name}" entry lists users, each ${server.accounts.fields}.` : ''}`,
    specs,
  );
  let settings: ServeSettings;
  try {
    const options = readOptions(specs, io.args, io.env);
    if (options.values.help) {
      io.stdout(text);
      return exit(0);
    }
    settings = serveSettings(options, { isTty: io.isTty });
    if (settings.redisUrl !== undefined && !redisStores) throw new UsageError(`${options.source['redis-url']}: this command cannot keep its state in Redis`);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(usageErrorText(bin, err.message));
    return exit(2);
  }
  const logger = createLogger({ format: settings.logFormat, stdout: io.stdout, stderr: io.stderr });
  const signals = handleSignals(logger);
  warnAboutSettings(settings, logger);
  let accounts: SeedAccounts | undefined;
  if (settings.accounts) {
    try {
      accounts = (await readAccountsFile(settings.accounts, [server], { requireEach: true })).get(server.name);
    } catch (err) {
      if (!(err instanceof AccountsFileError)) throw err;
      logger.error('bad-accounts-file', `${bin}: ${err.message}`);
      return exit(2);
    }
  }
  logger.info('hashing', `Hashing the passwords: scrypt ${describeHashCost(settings.hashCost)}…`);
  let running: RunningReferenceServer;
  try {
    const connectStores = settings.redisUrl !== undefined && redisStores ? redisConnector(settings.redisUrl, redisStores) : undefined;
    running = await startReferenceServer(server, { settings, logger, ...(accounts ? { accounts } : {}), ...(connectStores ? { connectStores } : {}) });
  } catch (err) {
    const message = redactRedisUrl((err as Error).message, settings.redisUrl);
    logger.error('cannot-start', `${bin}: cannot start on ${settings.host}:${settings.port}: ${message}`);
    return exit(1);
  }
  signals.serving({ close: running.close, resetAttempts: async () => (await running.resetAttempts(), server.name) });
  const shared = running.stores === 'memory' ? undefined : running.stores;
  announce(logger, running.origin, [servedApi(server, running.origin, accounts, settings.accounts)], {
    ...(shared ? { lines: [storesLine(shared)], fields: { stores: shared } } : {}),
  });
  return running;
}
