import type { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import type { Sector } from "~/generated/prisma/enums";
import { type Actor, NotFoundError, requireOperator } from "~/modules/accounts/actor";
import { auditTrail } from "~/modules/audit/audit.server";
import { enqueue } from "~/modules/outbox/outbox.server";
import { getPrisma } from "~/utils/db.server";
import { type AttributeDef, toAttributeDef } from "./attributes";
import type { attributeFormSchema, categoryFormSchema } from "./catalog.schema";
import { CatalogValidationError } from "./errors";
import { forgetPageCategories } from "./public.server";

const auditCategory = auditTrail("category");

export interface CategoryNode {
  id: string;
  slug: string;
  sector: Sector;
  nameRu: string;
  nameEn: string;
  parentId: string | null;
  position: number;
  children: CategoryNode[];
}

export const SECTOR_ORDER: Sector[] = ["HEAT_POWER", "HYDRO_POWER", "GRID", "MUNICIPAL"];

/** The whole tree: sector roots (position order) with their descendants. */
export async function getCategoryTree(): Promise<CategoryNode[]> {
  const rows = await getPrisma().category.findMany({
    select: { id: true, slug: true, sector: true, nameRu: true, nameEn: true, parentId: true, position: true },
    orderBy: [{ position: "asc" }, { nameRu: "asc" }],
  });
  const nodes = new Map<string, CategoryNode>(rows.map((r) => [r.id, { ...r, children: [] }]));
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  roots.sort((a, b) => SECTOR_ORDER.indexOf(a.sector) - SECTOR_ORDER.indexOf(b.sector) || a.position - b.position);
  return roots;
}

/** Categories products can be placed in (leaves), with their sector, for selects. */
export async function listLeafCategories() {
  const rows = await getPrisma().category.findMany({
    where: { children: { none: {} } },
    select: { id: true, slug: true, sector: true, nameRu: true, nameEn: true, parentId: true },
    orderBy: [{ sector: "asc" }, { position: "asc" }, { nameRu: "asc" }],
  });
  return rows.sort((a, b) => SECTOR_ORDER.indexOf(a.sector) - SECTOR_ORDER.indexOf(b.sector));
}

export type CategoryWithAttributes = NonNullable<Awaited<ReturnType<typeof getCategoryBySlug>>>;

/** A category by slug with its attribute definitions (position order), its parent and children. Null if absent. */
export async function getCategoryBySlug(slug: string) {
  const category = await getPrisma().category.findUnique({
    where: { slug },
    include: {
      attributes: { orderBy: [{ position: "asc" }, { code: "asc" }] },
      parent: { select: { id: true, slug: true, nameRu: true, nameEn: true } },
      children: { select: { id: true, slug: true, nameRu: true, nameEn: true }, orderBy: { position: "asc" } },
    },
  });
  if (!category) return null;
  return { ...category, attributes: category.attributes.map(toAttributeDef) };
}

/** Attribute definitions of a category (position order). */
export async function getCategoryAttributes(categoryId: string): Promise<AttributeDef[]> {
  const rows = await getPrisma().categoryAttribute.findMany({
    where: { categoryId },
    orderBy: [{ position: "asc" }, { code: "asc" }],
  });
  return rows.map(toAttributeDef);
}

/** Attribute definitions of many categories at once (for imports and listings). */
export async function getAttributesByCategory(categoryIds: string[]): Promise<Map<string, AttributeDef[]>> {
  const rows = await getPrisma().categoryAttribute.findMany({
    where: { categoryId: { in: categoryIds } },
    orderBy: [{ position: "asc" }, { code: "asc" }],
  });
  const map = new Map<string, AttributeDef[]>(categoryIds.map((id) => [id, []]));
  for (const row of rows) map.get(row.categoryId)?.push(toAttributeDef(row));
  return map;
}

// ─── Operator CRUD ─────────────────────────────────────────────────────────

export async function listCategoriesForAdmin(actor: Actor) {
  requireOperator(actor);
  return getPrisma().category.findMany({
    include: {
      attributes: { orderBy: [{ position: "asc" }, { code: "asc" }] },
      _count: { select: { products: true, children: true } },
    },
    orderBy: [{ sector: "asc" }, { parentId: { sort: "asc", nulls: "first" } }, { position: "asc" }],
  });
}

/**
 * Creates or updates a category. A rename or move (names, slug, parent, sector) of an existing category enqueues
 * `search.category` in the same transaction, so the search index re-reads its products and those of its descendants.
 */
export async function saveCategory(
  actor: Actor,
  input: z.infer<typeof categoryFormSchema>,
  categoryId?: string,
): Promise<{ id: string }> {
  requireOperator(actor);
  const prisma = getPrisma();
  const before = categoryId
    ? await prisma.category.findUnique({
        where: { id: categoryId },
        select: {
          slug: true,
          nameRu: true,
          nameEn: true,
          parentId: true,
          sector: true,
          _count: { select: { children: true } },
        },
      })
    : null;
  if (categoryId && !before) throw new NotFoundError("category");
  const clash = await prisma.category.findFirst({
    where: { slug: input.slug, ...(categoryId ? { id: { not: categoryId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new CatalogValidationError({ slug: ["errors.slugTaken"] });
  if (input.parentId) {
    const all = await prisma.category.findMany({ select: { id: true, parentId: true, sector: true } });
    const byId = new Map(all.map((c) => [c.id, c]));
    const parent = byId.get(input.parentId);
    if (!parent) throw new CatalogValidationError({ parentId: ["errors.parent"] });
    // the new parent must not be the category itself or one of its descendants
    for (
      let p: typeof parent | undefined = parent, depth = 0;
      p && depth < 100;
      p = byId.get(p.parentId ?? ""), depth++
    )
      if (p.id === categoryId) throw new CatalogValidationError({ parentId: ["errors.parent"] });
    if (parent.sector !== input.sector) throw new CatalogValidationError({ sector: ["errors.sectorMismatch"] });
  }
  if (before && before.sector !== input.sector && before._count.children > 0)
    throw new CatalogValidationError({ sector: ["errors.sectorWithChildren"] });
  const data = {
    parentId: input.parentId ?? null,
    sector: input.sector,
    slug: input.slug,
    nameRu: input.nameRu,
    nameEn: input.nameEn,
    descriptionRu: input.descriptionRu ?? null,
    descriptionEn: input.descriptionEn ?? null,
    position: input.position ?? 0,
  };
  const renamedOrMoved =
    before !== null &&
    (before.slug !== data.slug ||
      before.nameRu !== data.nameRu ||
      before.nameEn !== data.nameEn ||
      before.parentId !== data.parentId ||
      before.sector !== data.sector);
  const saved = await prisma.$transaction(async (tx) => {
    const row = categoryId
      ? await tx.category.update({ where: { id: categoryId }, data, select: { id: true } })
      : await tx.category.create({ data, select: { id: true } });
    if (renamedOrMoved)
      await enqueue(tx, { topic: "search.category", aggregateId: row.id, payload: { categoryId: row.id } });
    await auditCategory(
      tx,
      row.id,
      categoryId ? (renamedOrMoved ? "renamed_or_moved" : "updated") : "created",
      actor,
      before
        ? { slug: input.slug, before: { slug: before.slug, nameRu: before.nameRu, parentId: before.parentId } }
        : { slug: input.slug },
    );
    return row;
  });
  forgetPageCategories();
  return saved;
}

/** Deletes an empty category (no products, no children). */
export async function deleteCategory(actor: Actor, categoryId: string): Promise<void> {
  requireOperator(actor);
  const prisma = getPrisma();
  const category = await prisma.category.findUnique({
    where: { id: categoryId },
    include: { _count: { select: { products: true, children: true } } },
  });
  if (!category) throw new NotFoundError("category");
  if (category._count.products > 0 || category._count.children > 0)
    throw new CatalogValidationError({ category: ["errors.categoryNotEmpty"] });
  await prisma.$transaction(async (tx) => {
    await tx.category.delete({ where: { id: categoryId } });
    await auditCategory(tx, categoryId, "deleted", actor);
  });
  forgetPageCategories();
}

/** "value | Русское | English" per line → options JSON. */
export function parseOptionLines(text: string | undefined): { value: string; ru: string; en: string }[] {
  return (text ?? "")
    .split(/\r?\n/)
    .map((line) => line.split("|").map((s) => s.trim()))
    .filter((parts) => parts[0])
    .map(([value, ru, en]) => ({ value, ru: ru || value, en: en || ru || value }));
}

export async function saveAttribute(actor: Actor, input: z.infer<typeof attributeFormSchema>): Promise<void> {
  requireOperator(actor);
  const options = input.type === "ENUM" ? parseOptionLines(input.options) : null;
  if (input.type === "ENUM" && (options?.length ?? 0) === 0)
    throw new CatalogValidationError({ options: ["errors.optionsRequired"] });
  const prisma = getPrisma();
  const category = await prisma.category.findUnique({ where: { id: input.categoryId }, select: { id: true } });
  if (!category) throw new NotFoundError("category");
  const data = {
    nameRu: input.nameRu,
    nameEn: input.nameEn,
    type: input.type,
    unit: input.type === "NUMBER" ? (input.unit ?? null) : null,
    options: (options ?? undefined) as Prisma.InputJsonValue | undefined,
    filterable: input.filterable,
    required: input.required,
    position: input.position ?? 0,
  };
  await prisma.$transaction(async (tx) => {
    await tx.categoryAttribute.upsert({
      where: { categoryId_code: { categoryId: input.categoryId, code: input.code } },
      create: { categoryId: input.categoryId, code: input.code, ...data },
      update: data,
    });
    await enqueue(tx, {
      topic: "search.category",
      aggregateId: input.categoryId,
      payload: { categoryId: input.categoryId },
    });
    await auditCategory(tx, input.categoryId, "attribute_saved", actor, { code: input.code });
  });
  forgetPageCategories();
}

export async function deleteAttribute(actor: Actor, categoryId: string, code: string): Promise<void> {
  requireOperator(actor);
  await getPrisma().$transaction(async (tx) => {
    const { count } = await tx.categoryAttribute.deleteMany({ where: { categoryId, code } });
    if (count === 0) throw new NotFoundError("attribute");
    await enqueue(tx, { topic: "search.category", aggregateId: categoryId, payload: { categoryId } });
    await auditCategory(tx, categoryId, "attribute_deleted", actor, { code });
  });
  forgetPageCategories();
}
