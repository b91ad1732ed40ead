import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { suggest } from "~/modules/search/search.server";
import { logger } from "~/utils/logger.server";

const schema = z.object({
  q: z.string().max(200).default(""),
  limit: z.coerce.number().int().min(1).max(10).default(5),
});

/** GET /api/v1/suggest?q= — header autocomplete: products, categories, suppliers. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
  const headers = { "Cache-Control": "no-store" };
  if (!parsed.success) {
    return Response.json(
      {
        error: {
          code: "invalid_parameters",
          message: "Invalid suggest parameters",
          issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
        },
      },
      { status: 400, headers },
    );
  }
  try {
    return Response.json(await suggest(parsed.data.q, parsed.data.limit), { headers });
  } catch (error) {
    logger.error({ err: error }, "suggest failed");
    return Response.json({ products: [], categories: [], suppliers: [] }, { status: 503, headers });
  }
}
