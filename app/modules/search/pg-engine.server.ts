import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { getPrisma } from "~/utils/db.server";
import { checkpointIfDue } from "~/utils/db-maintenance.server";
import { env } from "~/utils/env.server";
import { countFacets, packCandidate, rankPage, searchSlot, specPair, unpackCandidates } from "./candidates";
import { browseFromCounts, browseScope } from "./pg-facet-counts.server";
import type {
  EngineHealth,
  ReindexOptions,
  SearchDocumentInput,
  SearchEngine,
  SearchFilters,
  SearchHit,
  SearchQuery,
  SearchResult,
  SuggestResult,
} from "./search.types";
import { MAX_TOTAL_HITS } from "./search.types";
import { codeLexemes, highlight, normalizeText, parseQuery, type QueryTerm, splitNegated, stem, words } from "./text";

/**
 * The embedded engine: PostgreSQL full-text search over the denormalised `search_document` table (works on PGlite and
 * PostgreSQL ≥ 15).
 *
 * - `tsv` = title (A, `russian`) + code lexemes of SKU and title (A, `simple`, folded by `codeKey`) + manufacturer,
 *   category path (B) + specs (C) + description (D); GIN index. Text is ё→е folded before PostgreSQL sees it.
 * - a query term matches `russian` word forms OR a code lexeme prefix; the last term is a prefix (as you type); a term
 *   missing from the vocabulary (`search_term`, pg_trgm GIN) is widened with its closest known words (typos).
 * - ranking, facet counts and the total run over at most `candidates` (SEARCH_PG_CANDIDATES, 500) matches, so a term
 *   matching most rows stays fast; beyond that the total is reported as an estimate («более 500»), as Meilisearch
 *   does with maxTotalHits.
 *   The candidates are the first matches in partition order (`searchSlot`: a hash-random 1/16 of the catalog first),
 *   so a broad query reads the GIN indexes of the small partitions only. Sorting by price/lead/date is exact over all
 *   matches (index order).
 */

const DESCRIPTION_CHARS = 3000;
/** A spec value that is a plain decimal number (as the sync stores NUMBER attributes: «400», «0.4»). */
const NUMERIC_VALUE = "^-?[0-9]+([.][0-9]+)?$";
const KNOWN_STEMS_MAX = 50_000;
const VACUUM_AFTER_CHANGES = 5_000;
const UNKNOWN_WORDS_MAX = 10_000;
const UNKNOWN_WORD_TTL_MS = 60_000;

type Db = () => PrismaClient;

interface Expansion {
  word: string;
  known: boolean;
  alternatives: string[];
}

export class PostgresSearchEngine implements SearchEngine {
  readonly name = "postgres" as const;

  /** Matches considered for ranking, facet counts and the total (like Meilisearch's maxTotalHits; ≤ MAX_TOTAL_HITS pages). */
  private readonly candidates: number;

  /** Stems known to be in the vocabulary (`search_term` never shrinks, so this cannot go stale). */
  private readonly knownStems = new Set<string>();

  /** Unknown (typo) words with their closest known words, until a time. */
  private readonly unknownWords = new Map<string, { expansion: Expansion; until: number }>();

  /** Matches counted exactly (total and facets) when there are more than `candidates` (SEARCH_PG_EXACT). */
  private readonly exact: number;

  private changesSinceVacuum = 0;

  constructor(
    private readonly db: Db = getPrisma,
    options: { candidates?: number; exact?: number } = {},
  ) {
    this.candidates = options.candidates ?? env().SEARCH_PG_CANDIDATES;
    this.exact = Math.max(this.candidates, options.exact ?? env().SEARCH_PG_EXACT);
  }

  async applySettings(): Promise<void> {
    // The table, GIN and trigram indexes come with the migrations.
  }

  async index(docs: SearchDocumentInput[]): Promise<void> {
    if (docs.length === 0) return;
    await this.upsert(docs);
    await this.noteChanges(docs.length);
  }

