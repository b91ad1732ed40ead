import { describe, expect, it } from "vitest";
import { makeInn10, makeInn12, makeOgrn, makeOgrnip } from "../../../prisma/seed/ru-requisites";
import { signupSchema } from "./accounts.schema";

const legal = {
  kind: "SUPPLIER",
  legalName: "ООО «ЭнергоМаш»",
  shortName: "ЭнергоМаш",
  inn: makeInn10("781234560"),
  kpp: "781001001",
  ogrn: makeOgrn("117781234560"),
  region: "Санкт-Петербург",
  city: "Санкт-Петербург",
  legalAddress: "Обводный канал, 10",
  phone: "+7 812 555-10-10",
  consent: "on",
  name: "Пётр Смирнов",
  email: "  Petr@Example.RU ",
  password: "Тр4нсф0рматор-ТМГ",
};

function errors(input: Record<string, unknown>) {
  const r = signupSchema.safeParse(input);
  if (r.success) return {};
  return r.error.flatten().fieldErrors as Record<string, string[]>;
}

describe("signupSchema", () => {
  it("refuses a sign-up without the 152-ФЗ consent ticked", () => {
    const { consent: _, ...withoutConsent } = legal;
    expect(errors(withoutConsent).consent).toEqual(["errors.consentRequired"]);
    expect(errors({ ...legal, consent: "off" }).consent).toEqual(["errors.consentRequired"]);
  });

  it("accepts a legal entity and normalises the email", () => {
    const r = signupSchema.safeParse(legal);
    expect(r.success && r.data.email).toBe("petr@example.ru");
  });

  it("accepts an individual entrepreneur without KPP", () => {
    expect(
      signupSchema.safeParse({ ...legal, inn: makeInn12("7812345678"), ogrn: makeOgrnip("31978001234567"), kpp: "" })
        .success,
    ).toBe(true);
  });

  it("explains a wrong INN", () => {
    expect(errors({ ...legal, inn: "12345" }).inn).toEqual(["errors.innFormat"]);
    const inn = makeInn10("781234560");
    const broken = inn.slice(0, 9) + String((Number(inn[9]) + 1) % 10);
    expect(errors({ ...legal, inn: broken }).inn).toEqual(["errors.innChecksum"]);
  });

  it("requires KPP for a legal entity", () => {
    expect(errors({ ...legal, kpp: "" }).kpp).toEqual(["errors.kppRequired"]);
    expect(errors({ ...legal, kpp: "12AB" }).kpp).toEqual(["errors.kppInvalid"]);
  });

  it("matches OGRN to the INN kind and checks its digit", () => {
    expect(errors({ ...legal, ogrn: makeOgrnip("31978001234567") }).ogrn).toEqual(["errors.ogrnMismatchLegal"]);
    expect(errors({ ...legal, inn: makeInn12("7812345678"), kpp: "" }).ogrn).toEqual(["errors.ogrnMismatchIndividual"]);
    const ogrn = makeOgrn("117781234560");
    const broken = ogrn.slice(0, 12) + String((Number(ogrn[12]) + 1) % 10);
    expect(errors({ ...legal, ogrn: broken }).ogrn).toEqual(["errors.ogrnChecksum"]);
  });

  it("wants a password of at least 10 characters, a valid email and a phone", () => {
    const e = errors({ ...legal, password: "short", email: "nope", phone: "12" });
    expect(e.password).toEqual(["errors.passwordTooShort"]);
    expect(e.email).toEqual(["errors.emailInvalid"]);
    expect(e.phone).toEqual(["errors.phoneInvalid"]);
  });

  it("reports missing fields as required", () => {
    const e = errors({ kind: "BUYER" });
    for (const f of [
      "legalName",
      "shortName",
      "inn",
      "ogrn",
      "region",
      "city",
      "legalAddress",
      "phone",
      "name",
      "email",
    ]) {
      expect(e[f], f).toEqual(["errors.required"]);
    }
  });
});

describe("one message per field", () => {
  it("says only 'required' for empty strings", () => {
    const e = errors({ ...legal, inn: "", ogrn: "", phone: "", email: "" });
    expect(e.inn).toEqual(["errors.required"]);
    expect(e.ogrn).toEqual(["errors.required"]);
    expect(e.phone).toEqual(["errors.required"]);
    expect(e.email).toEqual(["errors.required"]);
  });
});
