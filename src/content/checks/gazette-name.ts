import type { Finding } from "../finding.ts";
import type { YamlSource } from "../yaml-source.ts";

/** The gazette an archive holds: the name it gives in `archive.yml` and that file's path in findings. */
export interface ArchiveGazette {
  /** `title` of `archive.yml`, e.g. 乳山市人民政府公报. */
  title: string;
  /** Path of `archive.yml` as findings name it, e.g. `issues/archive.yml`. */
  file: string;
}

/**
 * One archive is one gazette: every page, feed and data file is labelled with the gazette name of
 * `archive.yml` (`title`), so an issue whose `issue.yml` names another gazette (`gazette:`) would
 * be published under the wrong name. Such an issue is an error at its `gazette:` line. Names are
 * compared after trimming and Unicode NFC normalisation. Runs on what `issue.yml` still gives when
 * it has other mistakes (all mistakes in one pass).
 * @param source the parsed `issue.yml`.
 * @param archive the archive's gazette; undefined when `archive.yml` gives none (its own errors are reported).
 */
export function checkGazetteName(source: YamlSource, archive: ArchiveGazette | undefined): Finding[] {
  const gazette = (source.value as { gazette?: unknown } | null | undefined)?.gazette;
  if (!archive || typeof gazette !== "string") return [];
  const name = gazette.trim().normalize("NFC");
  const title = archive.title.trim().normalize("NFC");
  if (name === "" || name === title) return [];
  return [
    {
      file: source.file,
      ...source.positionOf(["gazette"]),
      severity: "error",
      message: `刊名（gazette）“${name}”与本网站的公报“${title}”（${archive.file} 的 title）不同：一个网站只收一种公报`,
      fix: `本期属于“${title}”时，把 gazette 改为“${title}”；本网站本来就是“${name}”的网站时（如从示例复制而来），把 ${archive.file} 的 title 改为“${name}”，publisher 改为它的主办单位`,
      en: {
        message: `the gazette "${name}" differs from this site's gazette "${title}" (title in ${archive.file}): one site holds one gazette`,
        fix: `if the issue belongs to "${title}", write gazette: ${title}; if this site is the site of "${name}" (e.g. copied from the sample), set title in ${archive.file} to "${name}" and publisher to its publisher`,
      },
    },
  ];
}