  private async upsert(docs: SearchDocumentInput[]): Promise<void> {
    const prisma = this.db();
    for (let i = 0; i < docs.length; i += 500) {
      const chunk = docs.slice(i, i + 500);
      const rows = chunk.map((d) => ({
        packed: packCandidate({
          productId: d.id,
          sector: d.sector,
          categoryId: d.card.categoryId,
          supplierId: d.card.supplierId,
          verified: d.card.verified,
          stockStatus: d.card.stockStatus,
          priceKopecks: d.card.priceKopecks,
          leadTimeDays: d.card.leadTimeDays,
        }),
        productId: d.id,
        slot: searchSlot(d.id),
        supplierId: d.card.supplierId,
        categoryId: d.card.categoryId,
        categoryPath: d.categoryPath,
        sector: d.sector,
        verified: d.card.verified,
        stockStatus: d.card.stockStatus,
        priceKopecks: d.card.priceKopecks,
        leadTimeDays: d.card.leadTimeDays,
        rating: d.card.rating,
        updatedAt: d.updatedAt.toISOString(),
        specs: specPairs(d.specFacets),
        card: d.card,
        title: normalizeText(splitNegated(d.card.title).named),
        codesA: codeLexemes(d.card.sku, d.card.title).join(" "),
        textB: normalizeText(`${d.card.manufacturer ?? ""} ${d.categoryText}`),
        codesB: codeLexemes(d.card.manufacturer, d.specText).join(" "),
        specText: normalizeText(d.specText),
        description: normalizeText(
          `${splitNegated(d.card.title).negated} ${d.description.slice(0, DESCRIPTION_CHARS)}`,
        ),
      }));
      const vocabulary = new Set<string>();
      for (const d of chunk) {
        for (const w of words(`${d.card.title} ${d.card.manufacturer ?? ""} ${d.categoryText} ${d.specText}`)) {
          if (w.length >= 3 && w.length <= 40) vocabulary.add(w);
        }
      }
      const json = JSON.stringify(rows);
      // One statement: the narrow matching row, then its card (the card's foreign key is checked at statement end).
      await prisma.$executeRaw`
        WITH r AS MATERIALIZED (
          SELECT * FROM jsonb_to_recordset(${json}::jsonb) AS r(packed text, "productId" text, slot smallint, "supplierId" text,
                 "categoryId" text, "categoryPath" text[], sector text, verified boolean, "stockStatus" text,
                 "priceKopecks" bigint, "leadTimeDays" int, rating float8, "updatedAt" text, specs text[], card jsonb,
                 title text, "codesA" text, "textB" text, "codesB" text, "specText" text, description text)),
        doc AS (
          INSERT INTO search_document ("productId", slot, "supplierId", "categoryId", "categoryPath", sector, verified,
                 "stockStatus", "priceKopecks", "leadTimeDays", rating, "productUpdatedAt", specs, packed, tsv, "indexedAt")
          SELECT r."productId", r.slot, r."supplierId", r."categoryId", r."categoryPath", r.sector::"Sector", r.verified,
                 r."stockStatus"::"StockStatus", r."priceKopecks", r."leadTimeDays", r.rating, r."updatedAt"::timestamp,
                 r.specs, r.packed,
                 setweight(to_tsvector('russian', r.title), 'A') || setweight(to_tsvector('simple', r."codesA"), 'A') ||
                 setweight(to_tsvector('russian', r."textB"), 'B') || setweight(to_tsvector('simple', r."codesB"), 'B') ||
                 setweight(to_tsvector('russian', r."specText"), 'C') ||
                 setweight(to_tsvector('russian', r.description), 'D'),
                 now()
            FROM r
          ON CONFLICT ("productId", slot) DO UPDATE SET
                 "supplierId" = EXCLUDED."supplierId", "categoryId" = EXCLUDED."categoryId",
                 "categoryPath" = EXCLUDED."categoryPath", sector = EXCLUDED.sector, verified = EXCLUDED.verified,
                 "stockStatus" = EXCLUDED."stockStatus", "priceKopecks" = EXCLUDED."priceKopecks",
                 "leadTimeDays" = EXCLUDED."leadTimeDays", rating = EXCLUDED.rating,
                 "productUpdatedAt" = EXCLUDED."productUpdatedAt", specs = EXCLUDED.specs, packed = EXCLUDED.packed,
                 tsv = EXCLUDED.tsv,
                 "indexedAt" = EXCLUDED."indexedAt"
          RETURNING "productId")
        INSERT INTO search_card ("productId", slot, card)
        SELECT r."productId", r.slot, r.card FROM r JOIN doc ON doc."productId" = r."productId"
        ON CONFLICT ("productId", slot) DO UPDATE SET card = EXCLUDED.card`;
      if (vocabulary.size > 0) {
        await prisma.$executeRaw`
          INSERT INTO search_term (term)
          SELECT jsonb_array_elements_text(${JSON.stringify([...vocabulary])}::jsonb)
          ON CONFLICT DO NOTHING`;
      }
    }
  }

