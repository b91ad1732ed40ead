/**
 * Import benchmark: `npm run bench:import [-- --rows 10000]`.
 * Generates an XLSX price list of N rows and imports it through the same code path as /supplier/import
 * (createImportJob → validateImportJob → runImportJob), three times: new products, unchanged re-import, all changed.
 * Runs on a throwaway in-memory PGlite, and also on PostgreSQL when BENCH_DATABASE_URL or DATABASE_URL is postgres://
 * (a temporary database `snabmost_bench_<random>` is created on that server and dropped afterwards).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import pg from "pg";
import type { Actor } from "../app/modules/accounts/actor";
import { createImportJob, getImportJob, runImportJob, validateImportJob } from "../app/modules/catalog/catalog.server";
import { type Database, databaseFromPglite, openDatabase, openPglite, useDatabase } from "../app/utils/db.server";
import { PgliteAdapterFactory } from "../app/utils/db-adapters.server";
import { resetEnvForTests } from "../app/utils/env.server";
import { deployMigrations } from "./lib/schema-engine";

const args = process.argv.slice(2);
const rowsArg = args.indexOf("--rows");
const ROWS = rowsArg >= 0 ? Number(args[rowsArg + 1]) : 10_000;
const migrationsDir = path.resolve("prisma", "migrations");

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "snabmost-bench-"));
process.env.DATA_DIR = dataDir;
process.env.LOG_LEVEL ??= "warn";
resetEnvForTests();

async function priceList(rows: number, shift: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Прайс");
  ws.addRow([
    "Артикул",
    "Наименование",
    "Категория",
    "Цена без НДС",
    "НДС",
    "Ед. изм.",
    "Срок поставки",
    "Мощность, кВА",
    "Напряжение ВН, кВ",
  ]);
  for (let i = 0; i < rows; i++) {
    ws.addRow([
      `ТМГ-${i}/10/0,4`,
      `Трансформатор ТМГ-${i}/10/0,4 У1`,
      "bench-transformatory",
      100_000 + i + shift,
      "22%",
      "шт",
      30,
      25 + (i % 2500),
      10,
    ]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function setupActor(db: Database): Promise<Actor> {
  const prisma = db.prisma;
  const org = await prisma.organization.create({
    data: {
      kind: "SUPPLIER",
      slug: `bench-${randomBytes(4).toString("hex")}`,
      legalName: "ООО «Бенчмарк»",
      shortName: "Бенчмарк",
      inn: `78${String(Date.now()).slice(-8)}`,
      ogrn: "1027700132195",
      region: "Санкт-Петербург",
      city: "Санкт-Петербург",
      legalAddress: "—",
      phone: "—",
    },
  });
  const user = await prisma.user.create({
    data: { email: `bench-${org.slug}@example.test`, name: "Bench", passwordHash: "x" },
  });
  await prisma.category.create({
    data: {
      sector: "GRID",
      slug: "bench-transformatory",
      nameRu: "Трансформаторы (бенчмарк)",
      nameEn: "Transformers (bench)",
      attributes: {
        create: [
          { code: "power_kva", nameRu: "Мощность", nameEn: "Power", type: "NUMBER", unit: "kVA", required: true },
          {
            code: "voltage_hv_kv",
            nameRu: "Напряжение ВН",
            nameEn: "HV voltage",
            type: "NUMBER",
            unit: "kV",
            position: 1,
          },
        ],
      },
    },
  });
  return { userId: user.id, organizationId: org.id, orgKind: "SUPPLIER", role: "OWNER", isOperator: false };
}

async function bench(label: string, db: Database) {
  useDatabase(db);
  const actor = await setupActor(db);
  const files = [await priceList(ROWS, 0), await priceList(ROWS, 0), await priceList(ROWS, 1)];
  const passes = ["new", "unchanged", "changed"];
  for (const [i, bytes] of files.entries()) {
    const t0 = performance.now();
    const { id } = await createImportJob(actor, { file: { name: "bench.xlsx", bytes } });
    const job = await getImportJob(actor, id, { previewRows: 0 });
    await validateImportJob(actor, id, job.mapping);
    const t1 = performance.now();
    const result = await runImportJob(id);
    const t2 = performance.now();
    const runRate = Math.round(ROWS / ((t2 - t1) / 1000));
    const totalRate = Math.round(ROWS / ((t2 - t0) / 1000));
    console.log(
      `${label.padEnd(10)} ${passes[i].padEnd(9)} ${ROWS} rows: import ${((t2 - t1) / 1000).toFixed(2)} s = ${runRate} rows/s ` +
        `(with upload+validation ${((t2 - t0) / 1000).toFixed(2)} s = ${totalRate} rows/s) ` +
        `created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}`,
    );
  }
  useDatabase(undefined);
}

try {
  const pglite = openPglite("memory://");
  await deployMigrations("memory://", { migrationsDir, factory: new PgliteAdapterFactory(pglite), log: () => {} });
  const db = databaseFromPglite(pglite);
  await bench("PGlite", db);
  await db.close();

  const serverUrl = [process.env.BENCH_DATABASE_URL, process.env.DATABASE_URL].find(
    (u) => u && /^postgres(ql)?:\/\//.test(u),
  );
  if (serverUrl) {
    const name = `snabmost_bench_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    try {
      await deployMigrations(url.toString(), { migrationsDir, log: () => {} });
      const pgDb = openDatabase(url.toString());
      await bench("PostgreSQL", pgDb);
      await pgDb.close();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  } else {
    console.log("PostgreSQL: skipped (set BENCH_DATABASE_URL=postgres://… to measure it)");
  }
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
