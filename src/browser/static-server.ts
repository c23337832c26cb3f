import { createServer, type Server } from "node:http";
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
 */
export async function serveStatic(dir: string, prefix = "/"): Promise<StaticServer> {
  const handler = sirv(dir, { dev: true, etag: false, extensions: ["html"] });
  const server: Server = createServer((req, res) => {
    const url = req.url ?? "/";
    if (prefix !== "/" && !url.startsWith(prefix)) {
      res.statusCode = 404;
      res.end("not found");
      return;
    }
    req.url = prefix === "/" ? url : url.slice(prefix.length - 1);
    handler(req, res, () => {
      res.statusCode = 404;
      res.end("not found");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
