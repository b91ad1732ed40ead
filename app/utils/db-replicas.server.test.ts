import { describe, expect, it } from "vitest";
import { Prisma } from "../generated/prisma/client";
import {
  isConnectionFailure,
  isReadOnlySql,
  rawSqlText,
  readRouteForRequest,
  readYourWritesCookie,
} from "./db-replicas.server";

describe("read-your-writes routing of a request", () => {
  const now = 1_800_000_000_000;

  it("lets GET and HEAD read a replica, never a mutation", () => {
    expect(readRouteForRequest("GET", undefined, now).replicaAllowed).toBe(true);
    expect(readRouteForRequest("HEAD", "sm_session=x", now).replicaAllowed).toBe(true);
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(readRouteForRequest(method, undefined, now).replicaAllowed).toBe(false);
    }
  });

  it("keeps a client that just wrote on the primary until its cookie runs out", () => {
    const cookie = readYourWritesCookie(5_000, now);
    expect(cookie).toMatch(/^sm_rw=\d+; Max-Age=5; Path=\/; HttpOnly; SameSite=Lax$/);
    const header = `sm_session=abc; ${cookie.split(";")[0]}; other=1`;
    expect(readRouteForRequest("GET", header, now + 4_999).replicaAllowed).toBe(false);
    expect(readRouteForRequest("GET", header, now + 5_001).replicaAllowed).toBe(true);
    expect(readRouteForRequest("GET", "xsm_rw=99999999999999", now).replicaAllowed).toBe(true);
    expect(readYourWritesCookie(1_500, now, true)).toMatch(/Max-Age=2;.*; Secure$/);
  });
});

describe("which raw queries a replica may answer", () => {
  it("accepts plain reads", () => {
    expect(isReadOnlySql("SELECT 1")).toBe(true);
    expect(isReadOnlySql("  with t as (select 1) select * from t")).toBe(true);
    expect(isReadOnlySql("-- count\nSELECT count(*) FROM product")).toBe(true);
  });

  it("refuses writes, row locks, sequences and locks hidden in a read", () => {
    expect(isReadOnlySql("UPDATE outbox_event SET attempts = 1 RETURNING id")).toBe(false);
    expect(isReadOnlySql("WITH d AS (DELETE FROM x RETURNING id) SELECT * FROM d")).toBe(false);
    expect(isReadOnlySql("SELECT id FROM outbox_event FOR UPDATE SKIP LOCKED")).toBe(false);
    expect(isReadOnlySql("SELECT id FROM t FOR NO KEY UPDATE")).toBe(false);
    expect(isReadOnlySql("SELECT nextval('s')")).toBe(false);
    expect(isReadOnlySql("SELECT pg_advisory_xact_lock(1)")).toBe(false);
    expect(isReadOnlySql("SELECT * INTO copy FROM t")).toBe(false);
    expect(isReadOnlySql("SET LOCAL work_mem = '64MB'")).toBe(false);
    expect(isReadOnlySql(undefined)).toBe(false);
  });

  it("reads the SQL of a tagged template, a Prisma.Sql and the unsafe form", () => {
    expect(rawSqlText(Prisma.sql`SELECT * FROM t WHERE id = ${1}`)).toBe("SELECT * FROM t WHERE id = ?");
    expect(rawSqlText(["SELECT $1", 1])).toBe("SELECT $1");
    const strings = Object.assign(["SELECT ", ""], { raw: ["SELECT ", ""] });
    expect(rawSqlText([strings, 1])).toBe("SELECT ?");
  });
});

describe("connection failures fall back to the primary, query errors do not", () => {
  it("tells the two apart", () => {
    expect(isConnectionFailure(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:55431"), {}))).toBe(true);
    expect(isConnectionFailure(new Error("terminating connection due to administrator command"))).toBe(true);
    expect(isConnectionFailure({ code: "57P01", message: "x" })).toBe(true);
    expect(isConnectionFailure(new Error('Unique constraint failed on the fields: ("email")'))).toBe(false);
  });
});

describe("the settings", () => {
  it("accept lists of replica URLs and Meilisearch nodes, and name a bad one", async () => {
    const { parseEnv } = await import("./env.server");
    const config = parseEnv({
      DATABASE_REPLICA_URLS: "postgres://u@r1:5432/db, postgres://u@r2:5432/db",
      MEILI_HOSTS: "http://10.0.0.1:7700,http://10.0.0.2:7700,",
    });
    expect(config.DATABASE_REPLICA_STICKY_MS).toBe(5_000);
    expect(() => parseEnv({ DATABASE_REPLICA_URLS: "mysql://r1/db" })).toThrow(/DATABASE_REPLICA_URLS/);
    expect(() => parseEnv({ MEILI_HOSTS: "http://a:7700,ftp://b" })).toThrow(/MEILI_HOSTS/);
  });
});
