-- CreateTable
CREATE TABLE "search_facet_count" (
    "scope" TEXT NOT NULL,
    "facet" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "search_facet_count_pkey" PRIMARY KEY ("scope","facet","value")
);

-- Exact facet counts of a category browse (no text query), kept in step with search_document by statement-level
-- triggers: each INSERT, UPDATE or DELETE statement of the search sync (500 documents at a time) adds the keys of its
-- new rows and subtracts those of its old rows, grouped, in one upsert — the counts are exact after every statement,
-- in the same transaction as the documents. The embedded engine answers a browse without filters from here instead
-- of counting thousands of rows (docs/decisions/0023). Price and lead time are kept as counted values too, so a
-- browse reads its ranges' ends from the index. Keys of one document, for its category and every ancestor
-- (categoryPath) and for the whole catalog (scope ''):
CREATE FUNCTION search_facet_keys(path TEXT[], sector TEXT, category TEXT, supplier TEXT, verified BOOLEAN,
                                  stock TEXT, specs TEXT[], price BIGINT, lead INTEGER)
RETURNS TABLE (scope TEXT, facet TEXT, value TEXT) LANGUAGE sql IMMUTABLE AS $$
  SELECT s.scope, k.facet, k.value
    FROM (SELECT DISTINCT x FROM unnest(array_append(coalesce(path, '{}'::text[]), '')) AS x) AS s(scope)
   CROSS JOIN LATERAL (
         SELECT 'total', ''
         UNION ALL SELECT 'sector', sector
         UNION ALL SELECT 'category', category
         UNION ALL SELECT 'supplier', supplier
         UNION ALL SELECT 'verified', '1' WHERE verified
         UNION ALL SELECT 'stock', '1' WHERE stock = 'IN_STOCK'
         UNION ALL SELECT DISTINCT 'spec', y FROM unnest(coalesce(specs, '{}'::text[])) AS y
         -- zero-padded, so that text order is numeric order: the range's ends are the first and last key
         UNION ALL SELECT 'price', lpad(price::text, 20, '0') WHERE price IS NOT NULL
         UNION ALL SELECT 'lead', lpad(lead::text, 10, '0') WHERE lead IS NOT NULL) AS k(facet, value)
$$;

CREATE FUNCTION search_facet_count_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO search_facet_count AS c (scope, facet, value, n)
    SELECT k.scope, k.facet, k.value, count(*)::int
      FROM new_rows r,
           LATERAL search_facet_keys(r."categoryPath", r.sector::text, r."categoryId", r."supplierId", r.verified,
                                     r."stockStatus"::text, r.specs, r."priceKopecks", r."leadTimeDays") k
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (scope, facet, value) DO UPDATE SET n = c.n + EXCLUDED.n;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO search_facet_count AS c (scope, facet, value, n)
    SELECT d.scope, d.facet, d.value, sum(d.n)::int
      FROM (SELECT k.scope, k.facet, k.value, 1 AS n
              FROM new_rows r,
                   LATERAL search_facet_keys(r."categoryPath", r.sector::text, r."categoryId", r."supplierId",
                                             r.verified, r."stockStatus"::text, r.specs, r."priceKopecks", r."leadTimeDays") k
            UNION ALL
            SELECT k.scope, k.facet, k.value, -1
              FROM old_rows r,
                   LATERAL search_facet_keys(r."categoryPath", r.sector::text, r."categoryId", r."supplierId",
                                             r.verified, r."stockStatus"::text, r.specs, r."priceKopecks", r."leadTimeDays") k) d
     GROUP BY 1, 2, 3 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (scope, facet, value) DO UPDATE SET n = c.n + EXCLUDED.n;
  ELSE -- DELETE
    INSERT INTO search_facet_count AS c (scope, facet, value, n)
    SELECT k.scope, k.facet, k.value, -count(*)::int
      FROM old_rows r,
           LATERAL search_facet_keys(r."categoryPath", r.sector::text, r."categoryId", r."supplierId", r.verified,
                                     r."stockStatus"::text, r.specs, r."priceKopecks", r."leadTimeDays") k
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (scope, facet, value) DO UPDATE SET n = c.n + EXCLUDED.n;
  END IF;
  -- values no product has any more (by primary key: only the keys the old rows had can have dropped to 0)
  DELETE FROM search_facet_count c
   USING (SELECT DISTINCT k.scope, k.facet, k.value
            FROM old_rows r,
                 LATERAL search_facet_keys(r."categoryPath", r.sector::text, r."categoryId", r."supplierId",
                                           r.verified, r."stockStatus"::text, r.specs, r."priceKopecks", r."leadTimeDays") k) o
   WHERE c.scope = o.scope AND c.facet = o.facet AND c.value = o.value AND c.n <= 0;
  RETURN NULL;
END
$$;

CREATE TRIGGER search_facet_count_insert AFTER INSERT ON "search_document"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_facet_count_apply();
CREATE TRIGGER search_facet_count_update AFTER UPDATE ON "search_document"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_facet_count_apply();
CREATE TRIGGER search_facet_count_delete AFTER DELETE ON "search_document"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_facet_count_apply();

-- the documents indexed before this migration
INSERT INTO search_facet_count (scope, facet, value, n)
SELECT k.scope, k.facet, k.value, count(*)::int
  FROM "search_document" r,
       LATERAL search_facet_keys(r."categoryPath", r.sector::text, r."categoryId", r."supplierId", r.verified,
                                 r."stockStatus"::text, r.specs, r."priceKopecks", r."leadTimeDays") k
 GROUP BY 1, 2, 3;

-- planner statistics for the browse look-ups (the engine re-analyzes after bulk changes, as for search_document)
ANALYZE "search_facet_count";
