import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

// With TEST_DATABASE_URL (postgres://…) the integration suite shares one PostgreSQL database, so files run one by one.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    teardownTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["app/**/*.test.ts", "app/**/*.test.tsx", "scripts/**/*.test.ts", "prisma/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/global-setup.ts", "tests/setup/meilisearch.ts"],
          setupFiles: ["tests/setup/each-file.ts"],
          pool: "forks",
          fileParallelism: !onPostgres,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