  async delete(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db().searchDocument.deleteMany({ where: { productId: { in: ids } } });
    await this.noteChanges(ids.length);
  }

  async reindexAll(
    batches: AsyncIterable<SearchDocumentInput[]>,
    options: ReindexOptions = {},
  ): Promise<{ indexed: number }> {
    // Upsert everything, then drop what was not touched: readers see old or new rows, never an empty index.
    const prisma = this.db();
    const [{ started }] = await prisma.$queryRaw<{ started: Date }[]>`SELECT now()::timestamp(3) AS started`;
    let indexed = 0;
    for await (const batch of batches) {
      await this.upsert(batch);
      indexed += batch.length;
      options.onProgress?.({ sent: indexed, indexed });
      await checkpointIfDue(); // embedded: a full reindex writes GBs of WAL that nothing else would recycle
    }
    await prisma.$executeRaw`DELETE FROM search_document WHERE "indexedAt" < ${started}`;
    await this.vacuum();
    return { indexed };
  }

  /**
   * VACUUM ANALYZE the index tables: sets hint bits and the visibility map (reads after a bulk load are ~2× faster),
   * reclaims updated rows and refreshes planner statistics. PGlite runs no autovacuum, so the engine does it after a
   * reindex and after every VACUUM_AFTER_CHANGES indexed or deleted documents.
   */
  private async vacuum(): Promise<void> {
    this.changesSinceVacuum = 0;
    await this.db().$executeRawUnsafe("VACUUM (ANALYZE) search_document, search_card, search_facet_count");
  }

  private async noteChanges(n: number): Promise<void> {
    this.changesSinceVacuum += n;
    if (this.changesSinceVacuum >= VACUUM_AFTER_CHANGES) await this.vacuum();
  }

