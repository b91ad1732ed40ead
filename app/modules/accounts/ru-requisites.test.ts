import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  makeCorrespondentAccount,
  makeInn10,
  makeInn12,
  makeKpp,
  makeOgrn,
  makeOgrnip,
  makeSettlementAccount,
} from "../../../prisma/seed/ru-requisites";
import {
  bankAccountLine,
  innKind,
  isValidBik,
  isValidCorrespondentAccount,
  isValidInn,
  isValidKpp,
  isValidOgrn,
  isValidOgrnip,
  isValidSettlementAccount,
} from "./ru-requisites";

/** Every string that differs from s in exactly one digit. */
function oneDigitChanges(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    for (let d = 0; d <= 9; d++) {
      if (String(d) !== s[i]) out.push(s.slice(0, i) + String(d) + s.slice(i + 1));
    }
  }
  return out;
}

const digitString = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(""));

describe("real-world requisites", () => {
  it("accepts Sberbank's requisites", () => {
    expect(isValidInn("7707083893")).toBe(true);
    expect(innKind("7707083893")).toBe("legal");
    expect(isValidOgrn("1027700132195")).toBe(true);
    expect(isValidKpp("773601001")).toBe(true);
    expect(isValidBik("044525225")).toBe(true);
    expect(isValidCorrespondentAccount("30101810400000000225", "044525225")).toBe(true);
    expect(makeCorrespondentAccount("044525225")).toBe("30101810400000000225");
  });

  it("accepts other well-known values", () => {
    expect(isValidInn("7736050003")).toBe(true); // ПАО «Газпром»
    expect(isValidOgrn("1027700070518")).toBe(true); // ПАО «Газпром»
    expect(isValidInn("500100732259")).toBe(true); // a 12-digit ИНН example from the FNS documentation
    expect(innKind("500100732259")).toBe("individual");
    expect(isValidOgrnip("304500116000157")).toBe(true);
    expect(isValidKpp("7836AB001")).toBe(true);
    // Северо-Западный банк ПАО Сбербанк
    expect(isValidBik("044030653")).toBe(true);
    expect(isValidCorrespondentAccount("30101810500000000653", "044030653")).toBe(true);
    expect(isValidSettlementAccount("40702810455000012345", "044030653")).toBe(
      isValidSettlementAccount(makeSettlementAccount("044030653", "55000012345"), "044030653") &&
        makeSettlementAccount("044030653", "55000012345") === "40702810455000012345",
    );
  });

  it("rejects malformed and wrong-checksum values", () => {
    for (const bad of ["7707083894", "770708389", "77070838933", "770708389a", "", " 7707083893", "0000000000"]) {
      expect(isValidInn(bad), bad).toBe(false);
    }
    expect(isValidInn(7707083893 as unknown)).toBe(false);
    expect(innKind("7707083894")).toBeNull();
    expect(isValidInn("500100732258")).toBe(false);
    expect(isValidOgrn("1027700132196")).toBe(false);
    expect(isValidOgrn("2027700132195")).toBe(false);
    expect(isValidOgrn("102770013219")).toBe(false);
    expect(isValidOgrnip("304500116000158")).toBe(false);
    expect(isValidOgrnip("1027700132195")).toBe(false);
    for (const bad of ["77360100", "7736010011", "7736ab001", "77A601001", "773601O01"]) {
      expect(isValidKpp(bad), bad).toBe(false);
    }
    expect(isValidBik("054525225")).toBe(false);
    expect(isValidBik("04452522")).toBe(false);
    expect(isValidCorrespondentAccount("30101810400000000226", "044525225")).toBe(false);
    expect(isValidCorrespondentAccount("30101810400000000225", "044525226")).toBe(false);
    expect(isValidCorrespondentAccount("30101810400000000225", "bad")).toBe(false);
    expect(isValidSettlementAccount("4070281045500001234", "044030653")).toBe(false);
  });
});

