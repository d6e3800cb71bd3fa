/**
 * Serving reference servers from a command line, on Node.js: the settings
 * every such command takes (flags and environment variables), the accounts
 * file, CORS, the access log, listening with limits, and the signals. The
 * gateway (`pnpm start`) and each server package's own command
 * (`npx @loginspec/<api>-server`) are built from these.
 *
 * @module
 */
export { ACCOUNTS_FILE_LIMITS, AccountsFileError, type AccountsFileOptions, readAccountsFile } from './accounts-file.js';
export { parseAttemptLimits } from './attempt-limits.js';
export { apiLines, apiRecord, originOf, type ServedApi, servedApi } from './banner.js';
export { announce, bannerText, type CommandIo, processIo, type ReferenceServerStart, type RunningReferenceServer, serverCommand, type SharedStoresLoader, startReferenceServer, storesLine, warnAboutSettings } from './command.js';
export { cors, type CorsOptions, parseOrigins } from './cors.js';
export { describeHashCost, HASH_COST_PRESETS, hashCostWarning, meetsOwasp, parseHashCost } from './hash-cost.js';
export { type ConnectionLimits, type Listening, listen } from './listen.js';
export { type AccessEntry, accessLog, createLogger, defaultLogFormat, formatAccess, LOG_FORMATS, type LogFormat, type Logger, type LoggerOptions } from './log.js';
export { HELP_OPTION, type OptionSpec, type OptionValues, type ReadOptions, readOptions, SERVE_OPTIONS, type ServeSettings, serveSettings, UsageError, usage, usageErrorText } from './settings.js';
export { CONNECT_WITHIN_MS, type ConnectApiStores, connectEach, maskRedisUrl, parseRedisUrl, redactRedisUrl, redisConnector, type SharedStores, type SharedStoresModule, sharedNamespace } from './shared-stores.js';
export { handleSignals, type Serving, type SignalHandling } from './signals.js';
