import { createServer } from "node:net";

/** A free TCP port on 127.0.0.1 (the address the preview servers listen on). */
export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/**
 * Polls `check` every 200 ms until it returns true, for at most `ms` (a check that throws counts
 * as false).
 * @throws Error "timed out waiting for <what>" when the time is up.
 */
export async function waitFor(what: string, check: () => Promise<boolean>, ms = 90_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}
