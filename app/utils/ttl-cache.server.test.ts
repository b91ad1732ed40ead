import { describe, expect, it } from "vitest";
import { TtlCache } from "./ttl-cache.server";

describe("TtlCache", () => {
  it("computes once within the time to live and again after it", async () => {
    const cache = new TtlCache<number>(1_000, 10);
    let calls = 0;
    const compute = async () => ++calls;
    expect(await cache.get("k", compute, 0)).toBe(1);
    expect(await cache.get("k", compute, 999)).toBe(1);
    expect(await cache.get("k", compute, 1_000)).toBe(2);
  });

  it("shares one computation between concurrent misses and does not keep a failure", async () => {
    const cache = new TtlCache<number>(1_000, 10);
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error("db down");
    };
    await Promise.all([cache.get("k", failing, 0), cache.get("k", failing, 0)].map((p) => p.catch(() => "failed")));
    expect(calls).toBe(1);
    expect(await cache.get("k", async () => 7, 1)).toBe(7);
  });

  it("drops the least recently used entry beyond its size and forgets by prefix", async () => {
    const cache = new TtlCache<string>(10_000, 2);
    await cache.get("s1|a", async () => "a", 0);
    await cache.get("s2|b", async () => "b", 0);
    await cache.get("s1|a", async () => "never", 1); // used: s2|b is now the oldest
    await cache.get("s3|c", async () => "c", 2);
    expect(cache.size).toBe(2);
    expect(await cache.get("s2|b", async () => "b again", 3)).toBe("b again");
    cache.forgetPrefix("s1|");
    expect(await cache.get("s1|a", async () => "a again", 4)).toBe("a again");
  });
});
