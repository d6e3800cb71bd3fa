#!/usr/bin/env node
import { main } from './command.js';

// A first Ctrl-C (or SIGTERM) stops the run once its case under way has ended, leaving the server as found; the handler is then gone, so a second one stops it at once.
const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());

const code = await main(process.argv.slice(2), { out: (text) => console.log(text), err: (text) => console.error(text), env: process.env, signal: stop.signal });
process.exit(code);
