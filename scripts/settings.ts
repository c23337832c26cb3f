/**
 * The settings the command-line scripts take from the environment, read here and only here, and
 * passed on to `src/` as typed options:
 * - `GAZETTE_AS_OF`: calendar date `YYYY-MM-DD` that 有效性 is computed for (default today in Asia/Shanghai);
 * - `GAZETTE_PATH_PREFIX`: URL path the site is served under (a `--path-prefix` option wins);
 * - `GAZETTE_SEARCH_SHARD_DOCUMENTS`: most documents in one search shard (`all` for one shard);
 * - `CHROMIUM_PATH`: Chromium executable for PDFs and audits (default Debian's `/usr/bin/chromium-headless-shell`, else `/usr/bin/chromium`).
 */
import { shardDocumentsFromEnv } from "../src/search/index.ts";

export interface EnvSettings {
  asOf?: string;
  pathPrefix?: string;
  shardDocuments?: number;
  chromiumPath?: string;
}

/** Reads {@link EnvSettings} from `env`; a variable that is unset or empty gives no setting. */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): EnvSettings {
  return {
    ...(env.GAZETTE_AS_OF ? { asOf: env.GAZETTE_AS_OF } : {}),
    ...(env.GAZETTE_PATH_PREFIX ? { pathPrefix: env.GAZETTE_PATH_PREFIX } : {}),
    ...(env.GAZETTE_SEARCH_SHARD_DOCUMENTS ? { shardDocuments: shardDocumentsFromEnv(env.GAZETTE_SEARCH_SHARD_DOCUMENTS) } : {}),
    ...(env.CHROMIUM_PATH ? { chromiumPath: env.CHROMIUM_PATH } : {}),
  };
}
