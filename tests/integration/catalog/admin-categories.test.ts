import { describe, expect, it } from "vitest";
import { type Actor, ForbiddenError, NotFoundError } from "~/modules/accounts/actor";
import { attributeFormSchema, categoryFormSchema } from "~/modules/catalog/catalog.schema";
import {
  CatalogValidationError,
  deleteAttribute,
  deleteCategory,
  getCategoryAttributes,
  getPublicProduct,
  listCategoriesForAdmin,
  saveAttribute,
  saveCategory,
} from "~/modules/catalog/catalog.server";
import { getPrisma } from "~/utils/db.server";
import { createActor, createCategory, createProduct, createUser } from "../../fixtures/factories";

async function operator(): Promise<Actor> {
  const user = await createUser({ isOperator: true });
  return { userId: user.id, organizationId: null, orgKind: null, role: null, isOperator: true };
}

let n = 0;
const categoryInput = (over: Record<string, unknown> = {}) =>
  categoryFormSchema.parse({
    sector: "GRID",
    slug: `adm-cat-${++n}`,
    nameRu: `Реклоузеры ${n}`,
    nameEn: `Reclosers ${n}`,
    position: "3",
    ...over,
  });

const attributeInput = (categoryId: string, over: Record<string, unknown> = {}) =>
  attributeFormSchema.parse({
    categoryId,
    code: "voltage_kv",
    nameRu: "Напряжение",
    nameEn: "Voltage",
    type: "NUMBER",
    unit: "kV",
    filterable: "on",
    position: "0",
    ...over,
  });

async function categoryEvents(categoryId: string) {
  return getPrisma().outboxEvent.findMany({ where: { topic: "search.category", aggregateId: categoryId } });
}

