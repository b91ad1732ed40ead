-- Browse counts by the catalog's two flag filters (issue #23 item 5, docs/decisions/0023 (8)): every count of
-- search_facet_count is split by the product's flags — its supplier verified (search_document.verified) and in stock
-- (stockStatus = IN_STOCK) — into four disjoint buckets. A browse with «Проверенные поставщики» and/or «В наличии»
-- sums the buckets its filters allow (1, 2 or all 4), so it is answered exactly from here like a plain browse. The
-- `verified` and `stock` facet keys are gone: they are the totals of the verified and of the in-stock buckets.
-- A product changes bucket only through an UPDATE of its search_document row (the search sync rewrites it when its
-- supplier is verified, unverified, suspended or reinstated, or its stock, status or category changes), and the
-- UPDATE trigger subtracts the old row's keys in its old bucket and adds the new row's in its new one.
DROP TRIGGER search_facet_count_insert ON "search_document";
DROP TRIGGER search_facet_count_update ON "search_document";
DROP TRIGGER search_facet_count_delete ON "search_document";
DROP FUNCTION search_facet_count_apply();
DROP FUNCTION search_facet_keys(TEXT[], TEXT, TEXT, TEXT, BOOLEAN, TEXT, TEXT[], BIGINT, INTEGER);
DROP TABLE "search_facet_count";

-- CreateTable
CREATE TABLE "search_facet_count" (
    "scope" TEXT NOT NULL,
    "facet" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "verified" BOOLEAN NOT NULL,
    "inStock" BOOLEAN NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "search_facet_count_pkey" PRIMARY KEY ("scope","facet","value","verified","inStock")
);

-- The flags come last in the key: a browse reads one (scope, facet) range as before, in value order (the price and
-- lead-time ends are still its first and last entries), and keeps the buckets its filters allow.
-- Keys of one document, for its category and every ancestor (categoryPath) and for the whole catalog (scope ''):
CREATE FUNCTION search_facet_keys(path TEXT[], sector TEXT, category TEXT, supplier TEXT, specs TEXT[], price BIGINT,
                                  lead INTEGER)
RETURNS TABLE (scope TEXT, facet TEXT, value TEXT) LANGUAGE sql IMMUTABLE AS $$
  SELECT s.scope, k.facet, k.value
    FROM (SELECT DISTINCT x FROM unnest(array_append(coalesce(path, '{}'::text[]), '')) AS x) AS s(scope)
   CROSS JOIN LATERAL (
         SELECT 'total', ''
         UNION ALL SELECT 'sector', sector
         UNION ALL SELECT 'category', category
         UNION ALL SELECT 'supplier', supplier
         UNION ALL SELECT DISTINCT 'spec', y FROM unnest(coalesce(specs, '{}'::text[])) AS y
         -- zero-padded, so that text order is numeric order: the range's ends are the first and last key
         UNION ALL SELECT 'price', lpad(price::text, 20, '0') WHERE price IS NOT NULL
         UNION ALL SELECT 'lead', lpad(lead::text, 10, '0') WHERE lead IS NOT NULL) AS k(facet, value)
$$;

CREATE FUNCTION search_facet_count_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO search_facet_count AS c (scope, facet, value, verified, "inStock", n)
    SELECT k.scope, k.facet, k.value, r.verified, r."stockStatus" = 'IN_STOCK', count(*)::int
      FROM new_rows r,
           LATERAL search_facet_keys(r."categoryPath", r.sector::text, r."categoryId", r."supplierId", r.specs,
                                     r."priceKopecks", r."leadTimeDays") k
     GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (scope, facet, value, verified, "inStock") DO UPDATE SET n = c.n + EXCLUDED.n;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    -- a row whose flags changed moves: -1 in its old bucket, +1 in its new one
    INSERT INTO search_facet_count AS c (scope, facet, value, verified, "inStock", n)
    SELECT d.scope, d.facet, d.value, d.verified, d."inStock", sum(d.n)::int
      FROM (SELECT k.scope, k.facet, k.value, r.verified, r."stockStatus" = 'IN_STOCK' AS "inStock", 1 AS n
              FROM new_rows r,
                   LATERAL search_facet_keys(r."categoryPath", r.sector::text, r."categoryId", r."supplierId", r.specs,
                                             r."priceKopecks", r."leadTimeDays") k
            UNION ALL
            SELECT k.scope, k.facet, k.value, r.verified, r."stockStatus" = 'IN_STOCK', -1
              FROM old_rows r,
                   LATERAL search_facet_keys(r."categoryPath", r.sector::text, r."categoryId", r."supplierId", r.specs,
                                             r."priceKopecks", r."leadTimeDays") k) d
     GROUP BY 1, 2, 3, 4, 5 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (scope, facet, value, verified, "inStock") DO UPDATE SET n = c.n + EXCLUDED.n;
  ELSE -- DELETE
    INSERT INTO search_facet_count AS c (scope, facet, value, verified, "inStock", n)
    SELECT k.scope, k.facet, k.value, r.verified, r."stockStatus" = 'IN_STOCK', -count(*)::int
      FROM old_rows r,
           LATERAL search_facet_keys(r."categoryPath", r.sector::text, r."categoryId", r."supplierId", r.specs,
                                     r."priceKopecks", r."leadTimeDays") k
     GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (scope, facet, value, verified, "inStock") DO UPDATE SET n = c.n + EXCLUDED.n;
  END IF;
  -- values no product has any more in a bucket (only the old rows' keys can have dropped to 0)
  DELETE FROM search_facet_count c
   USING (SELECT DISTINCT k.scope, k.facet, k.value, r.verified, r."stockStatus" = 'IN_STOCK' AS "inStock"
            FROM old_rows r,
                 LATERAL search_facet_keys(r."categoryPath", r.sector::text, r."categoryId", r."supplierId", r.specs,
                                           r."priceKopecks", r."leadTimeDays") k) o
   WHERE c.scope = o.scope AND c.facet = o.facet AND c.value = o.value AND c.verified = o.verified
     AND c."inStock" = o."inStock" AND c.n <= 0;
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
INSERT INTO search_facet_count (scope, facet, value, verified, "inStock", n)
SELECT k.scope, k.facet, k.value, r.verified, r."stockStatus" = 'IN_STOCK', count(*)::int
  FROM "search_document" r,
       LATERAL search_facet_keys(r."categoryPath", r.sector::text, r."categoryId", r."supplierId", r.specs,
                                 r."priceKopecks", r."leadTimeDays") k
 GROUP BY 1, 2, 3, 4, 5;

-- planner statistics for the browse look-ups (the engine re-analyzes after bulk changes, as for search_document)
ANALYZE "search_facet_count";
