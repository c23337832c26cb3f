// Traditional → Simplified conversion of a query with opencc-js (t2cn build). Bundled as its own
// chunk and imported only when a query contains a Traditional character (see traditionalCharacters).
import { Converter } from "opencc-js/t2cn";

const convert = Converter({ from: "tw", to: "cn" });

/** The query in Simplified characters (text already Simplified comes back unchanged). */
export function toSimplified(text: string): string {
  return convert(text);
}
