import { describe, expect, it } from "vitest";
import { planProcesses } from "./cluster";

describe("planProcesses (npm run serve on every core)", () => {
  const pg = "postgres://postgres@127.0.0.1:5432/snabmost";

  it("runs one process per CPU by default on a PostgreSQL server", () => {
    expect(planProcesses({ DATABASE_URL: pg, dev: false, cpus: 4 })).toEqual({ processes: 4 });
  });

  it("takes WEB_CONCURRENCY when set", () => {
    expect(planProcesses({ WEB_CONCURRENCY: "3", DATABASE_URL: pg, dev: false, cpus: 2 })).toEqual({ processes: 3 });
  });

  it.each(["", "memory://", "file:./data/db"])(
    "falls back to one process, saying why, on the embedded database %j",
    (url) => {
      const plan = planProcesses({ WEB_CONCURRENCY: "2", DATABASE_URL: url, dev: false, cpus: 2 });
      expect(plan.processes).toBe(1);
      expect(plan.reason).toMatch(/PGlite.*one process/);
    },
  );

  it("keeps the development server in one process", () => {
    expect(planProcesses({ DATABASE_URL: pg, dev: true, cpus: 8 }).processes).toBe(1);
  });

  it.each(["0", "-1", "two", "1.5"])("refuses WEB_CONCURRENCY=%j with a clear message", (value) => {
    expect(() => planProcesses({ WEB_CONCURRENCY: value, DATABASE_URL: pg, dev: false, cpus: 2 })).toThrow(
      /WEB_CONCURRENCY must be a whole number/,
    );
  });
});
