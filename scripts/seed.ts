/**
 * Seeds the demo. `--if-empty` does nothing when organisations exist (so `npm start` is safe to repeat);
 * `--quiet` prints only a summary line. Credentials are printed on first seed (demo only; also in README).
 */

import { closeDatabase, getPrisma } from "../app/utils/db.server";
import { isEmpty, seedDemo } from "../prisma/seed";

const args = process.argv.slice(2);
const ifEmpty = args.includes("--if-empty");
const quiet = args.includes("--quiet");
const productsArg = args.indexOf("--products");
const products = productsArg >= 0 ? Number(args[productsArg + 1]) : undefined;

const prisma = getPrisma();
try {
  if (ifEmpty && !(await isEmpty(prisma))) {
    if (!quiet) console.log("Демо-данные уже есть — пропускаю заполнение (the database already has data).");
  } else {
    const started = Date.now();
    const result = await seedDemo(prisma, { products });
    console.log(
      `Демо-данные созданы: ${result.organizations} организаций, ${result.products} товаров за ${((Date.now() - started) / 1000).toFixed(1)} с.`,
    );
    if (!quiet) {
      console.log("\nДемо-пользователи (только для демонстрации):");
      for (const c of result.credentials) {
        console.log(
          `  ${c.role.padEnd(10)} ${c.email.padEnd(44)} ${c.password}${c.organization ? `  (${c.organization})` : ""}`,
        );
      }
    }
  }
} catch (error) {
  console.error("Seeding failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
