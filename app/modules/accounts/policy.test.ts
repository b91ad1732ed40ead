import { describe, expect, it } from "vitest";
import { canEditOrganization, canGrantRole, canManageMembers, canRemoveMember, safeRedirect } from "./policy";

describe("membership policy", () => {
  it("lets owners and admins manage members, not members", () => {
    expect(canManageMembers("OWNER")).toBe(true);
    expect(canManageMembers("ADMIN")).toBe(true);
    expect(canManageMembers("MEMBER")).toBe(false);
    expect(canManageMembers(null)).toBe(false);
    expect(canEditOrganization("MEMBER")).toBe(false);
  });
  it("never grants OWNER by invitation and never above one's own role", () => {
    expect(canGrantRole("OWNER", "ADMIN")).toBe(true);
    expect(canGrantRole("OWNER", "OWNER")).toBe(false);
    expect(canGrantRole("ADMIN", "ADMIN")).toBe(true);
    expect(canGrantRole("ADMIN", "MEMBER")).toBe(true);
    expect(canGrantRole("MEMBER", "MEMBER")).toBe(false);
  });
  it("never removes an owner", () => {
    expect(canRemoveMember("OWNER", "OWNER")).toBe(false);
    expect(canRemoveMember("OWNER", "ADMIN")).toBe(true);
    expect(canRemoveMember("ADMIN", "MEMBER")).toBe(true);
    expect(canRemoveMember("MEMBER", "MEMBER")).toBe(false);
  });
});

describe("safeRedirect", () => {
  it("accepts local paths", () => {
    expect(safeRedirect("/buyer/rfqs?x=1")).toBe("/buyer/rfqs?x=1");
    expect(safeRedirect("/en/catalog")).toBe("/en/catalog");
    expect(safeRedirect("/catalog?q=трансформатор")).toBe(
      "/catalog?q=%D1%82%D1%80%D0%B0%D0%BD%D1%81%D1%84%D0%BE%D1%80%D0%BC%D0%B0%D1%82%D0%BE%D1%80",
    );
  });
  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "evil",
    "/\nSet-Cookie:x",
    "",
    undefined,
  ])("refuses %s", (to) => {
    expect(safeRedirect(to, "/home")).toBe("/home");
  });
});
