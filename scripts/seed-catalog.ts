/**
 * Benchmark catalog: `tsx scripts/seed-catalog.ts --products 100000 [--seed 1] [--batch 2000] [--reindex]`.
 * Ensures the base demo catalog (categories, suppliers, buyers) exists, then appends generated products and prints
 * the insert rate. With --reindex the search index is rebuilt afterwards.
 */
import { closeDatabase, getPrisma } from "~/utils/db.server";
import { hasBaseCatalog, seedBulkProducts, seedCatalog } from "../prisma/seed/catalog";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function intArg(name: string, fallback: number): number {
  const raw = arg(name);
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/[_\s]/g, ""));
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a non-negative integer, got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return n;
}

const count = intArg("products", 100_000);
const seed = intArg("seed", 1);
const batchSize = intArg("batch", 2000);
const reindex = process.argv.includes("--reindex");

const prisma = getPrisma();
try {
  if (!(await hasBaseCatalog(prisma))) {
    if ((await prisma.organization.count()) > 0 || (await prisma.category.count()) > 0) {
      throw new Error("the database has data but not the seeded base catalog; use an empty database");
    }
    console.log("Базовый каталог отсутствует — создаю категории, поставщиков и покупателей (base catalog)…");
    const base = await seedCatalog(prisma, { products: 0 });
    console.log(
      `  ${Object.keys(base.categoryIdsBySlug).length} категорий, ${Object.keys(base.orgIdsBySlug).length} организаций`,
    );
  }

  const started = performance.now();
  let lastReport = started;
  const result = await seedBulkProducts(prisma, {
    count,
    seed,
    batchSize,
    onProgress(inserted) {
      const now = performance.now();
      if (now - lastReport > 5000) {
        lastReport = now;
        const rate = Math.round(inserted / ((now - started) / 1000));
        console.log(
          `  ${inserted.toLocaleString("ru-RU")} / ${count.toLocaleString("ru-RU")} товаров, ${rate} строк/с`,
        );
      }
    },
  });
  console.log(
    `Вставлено ${result.inserted.toLocaleString("ru-RU")} товаров (seed ${seed}, начиная с № ${result.offset}) за ${result.seconds.toFixed(1)} с — ${result.rowsPerSecond} rows/s`,
  );
  console.log(`Всего товаров в базе: ${(await prisma.product.count()).toLocaleString("ru-RU")}`);

  if (reindex) {
    const { reindexAll } = await import("~/modules/search/search.server");
    const t = performance.now();
    const r = await reindexAll(prisma);
    console.log(
      `Поисковый индекс (${r.engine}) перестроен: ${r.indexed} документов за ${((performance.now() - t) / 1000).toFixed(1)} с`,
    );
  }
} catch (error) {
  console.error("seed-catalog failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
