/**
 * The accounts module's read-only door for other modules' server code that must not load the whole of
 * accounts.server.ts (which pulls the i18n bundle through Vite's import.meta.glob and so cannot run under plain tsx,
 * e.g. in the seed): organisation cards for trading parties, and which of them the operator has not verified.
 */
export {
  getOrganizationCards,
  ORGANIZATION_LISTING_SELECT,
  type OrganizationCard,
  unverifiedOrganizationNames,
} from "./org-cards.server";
