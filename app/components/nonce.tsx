import { createContext, useContext } from "react";

const NonceContext = createContext<string>("");

export const NonceProvider = NonceContext.Provider;

/** The CSP nonce of this request on the server; an empty string in the browser (browsers hide it). */
export function useNonce(): string {
  return useContext(NonceContext);
}
