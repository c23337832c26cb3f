import { markHeadingLevels } from "./heading-level.ts";

/**
 * Marks up a document's rendered body for the GB/T 9704-2012 print layout, without changing any
 * text: heading levels ({@link markHeadingLevels}), the 附件说明 ({@link markAttachmentNotes}) and
 * forms ({@link markForms}).
 * @param html body HTML of a document page (`<div class="document__body">` content).
 */
export function markPrintBody(html: string): string {
  return markKeepWithNext(markTableSpace(markForms(markAttachmentNotes(markHeadingLevels(html)))));
}

/**
 * Gives every table a blank line inside its frame at the foot of each page it is on: a repeated
 * empty footer row (`<tfoot class="gbt-table-space">`). A table's rules lie in the leading between
 * its lines, half a leading (2.4 mm) outside the em boxes; on the 22nd line of a page that is
 * below the type area. With the footer row the table's last line on a page is at most the 21st,
 * so its rule stays inside (the type area ends at the em box of the 22nd line, §5.2.2), and at the
 * table's end the row is the blank line after it. A form ({@link markForms}) also gets a repeated
 * empty header row (`<thead class="gbt-table-space">`, its first field row moved into the body
 * as data cells),
 * which does the same at the top of each page; a table's own header row does it with its padding
 * (`src/theme/print-gbt9704.scss`). No text is changed.
 */
export function markTableSpace(html: string): string {
  return html.replace(/<table( class="gbt-form")?>([\s\S]*?)<\/table>/g, (_m, form: string | undefined, inner: string) => {
    const firstRow = inner.match(/<tr>([\s\S]*?)<\/tr>/)?.[1] ?? "";
    const columns = [...firstRow.matchAll(/<t[hd](?:\s[^>]*?colspan="(\d+)")?[^>]*>/g)].reduce((n, c) => n + Number(c[1] ?? 1), 0) || 1;
    const space = (tag: "thead" | "tfoot") => `<${tag} class="gbt-table-space"><tr><td colspan="${columns}"></td></tr></${tag}>`;
    // A form's first field row, from the header, as a data row: its cells are data (<td>), not headers.
    const body = form ? inner.replace(/<thead>([\s\S]*?)<\/thead>\s*<tbody>/, (_h, row: string) => `<tbody>${row.replace(/<(\/?)th\b/g, "<$1td")}`) : inner;
    return `<table${form ?? ""}>${form ? space("thead") : ""}${body}${space("tfoot")}</table>`;
  });
}

/**
 * Gives the class `gbt-keep` (kept on a page with the line after it) to paragraphs that head what
 * follows them: a date-and-number line such as `2019年3月4日　乳政任〔2019〕2号` in a personnel
 * list, and a short label ending in a colon such as `任命：`.
 */
export function markKeepWithNext(html: string): string {
  return html.replace(/<p>(\d{4}年\d{1,2}月\d{1,2}日[\s　]+[^<]{1,20}〔\d{4}〕\d+号<\/p>|[^<]{1,8}[：:]<\/p>)/g, '<p class="gbt-keep">$1');
}

/**
 * Gives the 附件说明 paragraphs — a paragraph that opens with `附件：` (§7.3.4; the renderer marks
 * it `doc-attachment-note`, see `attachmentLines`) — the class `gbt-attachment-note` instead: one
 * blank line above, each further name and a wrapped name aligned under the first name.
 * @example markAttachmentNotes("<p>附件：名单</p>") // '<p class="gbt-attachment-note">附件：名单</p>'
 */
export function markAttachmentNotes(html: string): string {
  return html.replace(/<p(?: class="doc-attachment-note")?>(附件[：:])/g, '<p class="gbt-attachment-note">$1');
}

/**
 * Marks a two-column table whose header row is really its first field (a form such as
 * `| 拟贷款企业名称 | XXX股份有限公司 |`, Markdown tables must start with a header row) with the
 * class `gbt-form`, so the row is set like the others. A header counts as a field when its second
 * cell is longer than its first (a real header, e.g. `| 序号 | 内容 |`, has short labels).
 */
export function markForms(html: string): string {
  return html.replace(/<table>(\s*<thead>\s*<tr>\s*<th[^>]*>([^<]*)<\/th>\s*<th[^>]*>([^<]*)<\/th>\s*<\/tr>)/g, (m, rest: string, a: string, b: string) =>
    [...b.trim()].length > [...a.trim()].length ? `<table class="gbt-form">${rest}` : m,
  );
}