describe("generators", () => {
  it("are deterministic and well-formed", () => {
    expect(makeInn10("781012345")).toBe(makeInn10("781012345"));
    expect(makeInn10("781012345")).toMatch(/^78101\d{5}$/);
    expect(makeKpp("7810")).toBe("781001001");
    expect(makeOgrn("112784700001")).toMatch(/^1127847\d{6}$/);
    expect(() => makeInn10("12")).toThrow();
    expect(() => makeSettlementAccount("123", 1)).toThrow();
  });

  it("property: generated ИНН/ОГРН/ОГРНИП validate and any one-digit change breaks them", () => {
    fc.assert(
      fc.property(digitString(7), (tail) => {
        const inn = makeInn10(`78${tail}`);
        expect(isValidInn(inn)).toBe(true);
        expect(innKind(inn)).toBe("legal");
        for (const m of oneDigitChanges(inn)) expect(isValidInn(m), m).toBe(false);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(digitString(8), (tail) => {
        const inn = makeInn12(`78${tail}`);
        expect(isValidInn(inn)).toBe(true);
        expect(innKind(inn)).toBe("individual");
        for (const m of oneDigitChanges(inn)) expect(isValidInn(m), m).toBe(false);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.constantFrom("1", "5"), digitString(11), (sign, tail) => {
        const ogrn = makeOgrn(sign + tail);
        expect(isValidOgrn(ogrn)).toBe(true);
        for (const m of oneDigitChanges(ogrn)) expect(isValidOgrn(m), m).toBe(false);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(digitString(13), (tail) => {
        const ogrnip = makeOgrnip(`3${tail}`);
        expect(isValidOgrnip(ogrnip)).toBe(true);
        for (const m of oneDigitChanges(ogrnip)) expect(isValidOgrnip(m), m).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("property: generated bank accounts validate and any one-digit change of account or БИК breaks them", () => {
    fc.assert(
      fc.property(digitString(7), digitString(11), (bikTail, serial) => {
        const bik = `04${bikTail}`;
        const settlement = makeSettlementAccount(bik, serial);
        const corr = makeCorrespondentAccount(bik);
        expect(isValidSettlementAccount(settlement, bik)).toBe(true);
        expect(isValidCorrespondentAccount(corr, bik)).toBe(true);
        for (const m of oneDigitChanges(settlement)) expect(isValidSettlementAccount(m, bik), m).toBe(false);
        for (const m of oneDigitChanges(corr)) expect(isValidCorrespondentAccount(m, bik), m).toBe(false);
        // the БИК digits that take part in the key
        const rkc = (b: string) => /^(000|001|002)$/.test(b.slice(6));
        for (const i of rkc(bik) ? [] : [6, 7, 8]) {
          for (let d = 0; d <= 9; d++) {
            const other = bik.slice(0, i) + String(d) + bik.slice(i + 1);
            if (other === bik || rkc(other)) continue;
            expect(isValidSettlementAccount(settlement, other), other).toBe(false);
          }
        }
        for (const i of [4, 5]) {
          for (let d = 0; d <= 9; d++) {
            const other = bik.slice(0, i) + String(d) + bik.slice(i + 1);
            if (other !== bik) expect(isValidCorrespondentAccount(corr, other), other).toBe(false);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("property: generated КПП validate", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 999 }), (office, serial) => {
        const kpp = makeKpp(`78${String(office).padStart(2, "0")}`, "01", serial);
        expect(isValidKpp(kpp)).toBe(true);
      }),
    );
  });
});

describe("bankAccountLine", () => {
  it("prints the account, bank, БИК and к/с, with a dash for a missing part, and nothing without an account", () => {
    expect(
      bankAccountLine({
        settlementAccount: "40702810000000000001",
        bankName: "ПАО Банк",
        bik: "044525225",
        correspondentAccount: null,
      }),
    ).toBe("р/с 40702810000000000001 в ПАО Банк, БИК 044525225, к/с —");
    expect(bankAccountLine({ settlementAccount: null, bankName: "ПАО Банк" })).toBeNull();
  });
});
