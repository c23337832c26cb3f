import * as pagefind from "pagefind";
import { readCorpus } from "../src/search/eval/index.ts";
const mode = process.argv[2];
const texts = (await readCorpus("/work/shared/corpus"))!;
async function one(from: number, n: number, out: string) {
  const { index } = await pagefind.createIndex({ verbose: false, keepIndexUrl: false });
  for (let i = from; i < from + n; i++) { const t = texts[i]!; await index!.addCustomRecord({ url: `/d/${i}/`, content: t.body, language: "zh-cn", meta: { title: t.title } }); }
  await index!.writeFiles({ outputPath: out });
}
const t0 = Date.now();
if (mode === "seq") { await one(0, 300, "/tmp/exp/p1"); await one(300, 300, "/tmp/exp/p2"); }
else await Promise.all([one(0, 300, "/tmp/exp/p1"), one(300, 300, "/tmp/exp/p2")]);
await pagefind.close();
console.log(mode, Date.now() - t0, "ms");
