import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** One commit that changed a content file. */
export interface HistoryEntry {
  /** Full commit hash. */
  commit: string;
  /** Commit date (committer date) as a calendar date `YYYY-MM-DD`, in the commit's own zone. */
  date: string;
  /** First line of the commit message. */
  message: string;
}

/** The change history of a content folder, from git. */
export type ArchiveHistory =
  | { available: true; /** File path relative to the content folder (POSIX) → its commits, oldest first. */ files: Map<string, HistoryEntry[]> }
  | { available: false; /** Why, e.g. `not a git checkout`. */ reason: string };

const RECORD = "\x1e";
const FIELD = "\x1f";
/** `git log` format: a record mark, then hash, committer date and subject separated by unit marks. */
export const HISTORY_LOG_FORMAT = `${RECORD}%H${FIELD}%cs${FIELD}%s`;

/**
 * Parses the output of `git log --format=HISTORY_LOG_FORMAT --name-only` (newest commit first)
 * into each file's history, oldest commit first.
 * @example parseGitLog("\x1eabc\x1f2019-05-01\x1fAdd\n\n2019-02/a.md\n").get("2019-02/a.md")
 */
export function parseGitLog(text: string): Map<string, HistoryEntry[]> {
  const files = new Map<string, HistoryEntry[]>();
  for (const record of text.split(RECORD)) {
    if (record.trim() === "") continue;
    const [head, ...names] = record.split("\n");
    const [commit, date, message] = head!.split(FIELD);
    if (!commit || !date) continue;
    for (const name of names) {
      if (name.trim() === "") continue;
      const list = files.get(name) ?? [];
      list.push({ commit, date, message: message ?? "" });
      files.set(name, list);
    }
  }
  for (const list of files.values()) list.reverse();
  return files;
}

/**
 * Reads the change history of every file under `contentDir` with ONE `git log` run (not one
 * process per file: archives hold tens of thousands of documents). Paths are relative to
 * `contentDir`. Renamed files start their history at the rename (no `--follow`), and a shallow
 * clone gives only the commits it holds.
 * @returns `{ available: false, reason }` when `contentDir` is not in a git checkout, git is
 *   not installed or git refuses with a `fatal:` message (e.g. dubious ownership): the build goes
 *   on, the pages say 修订记录不可用 and `data/history.json` gives the reason.
 * @throws Error when git runs but fails for another reason (e.g. a damaged repository).
 */
export async function readGitHistory(contentDir: string): Promise<ArchiveHistory> {
  try {
    const { stdout } = await run(
      "git",
      ["-c", "core.quotepath=false", "log", `--format=${HISTORY_LOG_FORMAT}`, "--name-only", "--relative", "--no-renames", "--", "."],
      { cwd: contentDir, maxBuffer: 512 * 1024 * 1024, env: { ...process.env, LC_ALL: "C", GIT_PAGER: "cat" } },
    );
    return { available: true, files: parseGitLog(stdout) };
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === "ENOENT") return { available: false, reason: "git is not installed" };
    if (/not a git repository/i.test(e.stderr ?? "")) return { available: false, reason: "not a git checkout" };
    if (/does not have any commits/i.test(e.stderr ?? "")) return { available: true, files: new Map() };
    // git's own refusals (exit 128: e.g. "detected dubious ownership" in a container run by another user).
    const fatal = /^fatal: (.*)$/m.exec(e.stderr ?? "");
    if (fatal) return { available: false, reason: `git refused: ${fatal[1]!.trim()}` };
    throw new Error(`git log failed in ${contentDir}: ${(e.stderr ?? e.message).trim()} — check the repository with git status, or build from a copy outside git`, { cause: err });
  }
}
