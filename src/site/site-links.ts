/**
 * How the site's URLs are written in each output: HTML pages use root-relative paths (Eleventy's
 * HtmlBasePlugin adds the path prefix there), while feeds, data exports and the sitemap are not
 * HTML, so they get the prefix (and, when the archive's `url` is set, the host) from here.
 */
import { EditorError } from "../i18n/index.ts";
import type { SiteLinks } from "../model/site-model.ts";

export type { SiteLinks };

/**
 * Normalises a path prefix: `gazette`, `/gazette` and `/gazette/` all give `/gazette/`;
 * empty or undefined gives `/`.
 * @throws Error when the prefix holds a scheme, a query or a fragment (it must be a path only).
 */
export function normalizePathPrefix(prefix: string | undefined): string {
  const p = (prefix ?? "").trim();
  if (/[?#]|:\/\//.test(p)) throw new EditorError({ zh: `--path-prefix 应为网址路径，如 /gazette/，现为“${p}”`, en: `path prefix must be a URL path like /gazette/, got "${p}"` });
  const inner = p.split("/").filter(Boolean).join("/");
  return inner ? `/${inner}/` : "/";
}

/**
 * Builds the {@link SiteLinks} of a build.
 * @param baseUrl the archive's public URL (`url` in archive.yml), e.g. `https://example.gov.cn/gazette/`.
 *   It already names the folder the site lives in, so absolute URLs are `baseUrl` + site path,
 *   whatever the path prefix (set both to the same folder when the site lives in a sub-path).
 * @param pathPrefix Eleventy's path prefix (`--path-prefix`), default `/`.
 * @example siteLinks(undefined, "/gazette/").href("/2019/2/") // "/gazette/2019/2/"
 */
export function siteLinks(baseUrl: string | undefined, pathPrefix: string | undefined): SiteLinks {
  const prefix = normalizePathPrefix(pathPrefix);
  const base = baseUrl ? (baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`) : undefined;
  const strip = (sitePath: string) => sitePath.replace(/^\/+/, "");
  const href = (sitePath: string) => prefix + strip(sitePath);
  const absolute = (sitePath: string) => (base ? new URL(strip(sitePath), base).href : undefined);
  return {
    pathPrefix: prefix,
    ...(base ? { baseUrl: base } : {}),
    href,
    absolute,
    best: (sitePath) => absolute(sitePath) ?? href(sitePath),
  };
}
