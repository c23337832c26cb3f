import type { ArchiveSettings } from "../../src/content/schema.ts";
import type { DocumentView, IssueView } from "../../src/model/site-model.ts";

/** Site settings of the unit tests. */
export const SETTINGS: ArchiveSettings = { title: "测试市人民政府公报", publisher: "测试市人民政府办公室", lang: "zh-CN" };

/** A document view with `overrides`, in gazette issue 2019-01 unless the issue is overridden. */
export function docView(overrides: Partial<DocumentView> = {}): DocumentView {
  return {
    slug: "csf-2019-1",
    url: "/2019/1/csf-2019-1/",
    title: "测试市人民政府关于印发2019年工作要点的通知",
    docNumbers: ["测政发〔2019〕1号"],
    issuers: ["测试市人民政府"],
    date: "2019-01-10",
    dateLabel: "2019年1月10日",
    sortKeys: { newest: "2019-01-10", oldest: "2019-01-10" },
    docType: "通知",
    series: ["测政发", "测政发〔2019〕"],
    year: 2019,
    publication: "public",
    publicationLabel: "主动公开",
    textPublished: true,
    section: "市政府文件",
    page: 1,
    issue: { key: "2019-01", url: "/2019/1/", label: "2019年第1期", gazette: "测试市人民政府公报", year: 2019, number: 1 },
    html: "<p>正文。</p>",
    outline: [],
    validity: { status: "unknown", label: "未标注", reason: "未标注有效期或废止、修改信息", legalForce: null },
    citations: [],
    basis: [],
    citedBy: [],
    amendedBy: [],
    repeals: [],
    amends: [],
    history: { available: false, changes: [] },
    printTitle: { html: "测试市人民政府关于印发2019年工作要点的通知", tocLines: ["测试市人民政府关于印发2019年工作要点的通知"] },
    ...overrides,
  };
}

/** An issue view holding `documents`. */
export function issueView(documents: DocumentView[], overrides: Partial<IssueView> = {}): IssueView {
  return {
    key: "2019-01",
    url: "/2019/1/",
    label: "2019年第1期",
    gazette: "测试市人民政府公报",
    year: 2019,
    number: 1,
    frequency: "季刊",
    publisher: "测试市人民政府办公室",
    sections: [{ name: "市政府文件", documents }],
    documents,
    ...overrides,
  };
}
