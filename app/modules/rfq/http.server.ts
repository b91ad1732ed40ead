/** The 422 answer of an RFQ page action: which intent failed, its field errors (only fields that have some) and form errors. */
export function intentFailure(
  intent: string,
  errors: Record<string, string[] | null> | null | undefined,
  formErrors: string[] = [],
): Response {
  const fieldErrors = Object.fromEntries(
    Object.entries(errors ?? {}).filter((e): e is [string, string[]] => Array.isArray(e[1])),
  );
  return Response.json({ intent, errors: fieldErrors, formErrors }, { status: 422 });
}
