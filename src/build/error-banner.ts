import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { ContentError, findingText, sortFindings, type Finding } from "../content/finding.ts";
import { say } from "../i18n/index.ts";
import { explainError } from "./explain-error.ts";

/** One line of the banner: where, what, how to fix (a build error without a file has only `message`). */
export interface BannerItem {
  where: string;
  severity: "error" | "warning";
  message: string;
  fix: string;
}

/**
 * The error banner of `npm start`: while the content (or a template) has errors, every HTML page
 * the development server sends carries, right after `<body…>`, a banner listing them
 * (`file:line`, message, fix). The built files are not touched: the banner is added to the
 * response, as the server adds its live-reload script. Cleared once a build succeeds.
 */
export class ErrorBanner {
  #items: BannerItem[] = [];

  /** The items shown now (empty when the content has no error). */
  get items(): readonly BannerItem[] {
    return this.#items;
  }

  /** Shows the error findings of a check (warnings are left to the terminal), by file, line and column. */
  showFindings(findings: readonly Finding[]): void {
    this.#items = sortFindings(findings)
      .filter((f) => f.severity === "error")
      .map((f) => ({ where: `${f.file}:${f.line}:${f.column}`, severity: f.severity, ...findingText(f) }));
  }

  /** Shows what a failed build threw: a ContentError's findings, else the explained error. */
  showError(err: unknown): void {
    for (let e: unknown = err, depth = 0; e && depth < 10; depth++) {
      if (e instanceof ContentError) return this.showFindings(e.findings);
      e = (e as { originalError?: unknown; cause?: unknown }).originalError ?? (e as { cause?: unknown }).cause;
    }
    this.#items = [{ where: "", severity: "error", message: explainError(err), fix: "" }];
  }

  clear(): void {
    this.#items = [];
  }

