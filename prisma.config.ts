import path from "node:path";
import { defineConfig } from "prisma/config";

// The native schema engine cannot be downloaded here; generate/validate/format do not need it.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("scripts/no-native-engine.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
