import { isAlias, isCollection, isPair, type Document, type Node } from "yaml";

/** Deepest nesting of lists and maps accepted in metadata (a document's front matter needs 2). */
export const MAX_YAML_DEPTH = 16;

/**
 * Refuses YAML that could exhaust memory or the stack before its value is built: any alias
 * (`*name`; gazette metadata never needs one, and aliases of aliases are the "billion laughs"
 * attack) and nesting deeper than {@link MAX_YAML_DEPTH}. Walks the node tree without recursion.
 * @returns the problem with the offset of the node in the YAML text, or null when the document is safe.
 */
export function hostileYaml(doc: Document): { offset: number; message: string; fix: string } | null {
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (isAlias(node)) {
      return { offset: node.range?.[0] ?? 0, message: `不支持 YAML 别名“*${node.source}”：元数据中的每个值都要直接写出`, fix: "删除 & 锚点和 * 别名，把值本身写在这里" };
    }
    if (isCollection(node)) {
      if (depth >= MAX_YAML_DEPTH) {
        return { offset: node.range?.[0] ?? 0, message: `YAML 嵌套过深（超过 ${MAX_YAML_DEPTH} 层）`, fix: "元数据只需要简单的“字段: 值”和列表；删除多余的 [ { 或缩进层级" };
      }
      // Pushed last first, so that the first problem in the text is found first.
      for (const item of [...(node.items as unknown[])].reverse()) {
        if (isPair(item)) stack.push({ node: item.value, depth: depth + 1 }, { node: item.key, depth: depth + 1 });
        else stack.push({ node: item as Node, depth: depth + 1 });
      }
    }
  }
  return null;
}
