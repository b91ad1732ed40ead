import { env } from "~/utils/env.server";

/** The operator of the platform as the documents name it (configuration: OPERATOR_* in .env.example). */
export interface LegalOperator {
  name: string;
  inn: string;
  ogrn: string;
  address: string;
  email: string;
  phone: string;
}

export function legalOperator(): LegalOperator {
  const e = env();
  return {
    name: e.OPERATOR_LEGAL_NAME,
    inn: e.OPERATOR_INN,
    ogrn: e.OPERATOR_OGRN,
    address: e.OPERATOR_ADDRESS,
    email: e.OPERATOR_EMAIL,
    phone: e.OPERATOR_PHONE,
  };
}

/** The version of the documents in force; a sign-up records it with the consent (LEGAL_DOCS_VERSION). */
export function legalDocsVersion(): string {
  return env().LEGAL_DOCS_VERSION;
}
