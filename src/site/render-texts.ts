import type { MarkdownIt } from "markdown-it";
import { ContentError, type Finding } from "../content/finding.ts";
import type { GazetteDocument } from "../content/model.ts";
import { renderBody, type CitationContext, type RenderedBody } from "../markdown/index.ts";

/**
 * Renders the body of each document in `texts`, in order (`renderBody`). A body the Markdown
 * renderer cannot render (a fault of the renderer or of one of its plugins on some input) becomes
 * an error finding at the document's first body line instead of an unexplained stop, so the
 * editor learns which file to look at; every such document is reported in one pass.
 * @returns one rendered body per document of `texts`.
 * @throws ContentError listing every document whose body did not render.
 */
export function renderBodiesOrFindings(md: MarkdownIt, texts: readonly GazetteDocument[], context: CitationContext): RenderedBody[] {
  const findings: Finding[] = [];
  const rendered = texts.map((d) => {
    try {
      return renderBody(md, { body: d.body, self: d.docNumbers }, context);
    } catch (err) {
      findings.push({
        file: d.sourcePath,
        line: d.bodyLine,
        column: 1,
        severity: "error",
        message: `正文无法排版（排版程序出错：${(err as Error).message}）`,
        fix: "请把这条信息交给维护网站的技术人员；在修好之前，可先找出并改写引起出错的那一行的 Markdown 标记（如加粗、链接），文字不要改动",
        en: { message: `The body could not be rendered (renderer fault: ${(err as Error).message})`, fix: "Report this to the site's maintainers; meanwhile find the Markdown markup (bold, links) on the line that causes it and write it differently, keeping the text" },
      });
      return { html: "", outline: [], citations: [] };
    }
  });
  if (findings.length > 0) throw new ContentError(findings);
  return rendered;
}
