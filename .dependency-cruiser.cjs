/**
 * The import rules of docs/architecture.md, checked by `npm run lint:deps` (part of `npm run lint`, so of `npm test`).
 * A module's door: `app/modules/<m>/<m>.server.ts` (or `index.server.ts`, re-exporting its public surface), its `*.schema.ts` and `ui/`; plus the client-safe value modules
 * (i18n, money) and the accounts module's `actor.ts` / `viewer.ts` types. Everything else in a module is private.
 * Tests (`*.test.ts`, tests/) and benchmarks (scripts/bench-*) may reach a module's internals: they test and measure them.
 * Violations that predate the rules and wait for their issue are listed in .dependency-cruiser-known-violations.json
 * (`npm run lint:deps` ignores those, fails on any new one; regenerate the list with `npm run lint:deps:baseline` only
 * when removing entries).
 */
const DOOR =
  "^app/modules/([^/]+)/(\\1\\.server\\.ts|index\\.server\\.ts|[^/]+\\.schema\\.ts|ui/.+)$|^app/modules/(i18n|money)/|^app/modules/accounts/(actor|viewer)\\.ts$|^app/modules/integration/events\\.server\\.ts$";
const TESTS = "(^tests/|\\.test\\.tsx?$|^scripts/bench-)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Import cycles make start-up order and module boundaries unreadable (type-only imports excepted).",
      from: { path: "^app/" },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "utils-not-to-modules",
      severity: "error",
      comment:
        "app/utils holds infrastructure (database, env, logger, HTTP helpers); it never imports a module, a route or the wiring.",
      from: { path: "^app/utils/", pathNot: TESTS },
      to: { path: "^app/(modules|workflows|routes|components|root|startup)" },
    },
    {
      name: "module-internals-from-another-module",
      severity: "error",
      comment: "A module uses another module only through its door (<m>.server.ts, *.schema.ts, ui/).",
      from: { path: "^app/modules/([^/]+)/", pathNot: TESTS },
      to: { path: "^app/modules/", pathNot: ["^app/modules/$1/", DOOR] },
    },
    {
      name: "module-internals-from-outside",
      severity: "error",
      comment: "Routes, workflows, components, scripts and the seed use a module only through its door.",
      from: { pathNot: ["^app/modules/", TESTS] },
      to: { path: "^app/modules/", pathNot: DOOR },
    },
    {
      name: "modules-not-to-routes",
      severity: "error",
      comment:
        "Modules, workflows and utils never import routes, the root or the wiring (the edges import the middle).",
      from: { path: "^app/(modules|workflows|utils|components)/", pathNot: TESTS },
      to: { path: "^app/(routes/|root\\.tsx|entry\\.|startup\\.server)" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^app/generated/|^build/|^node_modules/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
