/**
 * Database migrations without the native Prisma engine.
 *   tsx scripts/db.ts deploy          apply pending migrations to DATABASE_URL   (npm run db:migrate)
 *   tsx scripts/db.ts create <name>   write a migration from the schema changes  (npm run db:migrate:create -- <name>)
 *   tsx scripts/db.ts status          show applied / pending migrations          (npm run db:status)
 *   tsx scripts/db.ts check           fail when the schema has changes without a migration (npm run db:check)
 */
import { env } from "../app/utils/env.server";
import { checkDrift, createMigration, deployMigrations, migrationStatus } from "./lib/schema-engine";

const USAGE = "Usage: tsx scripts/db.ts deploy | create <name> | status | check";

function describeTarget(url: string): string {
  if (url === "") return `embedded PGlite (${env().DATA_DIR}/pglite)`;
  if (url.startsWith("memory://")) return "in-memory PGlite";
  if (url.startsWith("file:")) return `PGlite in ${url.slice("file:".length)}`;
  return `PostgreSQL ${url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@")}`;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "deploy": {
      const url = env().DATABASE_URL;
      console.log(`Database: ${describeTarget(url)}`);
      await deployMigrations(url);
      return 0;
    }
    case "create": {
      const name = rest.join("_");
      if (!name) {
        console.error("Give the migration a name: npm run db:migrate:create -- <name>");
        return 1;
      }
      await createMigration(name); // prints "No changes" and writes nothing when the schema matches
      return 0;
    }
    case "status": {
      const url = env().DATABASE_URL;
      console.log(`Database: ${describeTarget(url)}`);
      const status = await migrationStatus(url);
      return status.upToDate && status.edited.length === 0 ? 0 : 1;
    }
    case "check": {
      const result = await checkDrift({ log: (line) => console.log(line) });
      if (!result.ok) console.error(result.message);
      return result.ok ? 0 : 1;
    }
    default:
      console.error(USAGE);
      return command === undefined || command === "help" || command === "--help" ? 0 : 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
