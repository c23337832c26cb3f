import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { describeRevision, readVersion, type DocumentVersion } from "./describe-revision.ts";

const run = promisify(execFile);

/** One public revision of a document: what changed, in Chinese, and when. */
export interface HistoryEntry {
  /** Commit date (committer date) as a calendar date `YYYY-MM-DD`, in the commit's own zone. */
  date: string;
  /**
   * What changed, described from the change itself (`更正发文字号；正文修改3处`), followed by the
   * editor's own words when the commit message has a `修订说明:` trailer. Never a commit subject.
   */
  description: string;
}

/** The public history of one document file. */
export interface FileHistory {
  /** Date of the first commit in which the document was published (public or on-request). */
  added: string;
  /** Its revisions while published, oldest first (the publication itself is not one). */
  revisions: HistoryEntry[];
}

/** The change history of a content folder, from git. */
export type ArchiveHistory =
  | { available: true; /** Document path relative to the content folder (POSIX) → its public history. */ files: Map<string, FileHistory> }
  | { available: false; /** Why, e.g. `not a git checkout`. */ reason: string };

/** One commit of the content folder and the files it touched. */
export interface LogCommit {
  commit: string;
  date: string;
  /** The editor's words of a `修订说明:` (or `修订说明：`) trailer line, or "". */
  note: string;
  changes: { status: string; path: string; from?: string }[];
}

const RECORD = "\x1e";
const FIELD = "\x1f";
/** `git log` format: a record mark, then hash, committer date and the whole message, each ended by a unit mark. */
export const HISTORY_LOG_FORMAT = `${RECORD}%H${FIELD}%cs${FIELD}%B${FIELD}`;

/**
 * Parses `git log --format=HISTORY_LOG_FORMAT --name-status -M` (newest commit first).
 * @example parseGitLog("\x1eabc\x1f2019-05-01\x1fAdd\n\x1f\nA\t2019-02/a.md\n")[0].changes // [{ status: "A", path: "2019-02/a.md" }]
 */
export function parseGitLog(text: string): LogCommit[] {
  const commits: LogCommit[] = [];
  for (const record of text.split(RECORD)) {
    if (record.trim() === "") continue;
    const [commit, date, message, rest] = record.split(FIELD);
    if (!commit || !date) continue;
    const note = /^修订说明[:：]\s*(.+)$/m.exec(message ?? "")?.[1]?.trim() ?? "";
    const changes: LogCommit["changes"] = [];
    for (const line of (rest ?? "").split("\n")) {
      const [status, a, b] = line.split("\t");
      if (!status || !a) continue;
      changes.push(b === undefined ? { status: status[0]!, path: a } : { status: status[0]!, path: b, from: a });
    }
    commits.push({ commit, date, note, changes });
  }
  return commits;
}

/** The versions of each document file that exists now, oldest first: it follows renames and ends (going back) where the file was added. */
export function documentVersions(commits: readonly LogCommit[]): Map<string, { commit: string; date: string; note: string; path: string }[]> {
  const tracked = new Map<string, string>(); // name at this point of the walk → current path
  const seen = new Set<string>();
  const out = new Map<string, { commit: string; date: string; note: string; path: string }[]>();
  for (const c of commits) {
    for (const ch of c.changes) {
      if (!ch.path.endsWith(".md")) continue;
      if (!seen.has(ch.path)) {
        seen.add(ch.path);
        if (ch.status !== "D") tracked.set(ch.path, ch.path);
      }
      const key = tracked.get(ch.path);
      if (key === undefined) continue;
      if (ch.status === "D") {
        tracked.delete(ch.path); // deleted before it was added again: the older file is another document
        continue;
      }
      const list = out.get(key) ?? [];
      list.push({ commit: c.commit, date: c.date, note: c.note, path: ch.path });
      out.set(key, list);
      tracked.delete(ch.path);
      if (ch.status === "R" && ch.from) {
        tracked.set(ch.from, key);
        seen.add(ch.from);
      }
      // "A" (or "C"): the document starts here; an older file of that name is another document.
      if (ch.status === "M" || ch.status === "T") tracked.set(ch.path, key);
    }
  }
  for (const list of out.values()) list.reverse();
  return out;
}

