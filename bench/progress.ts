/**
 * Progress on stderr, so that the table on stdout stays clean: a line per
 * step, and during long work a line every 15 s saying it is still going.
 */
export function step(message: string): void {
  console.error(`bench: ${message}`);
}

export async function during<T>(message: string, work: Promise<T> | (() => Promise<T>)): Promise<T> {
  const started = Date.now();
  step(`${message} …`);
  const timer = setInterval(() => step(`  … ${message}: ${((Date.now() - started) / 1000).toFixed(0)} s`), 15_000);
  try {
    return await (typeof work === 'function' ? work() : work);
  } finally {
    clearInterval(timer);
  }
}
