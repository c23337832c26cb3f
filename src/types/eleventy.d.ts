/** The subset of Eleventy 3's API this project uses (Eleventy ships no TypeScript types). */
declare module "@11ty/eleventy" {
  export interface EleventyDirectories {
    input: string;
    output: string;
    includes: string;
    layouts?: string;
  }
  export interface EleventyEventArgs {
    directories: EleventyDirectories;
    runMode: "build" | "watch" | "serve";
    outputMode: string;
  }
  export interface UserConfig {
    directories: EleventyDirectories;
    pathPrefix: string;
    addPlugin<O>(plugin: (config: UserConfig, options: O) => void | Promise<void>, options?: O): void;
    addPlugin(plugin: unknown, options?: unknown): void;
    addGlobalData(name: string, data: unknown): void;
    addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
    addFilter(name: string, fn: (...args: never[]) => unknown): void;
    addWatchTarget(target: string): void;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    setTemplateFormats(formats: string[]): void;
    setIncludesDirectory(dir: string): void;
    setLayoutsDirectory(dir: string): void;
    setServerOptions(options: Record<string, unknown>): void;
    setWatchThrottleWaitTime(ms: number): void;
    ignores: { add(glob: string): void };
    on(event: "eleventy.before" | "eleventy.after", fn: (args: EleventyEventArgs) => unknown): void;
  }
  export interface EleventyOptions {
    /** Config file; `false` reads none (the settings then come from `config`). */
    configPath?: string | false;
    quietMode?: boolean;
    pathPrefix?: string;
    runMode?: string;
    config?: (config: UserConfig) => void;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    init(): Promise<void>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
    write(): Promise<unknown>;
    toJSON(): Promise<{ url: string | false; inputPath: string; outputPath: string | false; content: string }[]>;
    setIsVerbose(verbose: boolean): void;
    /** Turns off all of Eleventy's console output (its error log prints stack traces). */
    disableLogger(): void;
    /** Logs build errors; `npm start` replaces its methods to print our own message (no stack). */
    errorHandler: {
      once(type: string, err: unknown, message?: string): void;
      error(err: unknown, message?: string): void;
      fatal(err: unknown, message?: string): void;
      warn(err: unknown, message?: string): void;
    };
    /** The dev server wrapper (after `serve`): Eleventy Dev Server 2.0.7+. */
    eleventyServe: {
      /** Tells the browsers to reload (`{}`: a full page reload). */
      reload(event: Record<string, unknown>): Promise<void>;
      /** Sends a build error to the browsers (they only log it). */
      sendError(event: { error: unknown }): void;
      server: {
        /** Resolves once the server listens (it moves to the next port when the one asked for is taken). */
        ready(): Promise<void>;
        /** The URL it really listens at, e.g. `http://localhost:8081/`. */
        getServerUrl(host: string): string;
      };
      close(): Promise<void>;
    };
  }
  /** Eleventy's HTML base plugin (`addPlugin`), with its helper for one URL. */
  export const HtmlBasePlugin: {
    /** Adds the path prefix `base` (e.g. `/gazette/`) to a site URL (`/…`); full URLs stay as they are. */
    applyBaseToUrl(url: string, base: string, options?: { pathPrefix?: string; pageUrl?: string }): string;
  };
}
