/**
 * Catalog drafts across organisations (property test): for random (owner supplier, intruder, product status) triples,
 * another organisation's actor gets "not found" when reading, editing, duplicating or attaching files to a draft,
 * cannot publish it, and does not see it on the public page; the owner can. (Kept apart from cross-org.test.ts because
 * its control case uses a buyer owner, and buyers own no products.)
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { MemberRole, OrgKind } from "~/generated/prisma/enums";
import { type Actor, NotFoundError } from "~/modules/accounts/actor";
import {
  duplicateProduct,
  getPublicProduct,
  getSupplierProduct,
  setProductsStatus,
  updateProduct,
} from "~/modules/catalog/catalog.server";
import { getPrisma } from "~/utils/db.server";
import { createActor } from "../../fixtures/factories";
import { createTransformerCategory, productInput, withTempDataDir } from "../catalog/helpers";
import { securityRuns } from "./runs";

withTempDataDir();

const actors: Actor[] = [];
let categoryId = "";
let n = 0;

beforeAll(async () => {
  const shapes: { kind: OrgKind; role: MemberRole }[] = [
    { kind: "SUPPLIER", role: "OWNER" },
    { kind: "SUPPLIER", role: "MEMBER" },
    { kind: "SUPPLIER", role: "ADMIN" },
    { kind: "SUPPLIER", role: "OWNER" },
    { kind: "BUYER", role: "OWNER" },
  ];
  for (const shape of shapes) actors.push((await createActor(shape)).actor);
  categoryId = (await createTransformerCategory()).id;
});

describe("catalog drafts across organisations", () => {
  it("a foreign actor can neither see nor change another supplier's draft", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom("DRAFT" as const, "ARCHIVED" as const),
        async (ownerIdx, intruderIdx, status) => {
          fc.pre(ownerIdx !== intruderIdx);
          const owner = actors[ownerIdx];
          const intruder = actors[intruderIdx];
          const product = await getPrisma().product.create({
            data: {
              supplierId: owner.organizationId ?? "",
              categoryId,
              slug: `cross-${++n}-${Date.now()}`,
              sku: `X-${n}`,
              title: `Черновик ${n}`,
              status,
            },
          });
          expect(await getPublicProduct(product.slug, intruder)).toBeNull();
          expect(await getPublicProduct(product.slug, null)).toBeNull();
          if (intruder.orgKind === "SUPPLIER") {
            await expect(getSupplierProduct(intruder, product.id)).rejects.toBeInstanceOf(NotFoundError);
            await expect(updateProduct(intruder, product.id, productInput(categoryId))).rejects.toBeInstanceOf(
              NotFoundError,
            );
            await expect(duplicateProduct(intruder, product.id)).rejects.toBeInstanceOf(NotFoundError);
            expect(await setProductsStatus(intruder, [product.id], "PUBLISHED")).toBe(0);
          }
          const after = await getPrisma().product.findUniqueOrThrow({ where: { id: product.id } });
          expect(after.status).toBe(status);
          expect(after.title).toBe(`Черновик ${n}`);
          // control: the owner reaches it
          expect((await getSupplierProduct(owner, product.id)).id).toBe(product.id);
          expect(await getPublicProduct(product.slug, owner)).not.toBeNull();
        },
      ),
      { numRuns: securityRuns(40) },
    );
  });
});
