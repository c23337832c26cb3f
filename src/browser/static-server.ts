import { createReadStream } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import sirv from "sirv";

/** A static file server on loopback; `url` ends without a slash, e.g. `http://127.0.0.1:40123`. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built site folder on 127.0.0.1 at a free port, as a static host would (sirv, no
 * caching, `404.html` for missing pages). Used by the browser tests and benchmarks.
 * @param prefix URL path the site is mounted under, e.g. `/gazette/` (default `/`).
 * @param headers extra response headers for every response, e.g. a `Content-Security-Policy`.
 * @param port port to listen at (default 0: a free one); `npm run preview` gives 8080.
 * @throws the server's `listen` error (e.g. EADDRINUSE) when the port is taken.
 */
export async function serveStatic(dir: string, prefix = "/", headers: Record<string, string> = {}, port = 0): Promise<StaticServer> {
  const handler = sirv(dir, { dev: true, etag: false, extensions: ["html"] });
  const server: Server = createServer((req, res) => {
    const url = req.url ?? "/";
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (prefix !== "/" && !url.startsWith(prefix)) {
      res.statusCode = 404;
      res.end("not found");
      return;
    }
    req.url = prefix === "/" ? url : url.slice(prefix.length - 1);
    handler(req, res, () => {
      res.statusCode = 404;
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      createReadStream(path.join(dir, "404.html")).on("error", () => res.end("not found")).pipe(res);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