  /** The banner's HTML (escaped), or "" when there is nothing to show. */
  html(): string {
    if (this.#items.length === 0) return "";
    const title = say({ zh: `内容有 ${this.#items.length} 处错误，网站没有更新（下面显示的是上次成功生成的页面）`, en: `The content has ${this.#items.length} error${this.#items.length === 1 ? "" : "s"}; the site was not updated (this is the last good page)` });
    const after = say({ zh: "改正并保存后，本提示自动消失。", en: "Fix and save: this banner disappears by itself." });
    return `<section id="gazette-error-banner" role="alert" lang="${say({ zh: "zh-CN", en: "en" })}"><link rel="stylesheet" href="/.gazette-dev/banner.css"><h2>${escapeHtml(title)}</h2>${this.#list()}<p>${escapeHtml(after)}</p></section>`;
  }

  /**
   * The page served instead of a page that was never built, listing the same errors as the
   * banner. `siteBuilt` false (a fresh clone whose content has errors): the site is not generated
   * yet. `siteBuilt` true (a good build before, then an edit with errors, e.g. a new issue whose
   * pages do not exist yet): only this page is not generated yet, with a link to the home page.
   */
  errorPage(siteBuilt = false): string {
    const lang = say({ zh: "zh-CN", en: "en" });
    const n = this.#items.length;
    const title = siteBuilt
      ? say({ zh: `这一页还没有生成：内容有 ${n} 处错误`, en: `This page is not built yet: the content has ${n} error${n === 1 ? "" : "s"}` })
      : say({ zh: `内容有 ${n} 处错误，网站还没有生成`, en: `The content has ${n} error${n === 1 ? "" : "s"}; the site was not built yet` });
    const after = siteBuilt
      ? say({ zh: "网站的其他页面照常显示上次生成的版本；改正上面列出的错误并保存后，这一页会生成并自动显示。如果错误改完后这里仍找不到页面，请检查地址是否输错（例如期号写成 /2025/1/，不是 /2025/01/）。", en: "The other pages show the last good build; fix the errors above and save: this page is then built and shows by itself. If it is still not found once the errors are fixed, check the address for a typo." })
      : say({ zh: "逐条改正并保存后，这里会自动显示网站。", en: "Fix each and save: the site then shows here by itself." });
    const home = siteBuilt ? `<p><a href="/">${escapeHtml(say({ zh: "回到首页", en: "Back to the home page" }))}</a></p>` : "";
    return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><link rel="stylesheet" href="/.gazette-dev/banner.css"></head><body><main id="gazette-error-banner" role="alert"><h1>${escapeHtml(title)}</h1>${this.#list()}<p>${escapeHtml(after)}</p>${home}</main></body></html>`;
  }

  /** One row an item: `file:line:column — what — 修改方法：how to fix`. */
  #list(): string {
    const dash = " — ";
    const rows = this.#items
      .map((i) => `<li>${i.where ? `<code>${escapeHtml(i.where)}</code>${dash}` : ""}${escapeHtml(i.message)}${i.fix ? `${dash}<strong>${escapeHtml(say({ zh: "修改方法：", en: "fix: " }))}</strong>${escapeHtml(i.fix)}` : ""}</li>`)
      .join("");
    return `<ol>${rows}</ol>`;
  }

  /**
   * Connect-style middleware for Eleventy's development server (`setServerOptions({ middleware })`):
   * serves the banner's stylesheet, and while there are errors sends HTML pages of `outputDir`
   * with the banner, and the error page (status 503) for a page address with no page built (see
   * `errorPage`: the site, or only this page, is not generated yet);
   * otherwise passes the request on.
   */
  middleware(outputDir: string): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
    return (req, res, next) => {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (url.pathname === "/.gazette-dev/banner.css") {
        res.setHeader("Content-Type", "text/css; charset=utf-8");
        res.end(BANNER_CSS);
        return;
      }
      if (this.#items.length === 0 || (req.method !== "GET" && req.method !== "HEAD")) return next();
      this.#pageWithBanner(outputDir, url.pathname).then((page) => {
        if (page === null) return next();
        res.statusCode = page.status;
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.end(page.html);
      }, () => next());
    };
  }

  async #pageWithBanner(outputDir: string, pathname: string): Promise<{ status: number; html: string } | null> {
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return null; // A malformed address: the server answers it.
    }
    if (!rel.endsWith("/") && !rel.endsWith(".html")) return null;
    const file = path.join(outputDir, rel.endsWith("/") ? `${rel}index.html` : rel);
    if (!file.startsWith(path.resolve(outputDir) + path.sep)) return null;
    // A page never built (nothing to show with the banner): the error page instead of a 404,
    // saying whether the whole site or only this page is missing.
    const isFile = async (f: string) => (await stat(f).catch(() => null))?.isFile() === true;
    if (!(await isFile(file))) return { status: 503, html: this.errorPage(await isFile(path.join(outputDir, "index.html"))) };
    const page = await readFile(file, "utf8");
    const body = /<body[^>]*>/i.exec(page);
    const banner = this.html();
    return { status: 200, html: body ? page.slice(0, body.index + body[0].length) + banner + page.slice(body.index + body[0].length) : banner + page };
  }
}

const BANNER_CSS = `#gazette-error-banner{position:sticky;top:0;z-index:1000;margin:0;padding:.75rem 1rem;background:#fff4f4;color:#5c0000;border-bottom:4px solid #b00;font:15px/1.6 system-ui,sans-serif;max-height:50vh;overflow:auto}
#gazette-error-banner h2,#gazette-error-banner h1{font-size:1.05rem;margin:0 0 .4rem}main#gazette-error-banner{position:static;max-height:none;border:0}#gazette-error-banner ol{margin:0;padding-left:1.5rem}#gazette-error-banner code{background:#fff;padding:0 .2rem}#gazette-error-banner p{margin:.4rem 0 0}`;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A logger for Eleventy's development server (`setServerOptions({ logger })`): its notices
 * (“Server at …”) are left out, `npm start` prints its own address line; its errors are said in
 * the message language.
 */
export function devServerLogger(): { info(m: string): void; log(m: string): void; warn(m: string): void; error(m: string): void } {
  const explain = (m: string) => {
    const missing = /^HTTP (\d+): Template not found in output directory \([^)]*\): (.*)$/.exec(m);
    if (missing) return say({ zh: `找不到页面 ${missing[2]}（HTTP ${missing[1]}）`, en: m });
    const port = /Port in use (\d+)/.exec(m);
    if (port) return say({ zh: `端口 ${port[1]} 已被占用`, en: m });
    return say({ zh: `预览服务器出错（技术细节：${m}）`, en: m });
  };
  return { info: () => {}, log: () => {}, warn: (m) => console.warn(explain(m)), error: (m) => console.error(explain(m)) };
}
