import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "~/modules/accounts/actor";
import { canReadFile } from "~/modules/files/files.server";
import {
  exportComparisonXlsx,
  getComparison,
  getQuoteForSupplier,
  saveQuote,
  withdrawQuote,
} from "~/modules/quotes/quotes.server";
import { closeRfqEarly } from "~/modules/rfq/rfq.server";
import { awardRfq } from "~/workflows/award.server";
import { createActor } from "../../fixtures/factories";
import { createMarket, pdfFile, publishedRfq, quoteA, withTempDataDir } from "../quotes/helpers";

withTempDataDir();

describe("quotes, versions and the comparison across organisations", () => {
  let m: Awaited<ReturnType<typeof createMarket>>;
  beforeAll(async () => {
    m = await createMarket();
  });

  it("no other organisation reads or changes a quote, its versions, attachments or the comparison", async () => {
    const { id, items } = await publishedRfq(m);
    const q = await saveQuote(m.a.actor, id, quoteA(items), { mode: "submit", uploads: [pdfFile("kp.pdf")] });
    const own = await getQuoteForSupplier(m.a.actor, id);
    const fileId = own.versions[0].attachments[0].id;
    const otherBuyer = await createActor({ kind: "BUYER" });
    const outsiders = [m.c.actor, m.d.actor, otherBuyer.actor];
    for (const actor of outsiders) {
      await expect(getComparison(actor, id)).rejects.toSatisfy(
        (e) => e instanceof NotFoundError || e instanceof ForbiddenError,
      );
      await expect(exportComparisonXlsx(actor, id)).rejects.toSatisfy(
        (e) => e instanceof NotFoundError || e instanceof ForbiddenError,
      );
      await expect(getQuoteForSupplier(actor, id)).rejects.toSatisfy(
        (e) => e instanceof NotFoundError || e instanceof ForbiddenError,
      );
      await expect(withdrawQuote(actor, id)).rejects.toSatisfy(
        (e) => e instanceof NotFoundError || e instanceof ForbiddenError,
      );
      await expect(closeRfqEarly(actor, id)).rejects.toSatisfy(
        (e) => e instanceof NotFoundError || e instanceof ForbiddenError,
      );
      await expect(awardRfq(actor, id, { mode: "whole", quoteId: q.quoteId }, null)).rejects.toSatisfy(
        (e) => e instanceof NotFoundError || e instanceof ForbiddenError,
      );
      expect(await canReadFile(actor, fileId)).toBeNull();
    }
    // another invited supplier sees its own (empty) quote, never A's
    const bView = await getQuoteForSupplier(m.b.actor, id);
    expect(bView.quote).toBeNull();
    expect(bView.versions).toEqual([]);
    expect(await canReadFile(m.b.actor, fileId)).toBeNull();
    // the buyer (non-sealed) sees the submitted version and its attachment
    expect((await getComparison(m.buyer.actor, id)).offers).toHaveLength(1);
    expect(await canReadFile(m.buyer.actor, fileId)).not.toBeNull();
  });
});
