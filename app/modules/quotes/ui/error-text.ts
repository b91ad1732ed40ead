import { useErrorText } from "~/components/ui/error-text";

/** Error texts of the quotes namespace ("key" or "key::{json}"). */
export const useQuoteErrorText = () => useErrorText("quotes");
