import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type Eleventy from "@11ty/eleventy";

/** Address the preview server listens on unless `npm start -- --host` says otherwise: this machine only. */
export const DEFAULT_HOST = "127.0.0.1";

type Next = () => unknown;

/** Names of this machine's loopback interface. */
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[?::1\]?)$/;

/**
 * Middleware of the preview server (Eleventy Dev Server `middleware` option) that answers every
 * request with a status code instead of letting the server crash: a path that is not valid
 * percent-encoding (`/%E0%A4%A`) or that leads out of the output folder once decoded
 * (`/%2e%2e%2f`, `/..%5c`, a NUL byte) gets 400; an error of the server on any other path gets
 * 500. While the server listens on the loopback address only, a request naming another host
 * (`Host:` header, as in a DNS-rebinding attack from a web page) gets 403. Eleventy Dev Server 2.1 throws `Invalid path` (and `URIError`) from its request handler
 * for such paths, which ends the process.
 */
export function safePathMiddleware(req: IncomingMessage, res: ServerResponse, next: Next): void {
  const refuse = (status: number, text: string) => {
    res.statusCode = status;
    res.setHeader("Content-Type", "text/plain; charset=utf-8");
    res.end(text);
  };
  // DNS rebinding: a web page of another site that resolves its own name to 127.0.0.1 gets nothing.
  const hostHeader = (req.headers.host ?? "").replace(/:\d+$/, "").toLowerCase();
  if (LOOPBACK.test(boundHost) && !LOOPBACK.test(hostHeader)) return refuse(403, "403 此预览只接受本机地址（127.0.0.1 或 localhost）的请求");
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost/").pathname);
  } catch (err) {
    return refuse(400, `400 请求的地址无效（${err instanceof Error ? err.name : "URIError"}）`);
  }
  if (pathname.includes("\0") || pathname.split(/[\\/]/).includes("..")) return refuse(400, "400 请求的地址无效：不能访问输出文件夹以外的文件");
  try {
    const result = next();
    if (result instanceof Promise) result.catch((err: unknown) => refuse(500, `500 预览服务器出错：${err instanceof Error ? err.message : String(err)}`));
  } catch (err) {
    refuse(500, `500 预览服务器出错：${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The dev server class's listen step, replaced once per process (see {@link listenOnHost}). */
interface DevServer {
  server: { listen(options: { port: number; host: string }): void; address(): AddressInfo | string | null };
  _serverListen(port: number): void;
}

let boundHost = DEFAULT_HOST;

/**
 * Makes Eleventy's dev server listen on `host` (default {@link DEFAULT_HOST}) instead of on every
 * interface. Eleventy Dev Server 2.1 has no host option (11ty/dev-server issue #128: it calls
 * `server.listen({ port })`), so its `_serverListen(port)` step is replaced on the class, which
 * also covers the next-free-port retries and a server Eleventy restarts. Call after
 * `eleventy.init()`, before `eleventy.serve()`. Tested: the server's socket address is `host`.
 */
export async function listenOnHost(eleventy: Eleventy, host = DEFAULT_HOST): Promise<void> {
  boundHost = host;
  const serve = eleventy.eleventyServe as unknown as { init(): Promise<void>; initServerInstance(): Promise<void>; server: DevServer };
  await serve.init();
  await serve.initServerInstance();
  const proto = Object.getPrototypeOf(serve.server) as DevServer;
  if (typeof proto._serverListen !== "function") throw new Error("Eleventy Dev Server has no _serverListen step any more: check listenOnHost against its new version");
  proto._serverListen = function (this: DevServer, port: number) {
    this.server.listen({ port, host: boundHost });
  };
}

/** The URL the dev server really listens at, e.g. `http://127.0.0.1:8080/` (IPv6 in brackets). */
export function servedUrl(eleventy: Eleventy): string {
  const address = (eleventy.eleventyServe as unknown as { server: DevServer }).server.server.address();
  if (!address || typeof address === "string") throw new Error("the preview server does not listen");
  const host = address.family === "IPv6" || address.address.includes(":") ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}/`;
}
