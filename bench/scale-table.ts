/**
 * Prints the README's Performance table from saved bench reports, one column per report:
 *
 *   npx tsx bench/scale-table.ts bench/out/bench-10000-….json bench/out/bench-100000-….json
 */
import { readFileSync } from "node:fs";
import { type BenchResult, scaleTable } from "./report.ts";

const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error("usage: npx tsx bench/scale-table.ts <bench report.json>...");
  process.exit(2);
}
const results = paths.map((path) => JSON.parse(readFileSync(path, "utf8")) as BenchResult);
results.sort((a, b) => a.corpus.articles - b.corpus.articles);
console.log(scaleTable(results));