  async health(): Promise<EngineHealth> {
    const [row] = await this.db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM search_document`;
    return { ok: true, engine: "postgres", documents: Number(row.n) };
  }

  /**
   * Vocabulary look-up: is each word (or a word starting with its stem) known, and its closest known words.
   * The vocabulary only grows, so a stem once found known stays known: those are remembered and skip the round trip
   * (most query words are known ones). An unknown word's closest words are kept for a minute: the word itself is still
   * searched, so a word indexed meanwhile is found anyway and only the extra typo alternatives linger.
   */
  private async expand(terms: QueryTerm[]): Promise<Map<string, Expansion>> {
    const out = new Map<string, Expansion>();
    const ask = new Map<string, string>();
    for (const t of terms) {
      if (t.looksLikeCode) continue;
      for (const w of t.words) {
        if (w.length < 4) continue;
        const s = stem(w);
        const unknown = this.unknownWords.get(w);
        if (this.knownStems.has(s)) out.set(w, { word: w, known: true, alternatives: [] });
        else if (unknown && unknown.until > Date.now()) out.set(w, unknown.expansion);
        else ask.set(w, s);
      }
    }
    if (ask.size === 0) return out;
    const list = [...ask].map(([w, s]) => ({ w, s }));
    const rows = await this.db().$queryRaw<{ w: string; known: boolean; alternatives: string[] }[]>`
      SELECT x.w,
             EXISTS (SELECT 1 FROM search_term WHERE term LIKE x.s || '%') AS known,
             ARRAY(SELECT term FROM search_term WHERE term % x.w AND term <> x.w
                    ORDER BY similarity(term, x.w) DESC, term LIMIT 6) AS alternatives
        FROM jsonb_to_recordset(${JSON.stringify(list)}::jsonb) AS x(w text, s text)`;
    for (const r of rows) {
      const expansion = { word: r.w, known: r.known, alternatives: r.alternatives };
      out.set(r.w, expansion);
      if (r.known) this.rememberKnown(ask.get(r.w) as string);
      else {
        if (this.unknownWords.size >= UNKNOWN_WORDS_MAX) this.unknownWords.clear();
        this.unknownWords.set(r.w, { expansion, until: Date.now() + UNKNOWN_WORD_TTL_MS });
      }
    }
    return out;
  }

  private rememberKnown(s: string) {
    if (this.knownStems.size >= KNOWN_STEMS_MAX) this.knownStems.clear();
    this.knownStems.add(s);
  }

  /** `to_tsquery` pieces for one term: word forms (russian) OR code prefix; unknown words widened by close words. */
  private termQuery(t: QueryTerm, expansions: Map<string, Expansion>): Prisma.Sql | null {
    const parts: Prisma.Sql[] = [];
    const wordParts: Prisma.Sql[] = [];
    for (const w of t.words) {
      const safe = w.replace(/[^\p{L}]/gu, "");
      if (!safe) continue;
      const alts: Prisma.Sql[] = [
        Prisma.sql`to_tsquery('russian', ${t.prefix && safe.length >= 2 ? `${safe}:*` : safe})`,
      ];
      const e = expansions.get(w);
      if (e && !e.known) {
        for (const a of distinctStems(w, e.alternatives)) alts.push(Prisma.sql`to_tsquery('russian', ${a})`);
      }
      wordParts.push(alts.length === 1 ? alts[0] : Prisma.sql`(${Prisma.join(alts, " || ")})`);
    }
    if (!t.looksLikeCode && wordParts.length > 0) parts.push(Prisma.join(wordParts, " && "));
    const lettersOnly = !/\d/.test(t.codeKey);
    const codeUsable = t.codeKey.length >= 2 && (!lettersOnly || t.codeKey.length <= 8);
    // a number is a whole token: «10» must not find 100 or 1000 (codes with letters stay prefixes: «тмг1000»)
    const number = /^\d+$/.test(t.codeKey);
    if (codeUsable) parts.push(Prisma.sql`to_tsquery('simple', ${number ? t.codeKey : `${t.codeKey}:*`})`);
    if (t.looksLikeCode && t.codeParts.length > 1) {
      // the whole code above is already a prefix; of its pieces only a last one of 3+ characters is (a prefix such
      // as «95:*» expands to every lexeme starting so: 22 of the 28 ms of a code search at 1M products)
      const pieces = t.codeParts.map(
        (p, i) =>
          Prisma.sql`to_tsquery('simple', ${i === t.codeParts.length - 1 && t.prefix && p.length >= 3 && !/^\d+$/.test(p) ? `${p}:*` : p})`,
      );
      parts.push(Prisma.sql`(${Prisma.join(pieces, " && ")})`);
    }
    if (parts.length === 0) return null;
    return Prisma.sql`(${Prisma.join(parts, " || ")})`;
  }

  private tsQuery(terms: QueryTerm[], expansions: Map<string, Expansion>): Prisma.Sql | null {
    const pieces = terms.map((t) => this.termQuery(t, expansions)).filter((p): p is Prisma.Sql => p !== null);
    if (pieces.length === 0) return null;
    return Prisma.join(pieces, " && ");
  }

  private conditions(filters: SearchFilters, tsq: Prisma.Sql | null): Prisma.Sql {
    const c: Prisma.Sql[] = [];
    if (tsq) c.push(Prisma.sql`d.tsv @@ (${tsq})`);
    if (filters.sectors?.length) c.push(Prisma.sql`d.sector::text IN (${Prisma.join(filters.sectors)})`);
    if (filters.categoryIds?.length) {
      c.push(Prisma.sql`d."categoryPath" && ARRAY[${Prisma.join(filters.categoryIds)}]::text[]`);
    }
    if (filters.supplierIds?.length) c.push(Prisma.sql`d."supplierId" IN (${Prisma.join(filters.supplierIds)})`);
    if (filters.verifiedOnly) c.push(Prisma.sql`d.verified`);
    if (filters.inStockOnly) c.push(Prisma.sql`d."stockStatus" = 'IN_STOCK'`);
    if (filters.priceMin !== undefined) c.push(Prisma.sql`d."priceKopecks" >= ${BigInt(filters.priceMin)}`);
    if (filters.priceMax !== undefined) c.push(Prisma.sql`d."priceKopecks" <= ${BigInt(filters.priceMax)}`);
    if (filters.leadTimeMax !== undefined) c.push(Prisma.sql`d."leadTimeDays" <= ${filters.leadTimeMax}`);
    for (const [code, values] of Object.entries(filters.specs ?? {})) {
      if (values.length === 0) continue;
      c.push(Prisma.sql`d.specs && ${values.map((v) => specPair(code, v))}::text[]`);
    }
    for (const [code, range] of Object.entries(filters.specRanges ?? {})) {
      if (range.min === undefined && range.max === undefined) continue;
      // the attribute's "code=value" pair, its value read as a number when it is one
      const value = Prisma.sql`(SELECT CASE WHEN substr(p, ${code.length + 2}) ~ ${NUMERIC_VALUE}
                                            THEN substr(p, ${code.length + 2})::numeric END
                                  FROM unnest(d.specs) AS s(p) WHERE starts_with(p, ${`${code}=`}) LIMIT 1)`;
      if (range.min !== undefined) c.push(Prisma.sql`${value} >= ${range.min}::numeric`);
      if (range.max !== undefined) c.push(Prisma.sql`${value} <= ${range.max}::numeric`);
    }
    return c.length ? Prisma.sql`WHERE ${Prisma.join(c, " AND ")}` : Prisma.empty;
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const prisma = this.db();
    const terms = parseQuery(query.q, { prefixLast: query.prefixLast ?? true });
    const expansions = await this.expand(terms);
    const tsq = this.tsQuery(terms, expansions);
    const where = this.conditions(query.filters, tsq);
    const perPage = Math.max(1, Math.min(100, query.perPage));
    const page = Math.max(1, query.page);
    const offset = Math.min((page - 1) * perPage, MAX_TOTAL_HITS);
    const limit = Math.max(0, Math.min(perPage, MAX_TOTAL_HITS - offset));
    const rank = tsq
      ? // the boost for verified suppliers is applied in JS (rankPage): real × numeric in WASM costs more than ts_rank
        Prisma.sql`ts_rank('{0.1, 0.3, 0.6, 1.0}', d.tsv, ${tsq})`
      : Prisma.sql`0::real`;
    const sort = query.sort === "relevance" && !tsq ? "updated_desc" : query.sort;
    const order = {
      relevance: Prisma.sql`rank DESC, "productId"`,
      price_asc: Prisma.sql`"priceKopecks" ASC NULLS LAST, "productId"`,
      price_desc: Prisma.sql`"priceKopecks" DESC NULLS LAST, "productId" DESC`,
      lead_asc: Prisma.sql`"leadTimeDays" ASC NULLS LAST, "productId"`,
      updated_desc: Prisma.sql`"productUpdatedAt" DESC, "productId" DESC`,
    }[sort];
    const wantFacets = query.facets !== false;
    const specCodes = (query.facets ? query.facets.specCodes : undefined) || [];
    const pageSql = (sorted: Prisma.Sql) =>
      limit === 0
        ? Prisma.sql`NULL::text[]`
        : Prisma.sql`ARRAY(SELECT "productId" FROM search_document d ${where} ORDER BY ${sorted} LIMIT ${limit} OFFSET ${offset})`;

    // 0. A browse (no text, one category or none, no filter but «verified» / «in stock»): exact counts from the
    //    pre-aggregated table
    const scope = tsq ? null : browseScope(query);
    if (scope !== null && sort !== "relevance") {
      const browse = await browseFromCounts(prisma, scope, specCodes, pageSql(order));
      return this.resultOf(query, terms, expansions, browse.pageIds, {
        total: browse.total,
        totalIsEstimate: false,
        facets: browse.facets,
        facetsFromSample: false,
      });
    }

    // 1. Candidates: at most `candidates` matches, their narrow columns packed into one string (see candidates.ts);
    //    the total, the facet counts and — for relevance — the page come from it in JS. Other orders take their page
    //    from the sort index in the same statement (exact order over all matches; the walk stops after the page).
    const packedRow = specCodes.length
      ? Prisma.sql`concat_ws(chr(31), packed, rank, array_to_string(specs, chr(29)))`
      : Prisma.sql`packed || chr(31) || rank`;
    const sortedPage = sort === "relevance" ? Prisma.sql`NULL::text[]` : pageSql(order);
    // a relevance page deeper than the candidates widens them (every product stays reachable page by page)
    const bound =
      sort === "relevance" && offset > 0
        ? Math.max(this.candidates, Math.min(offset + limit, MAX_TOTAL_HITS))
        : this.candidates;
    const specsColumn = specCodes.length ? Prisma.sql`d.specs` : Prisma.sql`NULL`;
    const [row] = await prisma.$queryRaw<{ packed: string | null; page: string[] | null }[]>`
      SELECT (SELECT string_agg(${packedRow}, chr(30))
                FROM (SELECT d.packed, ${specsColumn} AS specs, ${rank} AS rank
                        FROM search_document d ${where}
                       LIMIT ${bound}) m) AS packed,
             ${sortedPage} AS page`;
    const candidates = unpackCandidates(row.packed);
    const pageIds = sort === "relevance" ? this.relevancePage(candidates, offset, limit) : (row.page ?? []);

    // 1b. More matches than candidates: count them exactly (total and facets) up to the exact budget — the narrow
    //     packed rows without the text rank. Beyond the budget the total is a lower bound and the facets a sample.
    let counted = candidates;
    if (wantFacets && candidates.length >= bound && this.exact > bound) {
      const [all] = await prisma.$queryRaw<{ packed: string | null }[]>`
        SELECT string_agg(${packedRow}, chr(30)) AS packed
          FROM (SELECT d.packed, ${specsColumn} AS specs, 0 AS rank
                  FROM search_document d ${where}
                 LIMIT ${this.exact + 1}) m`;
      counted = unpackCandidates(all.packed);
    }

    const saturated = counted.length > this.exact || (counted === candidates && candidates.length >= bound);
    return this.resultOf(query, terms, expansions, pageIds, {
      total: Math.min(counted.length, saturated ? Math.max(bound, this.exact) : counted.length),
      totalIsEstimate: saturated,
      facets: wantFacets ? countFacets(counted, specCodes) : null,
      facetsFromSample: wantFacets && saturated,
    });
  }

  /** 2. The cards of the page rows only, highlighted; a correction when nothing was found. */
  private async resultOf(
    query: SearchQuery,
    terms: QueryTerm[],
    expansions: Map<string, Expansion>,
    pageIds: string[],
    counts: Pick<SearchResult, "total" | "totalIsEstimate" | "facets" | "facetsFromSample">,
  ): Promise<SearchResult> {
    const cards =
      pageIds.length === 0
        ? []
        : await this.db().$queryRaw<{ id: string; card: SearchHit["card"] }[]>`
            SELECT "productId" AS id, card FROM search_card WHERE "productId" = ANY(${pageIds}::text[])`;
    const cardById = new Map(cards.map((c) => [c.id, c.card]));
    const hlTerms = withExpansions(terms, expansions);
    const hits: SearchHit[] = [];
    for (const id of pageIds) {
      const card = cardById.get(id);
      if (!card) continue; // deleted between the two statements
      hits.push({ id, card, highlight: { title: highlight(card.title, hlTerms), sku: highlight(card.sku, hlTerms) } });
    }
    const result: SearchResult = {
      hits,
      ...counts,
      page: Math.max(1, query.page),
      perPage: Math.max(1, Math.min(100, query.perPage)),
      correction: null,
    };
    if (result.total === 0 && terms.length > 0) result.correction = await this.correction(query, terms, expansions);
    return result;
  }

  /**
   * A relevance page. Past the first `candidates` matches (deep pages), each further block of `candidates` is ranked
   * after the one before it, so page n+1 continues page n: the first pages never change when a deep page is read.
   */
  private relevancePage(rows: string[][], offset: number, limit: number): string[] {
    if (rows.length <= this.candidates) return rankPage(rows, offset, limit);
    const ordered: string[] = [];
    for (let start = 0; start < rows.length && ordered.length < offset + limit; start += this.candidates) {
      const block = rows.slice(start, start + this.candidates);
      ordered.push(...rankPage(block, 0, block.length));
    }
    return ordered.slice(offset, offset + limit);
  }

  /** A corrected query (closest known word for each unknown one) that finds something with the same filters. */
  private async correction(
    query: SearchQuery,
    terms: QueryTerm[],
    expansions: Map<string, Expansion>,
  ): Promise<string | null> {
    let changed = false;
    const fixed = terms.map((t) => {
      if (t.looksLikeCode) return t.raw;
      const e = expansions.get(t.words[0] ?? "");
      if (t.words.length === 1 && e && !e.known && e.alternatives.length > 0) {
        changed = true;
        return e.alternatives[0];
      }
      return t.raw;
    });
    const candidates: string[] = [];
    if (changed) candidates.push(fixed.join(" "));
    // a word that matches nothing may be noise: try the query without it
    if (terms.length > 1)
      for (let i = 0; i < terms.length; i++) candidates.push(fixed.filter((_, j) => j !== i).join(" "));
    for (const q of candidates) {
      const t2 = parseQuery(q, { prefixLast: false });
      const tsq = this.tsQuery(t2, new Map());
      if (!tsq) continue;
      const where = this.conditions(query.filters, tsq);
      const [r] = await this.db().$queryRaw<{ found: boolean }[]>`
        SELECT EXISTS (SELECT 1 FROM search_document d ${where}) AS found`;
      if (r.found) return q;
    }
    return null;
  }

  async suggest(q: string, limit: number): Promise<SuggestResult> {
    const result = await this.search({
      q,
      filters: {},
      facets: { specCodes: [] },
      sort: "relevance",
      page: 1,
      perPage: limit,
    });
    return {
      products: result.hits,
      categories: result.facets?.category.slice(0, limit) ?? [],
      suppliers: result.facets?.supplier.slice(0, limit) ?? [],
    };
  }
}

/**
 * Up to two typo alternatives of a word that are different words, not forms of one («трансформатор»,
 * «трансформатора» and «трансформаторы» are one lexeme for the `russian` configuration: the first stands for all).
 */
function distinctStems(word: string, alternatives: string[]): string[] {
  const seen = new Set([stem(word)]);
  const out: string[] = [];
  for (const a of alternatives) {
    const safe = a.replace(/[^\p{L}]/gu, "");
    const s = stem(safe);
    if (!safe || seen.has(s)) continue;
    seen.add(s);
    out.push(safe);
    if (out.length === 2) break;
  }
  return out;
}

function withExpansions(terms: QueryTerm[], expansions: Map<string, Expansion>): QueryTerm[] {
  const extra = [...expansions.values()].filter((e) => !e.known).flatMap((e) => distinctStems(e.word, e.alternatives));
  return extra.length ? [...terms, ...parseQuery(extra.join(" "), { prefixLast: false })] : terms;
}

function specPairs(specFacets: Record<string, string>): string[] {
  return Object.entries(specFacets).map(([code, value]) => specPair(code, value));
}