/**
 * The public history of one document from its versions, oldest first: only versions in which it
 * was published (public or on-request) count, so nothing of a withheld or draft state shows; each
 * pair of consecutive published versions that differs in the record gives one revision
 * (`describeRevision`); versions that only move or re-lay the file give none.
 * @returns null when the document was never published.
 */
export function publicHistory(versions: readonly { date: string; note: string; version: DocumentVersion }[]): FileHistory | null {
  const published = versions.filter((v) => v.version.publication === "public" || v.version.publication === "on-request");
  if (published.length === 0) return null;
  const revisions: HistoryEntry[] = [];
  for (let i = 1; i < published.length; i++) {
    const words = describeRevision(published[i - 1]!.version, published[i]!.version);
    if (words === "") continue;
    const note = published[i]!.note;
    revisions.push({ date: published[i]!.date, description: note ? `${words}（修订说明：${note}）` : words });
  }
  return { added: published[0]!.date, revisions };
}

/**
 * Reads the public history of every document under `contentDir` with one `git log` run and one
 * `git cat-file --batch` run for the texts of the versions (not one process per file: archives
 * hold tens of thousands of documents). Paths are relative to `contentDir`. A shallow clone gives
 * only the commits it holds.
 * @returns `{ available: false, reason }` when `contentDir` is not in a git checkout, git is
 *   not installed or git refuses with a `fatal:` message (e.g. dubious ownership): the build goes
 *   on, the pages say 修订记录不可用 and `data/history.json` gives the reason.
 * @throws Error when git runs but fails for another reason (e.g. a damaged repository).
 */
export async function readGitHistory(contentDir: string): Promise<ArchiveHistory> {
  const env = { ...process.env, LC_ALL: "C", GIT_PAGER: "cat" };
  let log: string;
  let prefix: string;
  try {
    prefix = (await run("git", ["rev-parse", "--show-prefix"], { cwd: contentDir, env })).stdout.trim();
    log = (await run("git", ["-c", "core.quotepath=false", "log", `--format=${HISTORY_LOG_FORMAT}`, "--name-status", "-M", "--relative", "--", "."], { cwd: contentDir, maxBuffer: 512 * 1024 * 1024, env })).stdout;
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
  const versions = documentVersions(parseGitLog(log));
  const files = new Map<string, FileHistory>();
  // A document committed once has no revision: its texts are not read (most of an archive). Its
  // 收录 date is that commit's; the site lists it only if it is published now.
  for (const [file, list] of versions) if (list.length === 1) files.set(file, { added: list[0]!.date, revisions: [] });
  const wanted = [...versions.values()].filter((l) => l.length > 1).flat().map((v) => `${v.commit}:${prefix}${v.path}`);
  const texts = await readBlobs(contentDir, [...new Set(wanted)]);
  for (const [file, list] of versions) {
    if (list.length === 1) continue;
    const history = publicHistory(list.map((v) => ({ date: v.date, note: v.note, version: readVersion(texts.get(`${v.commit}:${prefix}${v.path}`) ?? "") })));
    if (history) files.set(file, history);
  }
  return { available: true, files };
}

/** The texts of `objects` (`<commit>:<path>`) from one `git cat-file --batch` run. */
async function readBlobs(cwd: string, objects: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (objects.length === 0) return out;
  const child = spawn("git", ["cat-file", "--batch"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
  const chunks: Buffer[] = [];
  child.stdout.on("data", (b: Buffer) => chunks.push(b));
  let stderr = "";
  child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
  const done = new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  child.stdin.end(objects.join("\n") + "\n");
  const code = await done;
  if (code !== 0) throw new Error(`git cat-file failed in ${cwd}: ${stderr.trim()}`);
  const data = Buffer.concat(chunks);
  let at = 0;
  for (const name of objects) {
    const end = data.indexOf(10, at);
    const header = data.subarray(at, end).toString();
    at = end + 1;
    const size = /^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1];
    if (size === undefined) continue; // "<name> missing": not in this (shallow) clone
    out.set(name, data.subarray(at, at + Number(size)).toString("utf8"));
    at += Number(size) + 1;
  }
  return out;
}
