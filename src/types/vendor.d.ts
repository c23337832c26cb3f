declare module "markdown-it-cjk-breaks" {
  import type MarkdownIt from "markdown-it";
  const plugin: (md: MarkdownIt) => void;
  export default plugin;
}

declare module "@11ty/eleventy-plugin-rss" {
  import type { UserConfig } from "@11ty/eleventy";
  /** Adds the `dateToRfc3339`, `dateToRfc822`, `absoluteUrl` and `htmlToAbsoluteUrls` filters. */
  export function rssPlugin(config: UserConfig, options?: Record<string, unknown>): void;
  /** RFC 3339 date-time in UTC without milliseconds, e.g. `2019-04-10T00:00:00Z`. */
  export function dateToRfc3339(date: Date): string;
  export default rssPlugin;
}

declare module "nunjucks" {
  /** The subset of Nunjucks 3 the print views use (Eleventy's own template engine; no types shipped). */
  class FileSystemLoader {
    constructor(searchPaths: string | string[], options?: { watch?: boolean; noCache?: boolean });
  }
  class Environment {
    constructor(loader: FileSystemLoader, options?: { autoescape?: boolean; throwOnUndefined?: boolean });
    addFilter(name: string, fn: (...args: never[]) => unknown): this;
    render(name: string, context: Record<string, unknown>): string;
  }
  const nunjucks: { Environment: typeof Environment; FileSystemLoader: typeof FileSystemLoader };
  export { Environment, FileSystemLoader };
  export default nunjucks;
}
