import type { ReferenceServer } from '@loginspec/login-kit';

/**
 * What `pnpm start` prints once it listens: where the docs are, each API's
 * operations under its prefix, and its demo logins, read from each server's
 * description and descriptor.
 */
export function banner(origin: string, servers: ReferenceServer[], { testControls = false } = {}): string {
  const lines = [`loginspec reference servers on ${origin}`, '', `  docs     ${origin}/docs/`];
  if (testControls) lines.push(`  controls ${origin}/_controls  (test controls: clock, inbox, reset, faults; --no-test-controls turns them off)`);
  for (const server of servers) {
    lines.push('', `  ${server.name.padEnd(8)} ${server.description.title}`);
    for (const op of server.description.operations) lines.push(`           ${op.method.toUpperCase().padEnd(6)} ${origin}/${server.name}${op.path}`);
    for (const demo of server.demoLogins()) {
      const fields = Object.entries(demo.fields).map(([name, value]) => `${name}=${value}`);
      lines.push(`           demo (${demo.operationId}): ${fields.join(' ')}${demo.note ? `  (${demo.note})` : ''}`);
    }
  }
  lines.push('', 'Ctrl-C stops.');
  return lines.join('\n');
}
