import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * patches/react+18.3.1.patch (applied by `patch-package` at postinstall, ADR 0025): the production JSX runtime uses the
 * props object the compiled JSX passes instead of copying it key by key, when it holds no `key`, `ref`, `__self` or
 * `__source` — as React 19's runtime does. The compiler always passes a new object literal (`jsx(X, { ...props })`),
 * so nobody else holds it. A catalog page creates ≈ 3,000 elements. Elements must come out exactly as before.
 */
const require = createRequire(import.meta.url);
type Element = { type: unknown; key: string | null; ref: unknown; props: Record<string, unknown> };
// the production build itself (tests run the development one; the package exports no path to it)
const file = path.join(path.dirname(require.resolve("react/package.json")), "cjs/react-jsx-runtime.production.min.js");
const runtime = require(file) as {
  jsx: (type: unknown, config: Record<string, unknown>, key?: string) => Element;
  jsxs: (type: unknown, config: Record<string, unknown>, key?: string) => Element;
};

describe("JSX runtime patch (production)", () => {
  it("takes the compiled props object as the element's props", () => {
    const config = { className: "card", children: "x" };
    const element = runtime.jsx("div", config);
    expect(element.props).toBe(config);
    expect(element.key).toBeNull();
    expect(element.ref).toBeNull();
    expect(runtime.jsxs("ul", config, "k").key).toBe("k");
  });

  it("still takes a spread key and ref out of the props", () => {
    const ref = { current: null };
    const config = { id: "a", key: 7, ref, children: "x" };
    const element = runtime.jsx("div", config);
    expect(element.key).toBe("7");
    expect(element.ref).toBe(ref);
    expect(element.props).toEqual({ id: "a", children: "x" });
    expect(element.props).not.toBe(config);
    expect(config).toEqual({ id: "a", key: 7, ref, children: "x" });
  });

  it("still fills in default props, without touching the defaults", () => {
    const Card = Object.assign(() => null, { defaultProps: { size: "sm", tone: "plain" } });
    const element = runtime.jsx(Card, { tone: "brand" });
    expect(element.props).toEqual({ tone: "brand", size: "sm" });
    expect(Card.defaultProps).toEqual({ size: "sm", tone: "plain" });
  });
});
