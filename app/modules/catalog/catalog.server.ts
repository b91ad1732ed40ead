/**
 * PUBLIC SURFACE OF THE CATALOG MODULE — categories, products, supplier profiles, bulk import/export.
 *
 * Every product create/update/publish/archive writes a `search.product` outbox event { productId } in the same
 * transaction. Supplier use cases take an Actor and scope by `supplierId = actor.organizationId` in the query;
 * public reads show only PUBLISHED products of suppliers that are not suspended.
 */

export { MAX_IMPORT_ROWS, SheetError } from "~/utils/spreadsheet.server";
export {
  type AttributeDef,
  type AttributeOptionDef,
  type Specs,
  type SpecValue,
  toAttributeDef,
} from "./attributes";
export {
  type CategoryNode,
  type CategoryWithAttributes,
  deleteAttribute,
  deleteCategory,
  getAttributesByCategory,
  getCategoryAttributes,
  getCategoryBySlug,
  getCategoryTree,
  listCategoriesForAdmin,
  listLeafCategories,
  parseOptionLines,
  SECTOR_ORDER,
  saveAttribute,
  saveCategory,
} from "./categories.server";
export { CatalogValidationError } from "./errors";
export {
  buildImportErrorReport,
  buildImportTemplate,
  createImportJob,
  exportSupplierCatalog,
  getImportJob,
  runImportJob,
  startImportJob,
  validateImportJob,
} from "./import/import.server";
export {
  type ColumnTarget,
  IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
  suggestMapping,
} from "./import/mapping";
export type { RowError } from "./import/row";
export {
  addCertificate,
  addProductMedia,
  addProductPhotos,
  createProduct,
  duplicateProduct,
  getSupplierProduct,
  listSupplierProducts,
  moveProductPhoto,
  notifySearch,
  PRODUCT_PHOTOS_MAX,
  PRODUCTS_PAGE_SIZE,
  type PublishProblem,
  type PublishResult,
  publishProducts,
  removeCertificate,
  removeProductMedia,
  SEARCH_PRODUCT_TOPIC,
  setProductStatus,
  setProductsStatus,
  updateProduct,
} from "./products.server";
export {
  getPublicProduct,
  getSupplierProfile,
  listFeaturedSuppliers,
  listSitemapEntries,
  mainPhotoFileIds,
  PUBLIC_PRODUCT_WHERE,
  publicCardSelect,
  ratingAverage,
  registerCatalogFilePolicy,
} from "./public.server";
export { parseSpecs, validateSpecs } from "./specs";
