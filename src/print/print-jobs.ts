import type { DocumentView, IssueView, SiteData } from "../model/site-model.ts";
import { pdfPath, printUrl } from "./paths.ts";
import { EditorError } from "../i18n/index.ts";
import { runningHead, runningHeadCss } from "./running-head.ts";

/** One PDF to make: which print view, where to write it, and its metadata. */
export interface PrintTask {
  /** Print view path, e.g. `/print/2019-02/`. */
  view: string;
  /** Output path relative to the site folder, e.g. `pdf/2019-02.pdf`. */
  file: string;
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  lang: string;
  /** `YYYY-MM-DD`: the issue's 出版日期, else the latest 成文日期 of its documents. */
  date: string;
  /** The PDF of a whole gazette issue (not of one document): it gets a press PDF with `--press`. */
  issue?: true;
  /** The view ends with a back cover (padding pages go before it). */
  backCover?: boolean;
  /** CSS for the PDF only: the running head of inner pages (see runningHeadCss). */
  css?: string;
}

/** Options of {@link printTasks}. */
export interface PrintTaskOptions {
  /** Only this gazette issue, by key `YYYY-NN` (e.g. `2019-02`). */
  issue?: string;
  /** One PDF per document too. */
  documents?: boolean;
}

/**
 * Lists the PDFs to make from the site data: one per gazette issue (`pdf/<YYYY-NN>.pdf`) and,
 * with `documents`, one per listed document (`pdf/<YYYY-NN>/<slug>.pdf`). Withheld and draft
 * documents are not in the site data, so never printed; on-request ones print metadata and notice.
 * @throws Error naming the known issues when `issue` is not one of them.
 */
export function printTasks(site: SiteData, options: PrintTaskOptions = {}): PrintTask[] {
  const issues = options.issue ? site.issues.filter((i) => i.key === options.issue) : site.issues;
  if (options.issue && issues.length === 0) {
    const known = site.issues.map((i) => i.key);
    throw new EditorError({ zh: `--issue ${options.issue}：没有这一期；可用的有 ${known.join("、") || "（无）"}（issues/ 下的文件夹名）`, en: `--issue ${options.issue}: no such gazette issue — use one of ${known.join(", ") || "(none)"} (folder names under issues/)` });
  }
  const lang = site.settings.lang;
  const tasks: PrintTask[] = [];
  for (const issue of issues) {
    const date = issueDate(issue);
    tasks.push({
      view: printUrl(issue),
      file: pdfPath(issue),
      title: `${issue.gazette}${issue.label}`,
      author: issue.publisher,
      subject: `${issue.gazette} ${issue.year}年第${issue.number}期（${issue.frequency}）`,
      keywords: [issue.gazette, `${issue.year}年第${issue.number}期`, ...issue.sections.map((s) => s.name)],
      lang,
      date,
      issue: true,
      backCover: Boolean(site.settings.print?.editorial?.length),
      css: runningHeadCss(runningHead(issue)),
    });
    if (!options.documents) continue;
    for (const doc of issue.documents) tasks.push(documentTask(doc, issue, lang));
  }
  return tasks;
}

function documentTask(doc: DocumentView, issue: IssueView, lang: string): PrintTask {
  return {
    view: printUrl(doc),
    file: pdfPath(doc),
    title: doc.title,
    author: doc.issuers.join("、"),
    subject: [doc.docNumbers.join("、"), `${issue.gazette}${issue.label}`].filter(Boolean).join(" "),
    keywords: [...doc.docNumbers, doc.section],
    lang,
    date: doc.date ?? issueDate(issue),
    css: runningHeadCss(runningHead(issue)),
  };
}

function issueDate(issue: IssueView): string {
  if (issue.published) return issue.published;
  const dates = issue.documents.map((d) => d.date).filter((d): d is string => d !== undefined);
  return dates.sort().at(-1) ?? `${issue.year}-01-01`;
}
