/** `http://localhost:4010` and `http://127.0.0.1:4010` (what `pnpm start` listens on), and either host bare, in a sample become the test server's origin. */
export function withOrigin(code: string, origin: string): string {
  const host = new URL(origin).host;
  return code.replace(/(https?:\/\/)?(?:localhost|127\.0\.0\.1):4010/g, (_, scheme: string | undefined) => (scheme ? origin : host));
}