describe("operator category management", () => {
  it("a supplier or a buyer gets ForbiddenError from every use case and nothing changes", async () => {
    const category = await createCategory();
    for (const kind of ["SUPPLIER", "BUYER"] as const) {
      const { actor } = await createActor({ kind });
      await expect(listCategoriesForAdmin(actor)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(saveCategory(actor, categoryInput())).rejects.toBeInstanceOf(ForbiddenError);
      await expect(saveCategory(actor, categoryInput({ nameRu: "Взлом" }), category.id)).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(deleteCategory(actor, category.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(saveAttribute(actor, attributeInput(category.id))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(deleteAttribute(actor, category.id, "voltage_kv")).rejects.toBeInstanceOf(ForbiddenError);
    }
    const after = await getPrisma().category.findUniqueOrThrow({ where: { id: category.id } });
    expect(after.nameRu).toBe(category.nameRu);
    expect(await getCategoryAttributes(category.id)).toEqual([]);
  });

  it("creates a subcategory with descriptions, lists it with counts, and audits it", async () => {
    const op = await operator();
    const root = await saveCategory(op, categoryInput({ slug: "adm-root" }));
    const child = await saveCategory(
      op,
      categoryInput({
        slug: "adm-child",
        parentId: root.id,
        descriptionRu: "Для сетей 6–10 кВ",
        descriptionEn: "6–10 kV",
      }),
    );
    const list = await listCategoriesForAdmin(op);
    const row = list.find((c) => c.id === child.id);
    expect(row).toMatchObject({
      parentId: root.id,
      slug: "adm-child",
      descriptionRu: "Для сетей 6–10 кВ",
      position: 3,
    });
    expect(list.find((c) => c.id === root.id)?._count.children).toBe(1);
    const audit = await getPrisma().auditEvent.findMany({ where: { entityType: "category", entityId: child.id } });
    expect(audit.map((a) => a.action)).toEqual(["created"]);
    expect(audit[0]?.actorUserId).toBe(op.userId);
    // a new category is not in the index yet: no search event
    expect(await categoryEvents(child.id)).toHaveLength(0);
  });

  it("refuses a taken slug, a foreign-sector parent, and a parent inside its own subtree", async () => {
    const op = await operator();
    const root = await saveCategory(op, categoryInput({ slug: "adm-v-root" }));
    const child = await saveCategory(op, categoryInput({ slug: "adm-v-child", parentId: root.id }));
    await expect(saveCategory(op, categoryInput({ slug: "adm-v-root" }))).rejects.toMatchObject({
      fieldErrors: { slug: ["errors.slugTaken"] },
    });
    await expect(saveCategory(op, categoryInput({ parentId: root.id, sector: "HYDRO_POWER" }))).rejects.toMatchObject({
      fieldErrors: { sector: ["errors.sectorMismatch"] },
    });
    await expect(
      saveCategory(op, categoryInput({ slug: "adm-v-root", parentId: child.id }), root.id),
    ).rejects.toMatchObject({ fieldErrors: { parentId: ["errors.parent"] } });
    await expect(saveCategory(op, categoryInput(), "no-such-id")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("form validation: field errors are i18n keys", () => {
    const bad = categoryFormSchema.safeParse({
      sector: "",
      slug: "Плохой слаг",
      nameRu: " ",
      nameEn: "",
      position: "x",
    });
    expect(bad.success).toBe(false);
    const errors = bad.error?.flatten().fieldErrors ?? {};
    expect(errors).toMatchObject({
      sector: ["errors.required"],
      slug: ["errors.slug"],
      nameRu: ["errors.required"],
      nameEn: ["errors.required"],
      position: ["errors.integer"],
    });
    const attr = attributeFormSchema.safeParse({
      categoryId: "c",
      code: "Voltage kV",
      nameRu: "",
      nameEn: "x",
      type: "",
    });
    expect(attr.error?.flatten().fieldErrors).toMatchObject({
      code: ["errors.code"],
      nameRu: ["errors.required"],
      type: ["errors.required"],
    });
  });

  it("renaming or moving a category writes search.category in the same transaction; a no-op save does not", async () => {
    const op = await operator();
    const a = await saveCategory(op, categoryInput({ slug: "adm-m-a" }));
    const b = await saveCategory(op, categoryInput({ slug: "adm-m-b" }));
    const c = await saveCategory(
      op,
      categoryInput({ slug: "adm-m-c", nameRu: "Разъединители", nameEn: "Disconnectors" }),
    );
    const base = { slug: "adm-m-c", nameRu: "Разъединители", nameEn: "Disconnectors" };

    await saveCategory(op, categoryInput({ ...base, position: "9" }), c.id);
    expect(await categoryEvents(c.id)).toHaveLength(0);

    await saveCategory(op, categoryInput({ ...base, nameRu: "Разъединители наружной установки" }), c.id);
    let events = await categoryEvents(c.id);
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).toEqual({ categoryId: c.id });

    await saveCategory(
      op,
      categoryInput({ ...base, nameRu: "Разъединители наружной установки", parentId: a.id }),
      c.id,
    );
    await saveCategory(
      op,
      categoryInput({ ...base, nameRu: "Разъединители наружной установки", parentId: b.id }),
      c.id,
    );
    events = await categoryEvents(c.id);
    expect(events).toHaveLength(3);
    expect((await getPrisma().category.findUniqueOrThrow({ where: { id: c.id } })).parentId).toBe(b.id);
    const audit = await getPrisma().auditEvent.findMany({ where: { entityId: c.id }, orderBy: { id: "asc" } });
    expect(audit.map((x) => x.action)).toEqual([
      "created",
      "updated",
      "renamed_or_moved",
      "renamed_or_moved",
      "renamed_or_moved",
    ]);

    // a refused move writes nothing
    await expect(
      saveCategory(op, categoryInput({ ...base, parentId: b.id, sector: "MUNICIPAL" }), c.id),
    ).rejects.toBeInstanceOf(CatalogValidationError);
    expect(await categoryEvents(c.id)).toHaveLength(3);
  });

  it("refuses to delete a category with products or children, with the reason; deletes an empty one", async () => {
    const op = await operator();
    const { organization } = await createActor({ kind: "SUPPLIER" });
    const withProducts = await saveCategory(op, categoryInput({ slug: "adm-d-products" }));
    await createProduct({ supplierId: organization.id, categoryId: withProducts.id });
    const parent = await saveCategory(op, categoryInput({ slug: "adm-d-parent" }));
    const leaf = await saveCategory(op, categoryInput({ slug: "adm-d-leaf", parentId: parent.id }));

    await expect(deleteCategory(op, withProducts.id)).rejects.toMatchObject({
      fieldErrors: { category: ["errors.categoryNotEmpty"] },
    });
    await expect(deleteCategory(op, parent.id)).rejects.toBeInstanceOf(CatalogValidationError);
    expect(await getPrisma().category.count({ where: { id: { in: [withProducts.id, parent.id] } } })).toBe(2);

    await deleteCategory(op, leaf.id);
    await deleteCategory(op, parent.id);
    expect(await getPrisma().category.count({ where: { id: { in: [leaf.id, parent.id] } } })).toBe(0);
    await expect(deleteCategory(op, leaf.id)).rejects.toBeInstanceOf(NotFoundError);
    const audit = await getPrisma().auditEvent.findFirst({ where: { entityId: leaf.id, action: "deleted" } });
    expect(audit?.actorUserId).toBe(op.userId);
  });

  it("manages attributes: a filterable NUMBER, an ENUM with ru/en options, update by code, delete", async () => {
    const op = await operator();
    const cat = await saveCategory(op, categoryInput({ slug: "adm-attr" }));
    await saveAttribute(op, attributeInput(cat.id));
    await saveAttribute(
      op,
      attributeInput(cat.id, {
        code: "drive",
        nameRu: "Привод",
        nameEn: "Drive",
        type: "ENUM",
        unit: "kV",
        options: "spring | Пружинный | Spring\nmagnetic | Электромагнитный | Magnetic",
        filterable: undefined,
        required: "on",
        position: "1",
      }),
    );
    await expect(
      saveAttribute(op, attributeInput(cat.id, { code: "mode", type: "ENUM", options: " " })),
    ).rejects.toMatchObject({ fieldErrors: { options: ["errors.optionsRequired"] } });
    await expect(saveAttribute(op, attributeInput("no-such-category"))).rejects.toBeInstanceOf(NotFoundError);

    let attrs = await getCategoryAttributes(cat.id);
    expect(attrs).toMatchObject([
      { code: "voltage_kv", type: "NUMBER", unit: "kV", filterable: true, required: false },
      {
        code: "drive",
        type: "ENUM",
        unit: null,
        required: true,
        filterable: false,
        options: [
          { value: "spring", ru: "Пружинный", en: "Spring" },
          { value: "magnetic", ru: "Электромагнитный", en: "Magnetic" },
        ],
      },
    ]);

    await saveAttribute(op, attributeInput(cat.id, { nameRu: "Номинальное напряжение", unit: "кВ" }));
    attrs = await getCategoryAttributes(cat.id);
    expect(attrs).toHaveLength(2);
    expect(attrs[0]).toMatchObject({ code: "voltage_kv", nameRu: "Номинальное напряжение", unit: "кВ" });

    await deleteAttribute(op, cat.id, "drive");
    expect((await getCategoryAttributes(cat.id)).map((a) => a.code)).toEqual(["voltage_kv"]);
    await expect(deleteAttribute(op, cat.id, "drive")).rejects.toBeInstanceOf(NotFoundError);
    // attribute changes re-index the category's products
    expect((await categoryEvents(cat.id)).length).toBe(4);
  });

  it("a product page shows an operator's change to its category at once (its kept category is forgotten)", async () => {
    const op = await operator();
    const cat = await saveCategory(op, categoryInput({ nameRu: "Реклоузеры", nameEn: "Reclosers" }));
    const { organization } = await createActor({ kind: "SUPPLIER" });
    const { slug } = await createProduct({ supplierId: organization.id, categoryId: cat.id });
    const page = async () => (await getPublicProduct(slug)) ?? expect.unreachable("a published product");

    expect((await page()).attributes).toEqual([]);
    await saveAttribute(op, attributeInput(cat.id, { nameRu: "Напряжение" }));
    expect((await page()).attributes.map((a) => [a.code, a.nameRu])).toEqual([["voltage_kv", "Напряжение"]]);
    await saveAttribute(op, attributeInput(cat.id, { nameRu: "Номинальное напряжение" }));
    expect((await page()).attributes.map((a) => a.nameRu)).toEqual(["Номинальное напряжение"]);

    const input = categoryInput({ nameRu: "Реклоузеры вакуумные", nameEn: "Vacuum reclosers" });
    await saveCategory(op, input, cat.id);
    expect((await page()).category).toMatchObject({ slug: input.slug, nameRu: "Реклоузеры вакуумные" });

    await deleteAttribute(op, cat.id, "voltage_kv");
    expect((await page()).attributes).toEqual([]);
  });
});
