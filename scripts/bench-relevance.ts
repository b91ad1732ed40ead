/**
 * Relevance on our judged set: `npm run bench:relevance [-- --engine postgres|meilisearch] [--verbose]`.
 * Builds the demo catalog (prisma seed) in data/bench/demo, indexes it in every engine that runs here (the embedded
 * PostgreSQL engine; the bundled Meilisearch on linux-x64), runs the frozen queries of bench/relevance/queries.tsv the
 * way /catalog does (relevance order, 20 per page) and prints per query type and engine: NDCG@10 (grades: exact 3,
 * substitute 1, else 0), P@5 (share of the first five that are exact or substitutes), Recall@20 (of the exact
 * products) and the zero-result rate on queries that have an exact product.
 */
import { readFileSync } from "node:fs";
import type { SearchQuery } from "../app/modules/search/search.types";
import { findSubstitutes } from "../app/modules/search/substitutes";
import { normalizeText } from "../app/modules/search/text";
import { openDemoSearch } from "./lib/demo-search";

interface Judged {
  type: string;
  q: string;
  grades: Map<string, number>;
  exact: number;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const verbose = process.argv.includes("--verbose");
const only = arg("engine")?.split(",");

const demo = await openDemoSearch({ only, reindex: true }); // the index as the current code builds it
const products = await demo.db.prisma.product.findMany({
  where: { status: "PUBLISHED", supplier: { suspendedAt: null } },
  select: { id: true, title: true, sku: true, category: { select: { slug: true } } },
});

const lines = readFileSync("bench/relevance/queries.tsv", "utf8")
  .split("\n")
  .filter((l) => l.trim() && !l.startsWith("#"));
const judged: Judged[] = lines.map((line) => {
  const [type, q, exactCategory, exactPattern = "", substitutes = ""] = line.split("\t");
  const re = exactPattern ? new RegExp(exactPattern, "u") : null;
  const substituteCategories = new Set(substitutes.split(",").filter(Boolean));
  const grades = new Map<string, number>();
  let exact = 0;
  for (const p of products) {
    const text = normalizeText(`${p.title} ${p.sku}`);
    const slug = p.category.slug;
    if (slug === exactCategory && (!re || re.test(text))) {
      grades.set(p.id, 3);
      exact++;
    } else if (slug === exactCategory || substituteCategories.has(slug)) grades.set(p.id, 1);
  }
  if (exactCategory !== "-" && exact === 0) throw new Error(`no exact product for «${q}» — fix the judgment`);
  return { type, q, grades, exact };
});

function dcg(grades: number[]): number {
  return grades.reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
}

interface Scores {
  ndcg: number;
  p5: number;
  recall: number;
  zero: boolean;
  hasExact: boolean;
}

const results = new Map<string, Map<string, Scores[]>>(); // engine → type → scores
for (const engine of demo.engines) {
  const byType = new Map<string, Scores[]>();
  results.set(engine.name, byType);
  for (const j of judged) {
    // as /catalog shows it: the matches, then substitutes when they are few
    const query: SearchQuery = { q: j.q, filters: {}, facets: false, sort: "relevance", page: 1, perPage: 20 };
    const found = await engine.search(query);
    const r = { hits: [...found.hits, ...(await findSubstitutes(engine, query, found))] };
    const ids = r.hits.map((h) => h.id);
    const got = ids.slice(0, 10).map((id) => j.grades.get(id) ?? 0);
    const ideal = [...j.grades.values()].sort((a, b) => b - a).slice(0, 10);
    const ndcg = ideal.length ? dcg(got) / dcg(ideal) : ids.length === 0 ? 1 : 0;
    const p5 =
      ids.slice(0, 5).filter((id) => (j.grades.get(id) ?? 0) > 0).length / Math.min(5, Math.max(1, j.grades.size));
    const exactFound = ids.filter((id) => j.grades.get(id) === 3).length;
    const recall = j.exact ? exactFound / Math.min(20, j.exact) : 1;
    const s = { ndcg, p5: Math.min(1, p5), recall: Math.min(1, recall), zero: ids.length === 0, hasExact: j.exact > 0 };
    const list = byType.get(j.type) ?? [];
    list.push(s);
    byType.set(j.type, list);
    if (verbose && ndcg < 0.7) {
      console.log(
        `${engine.name.padEnd(11)} ${ndcg.toFixed(2)} [${j.type}] «${j.q}» → ${ids.length} hits; top: ${r.hits
          .slice(0, 3)
          .map((h) => `${j.grades.get(h.id) ?? 0}:${h.card.title.slice(0, 40)}`)
          .join(" | ")}`,
      );
    }
  }
}

const types = [...new Set(judged.map((j) => j.type)), "all"];
const engines = [...results.keys()];
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
console.log(`\n${judged.length} queries, ${products.length} products\n`);
console.log(`| type | queries | ${engines.map((e) => `${e} NDCG@10 | P@5 | R@20 | zero`).join(" | ")} |`);
console.log(`|---|---|${engines.map(() => "---|---|---|---").join("|")}|`);
for (const type of types) {
  const cells = engines.map((e) => {
    const byType = results.get(e) as Map<string, Scores[]>;
    const list = type === "all" ? [...byType.values()].flat() : (byType.get(type) ?? []);
    const withExact = list.filter((s) => s.hasExact);
    const zero = withExact.length ? withExact.filter((s) => s.zero).length / withExact.length : 0;
    return `${mean(list.map((s) => s.ndcg)).toFixed(3)} | ${mean(list.map((s) => s.p5)).toFixed(2)} | ${mean(
      list.map((s) => s.recall),
    ).toFixed(2)} | ${(zero * 100).toFixed(1)} %`;
  });
  const n = judged.filter((j) => type === "all" || j.type === type).length;
  console.log(`| ${type === "all" ? "**all**" : type} | ${n} | ${cells.join(" | ")} |`);
}
await demo.close();
