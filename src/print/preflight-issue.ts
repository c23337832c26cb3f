import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Phrases of a made-up city (测试市) for a generated gazette issue: the preflight's long issue is
 * laid out from these, never from a real gazette, so nothing official is reworded.
 */
const PHRASES = [
  "各镇区要加强组织领导，明确责任分工",
  "市直各部门要按照职责分工抓好落实",
  "建立健全工作机制，定期调度工作进展",
  "强化督导检查，确保各项措施落到实处",
  "对工作推进不力的单位予以通报",
  "2020年底前完成全部任务",
  "所需经费列入年度财政预算",
  "“放管服”改革持续深化",
  "推动《测试市发展规划》各项任务落地",
  "加强宣传引导，营造良好氛围",
  "完善考核办法，将结果纳入年度综合考核",
  "统筹推进城乡建设用地增减挂钩工作",
];

/** A deterministic choice from a list, by a running counter. */
function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length]!;
}

/** A paragraph of about `sentences` sentences. */
function paragraph(seed: number, sentences: number): string {
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) parts.push(pick(PHRASES, seed * 7 + i * 5) + (i % 3 === 2 ? "。" : "，") + pick(PHRASES, seed * 3 + i));
  return parts.join("，") + "。";
}

const TITLES = [
  "测试市人民政府办公室关于进一步加强城乡建设用地增减挂钩与工矿废弃地复垦调整利用工作的实施意见",
  "测试市人民政府关于印发测试市2020年国民经济和社会发展计划执行情况和2021年计划的通知",
  "测试市人民政府办公室关于转发市自然资源局《测试市农村建设用地拆旧复垦项目管理办法》的通知",
  "测试市人民政府关于调整市政府工作部门领导小组成员的通知",
];

function documentBody(k: number): string {
  const blocks: string[] = ["::: addressee\n\n各镇人民政府，市政府各部门、单位：\n\n:::\n", paragraph(k, 5)];
  for (let h = 0; h < 4; h++) {
    blocks.push(`## ${"一二三四"[h]}、${pick(PHRASES, k + h).slice(0, 12)}`);
    blocks.push(`（${"一二三"[h % 3]}）${pick(PHRASES, k + h + 1).slice(0, 10)}。${paragraph(k + h, 6)}`);
    blocks.push(`${h + 1}.${paragraph(k + h + 2, 4)}**${pick(PHRASES, h)}**。`);
    if ((k + h) % 3 === 0) {
      const rows = Array.from({ length: 8 + h }, (_, r) => `| ${r + 1} | ${pick(PHRASES, r + k).slice(0, 9)} | ${pick(PHRASES, r + h).slice(0, 14)} |`);
      blocks.push(`| 序号 | 项目 | 责任单位 |\n| --- | --- | --- |\n${rows.join("\n")}`);
    }
    blocks.push(paragraph(k + h + 3, 8));
  }
  const attachment = `测试市${pick(PHRASES, k).slice(0, 8)}工作领导小组成员名单`;
  blocks.push(`附件：${attachment}`);
  blocks.push(`::: signature\n\n测试市人民政府办公室\n\n2020年${(k % 12) + 1}月${(k % 27) + 1}日\n\n:::`);
  blocks.push("::: note\n\n（此件公开发布）\n\n:::");
  const members = Array.from({ length: 14 }, (_, i) => `${pick(["张", "王", "李", "赵", "刘"], i)}${pick(["明", "华", "强", "伟", "静", "敏"], i + k)}（${pick(["市发展和改革局局长", "市财政局局长", "市自然资源局局长", "市农业农村局局长"], i)}）`);
  blocks.push(`::: attachment\n\n附件\n\n## ${attachment}\n\n组　长：${members[0]}\n\n副组长：${members[1]}\n\n${members.slice(2).join("\n\n")}\n\n:::`);
  return blocks.join("\n\n") + "\n";
}

function personnelList(k: number): string {
  const lines = [`2020年${k + 1}月${k + 3}日　测政任〔2020〕${k + 1}号`, "任命："];
  for (let i = 0; i < 12; i++) lines.push(`${pick(["张", "王", "李", "赵"], i)}${pick(["一", "二", "三", "四", "五"], i + k)}为测试市${pick(["农业农村局", "财政局", "民政局"], i)}副局长；`);
  lines.push("免去：");
  for (let i = 0; i < 6; i++) lines.push(`${pick(["钱", "孙", "周"], i)}${pick(["甲", "乙", "丙"], i + k)}的测试市${pick(["商务局", "水务局"], i)}副局长职务。`);
  return lines.join("\n\n") + "\n";
}

/**
 * Writes a long generated gazette issue (about 100 A4 pages: three-line titles, `（一）` Kai
 * runs, bold, tables, 附件说明 and 附件 name lists, personnel lists) and its `archive.yml` into
 * `contentDir`, for the preflight of `npm run preflight -- --generated`.
 * @param documents how many documents besides the personnel lists (12 give about 100 pages).
 * @returns the issue key, `2020-04`.
 */
export async function writePreflightIssue(contentDir: string, documents = 12): Promise<string> {
  const dir = path.join(contentDir, "2020-04");
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(contentDir, "archive.yml"),
    "title: 测试市人民政府公报\npublisher: 测试市人民政府办公室\nprint:\n  editorial:\n    - { label: 主办, value: 测试市人民政府办公室 }\n    - { label: 编辑, value: 测试市人民政府公报编辑部 }\n    - { label: 印刷, value: 测试市印刷厂 }\n    - { label: 发送范围, value: 各镇人民政府，市政府各部门 }\n",
  );
  await writeFile(path.join(dir, "issue.yml"), "gazette: 测试市人民政府公报\nyear: 2020\nnumber: 4\ntotal: 16\npublished: 2020-12-31\nfrequency: 季刊\npublisher: 测试市人民政府办公室\nsections: [市政府文件, 政务动态]\n");
  for (let k = 0; k < documents; k++) {
    const front = `---\ntitle: "${pick(TITLES, k)}"\ndocNumber: "测政办发〔2020〕${k + 1}号"\nissuer: "测试市人民政府办公室"\ndate: 2020-${String((k % 12) + 1).padStart(2, "0")}-${String((k % 27) + 1).padStart(2, "0")}\npublication: public\nsection: "市政府文件"\npage: ${k * 8 + 1}\n---\n\n`;
    await writeFile(path.join(dir, `doc-${String(k + 1).padStart(2, "0")}.md`), front + documentBody(k));
  }
  for (let k = 0; k < 2; k++) {
    const front = `---\ntitle: "测试市人民政府任免的工作人员名单"\ndocNumber: "测政任〔2020〕${k + 1}号"\nissuer: "测试市人民政府"\ndate: 2020-0${k + 1}-03\npublication: public\nsection: "政务动态"\npage: ${200 + k}\n---\n\n`;
    await writeFile(path.join(dir, `renmian-${k + 1}.md`), front + personnelList(k));
  }
  return "2020-04";
}
