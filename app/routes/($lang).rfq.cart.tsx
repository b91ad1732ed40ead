import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass, secondaryButtonClass } from "~/components/ui/button";
import { plainInputClass } from "~/components/ui/field";
import { IntentButton } from "~/components/ui/intent-button";
import { LocalizedLink, TextLink } from "~/components/ui/localized-link";
import { Panel } from "~/components/ui/panel";
import { requireActor, safeRedirect } from "~/modules/accounts/accounts.server";
import { ProductThumb } from "~/modules/catalog/ui/product-photo";
import { getLang, getT } from "~/modules/i18n/i18n.server";
import { localizePath } from "~/modules/i18n/paths";
import { useLang } from "~/modules/i18n/use-lang";
import { unitName } from "~/modules/money/units";
import { cartActionSchema } from "~/modules/rfq/rfq.schema";
import { addToCart, clearCart, getCart, removeFromCart, updateCartQuantity } from "~/modules/rfq/rfq.server";
import { orHttpError } from "~/utils/route-errors.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, { kind: "BUYER" });
  const items = await getCart(actor);
  const t = await getT(request, "rfq");
  return { items, title: t("cart.title") };
}

/**
 * add (productId, intent=add, optional redirectTo: back there with ?added=<slug>&addedToRfq=1), update quantity, remove,
 * clear.
 */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, { kind: "BUYER" });
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: cartActionSchema });
  const lang = getLang(request);
  if (submission.status !== "success") {
    return Response.json({ error: { code: "invalid", message: "invalid cart action" } }, { status: 400 });
  }
  const v = submission.value;
  if (v.intent === "add") {
    const { slug } = await orHttpError(addToCart(actor, v.productId, v.quantity));
    const back = form.get("redirectTo");
    if (typeof back === "string" && back) {
      // back where the buyer pressed «В запрос», saying which product went in (the catalog marks its card)
      const to = safeRedirect(back, "/rfq/cart");
      return redirect(`${to}${to.includes("?") ? "&" : "?"}${new URLSearchParams({ added: slug, addedToRfq: "1" })}`);
    }
    return redirect(localizePath(lang, "/rfq/cart"));
  }
  await orHttpError(
    v.intent === "update"
      ? updateCartQuantity(actor, v.productId, v.quantity)
      : v.intent === "remove"
        ? removeFromCart(actor, v.productId)
        : clearCart(actor),
  );
  return redirect(localizePath(lang, "/rfq/cart"));
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export default function RfqCart() {
  const { items } = useLoaderData<typeof loader>();
  const { t } = useTranslation("rfq");
  const lang = useLang();
  const groups = new Map<string, { supplier: (typeof items)[number]["supplier"]; items: typeof items }>();
  for (const item of items) {
    const g = groups.get(item.supplier.id) ?? { supplier: item.supplier, items: [] };
    g.items.push(item);
    groups.set(item.supplier.id, g);
  }
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <h1 className="text-2xl font-bold">{t("cart.title")}</h1>
      {items.length === 0 ? (
        <p className="text-slate-600">
          {t("cart.empty")} <TextLink to="/catalog">{t("cart.toCatalog")}</TextLink>
        </p>
      ) : (
        <>
          <p className="text-slate-600">{t("cart.lead", { suppliers: groups.size, count: items.length })}</p>
          {[...groups.values()].map((g) => (
            <Panel key={g.supplier.id} id={`sup-${g.supplier.id}`} title={g.supplier.shortName}>
              <ul className="mt-3 divide-y divide-slate-100">
                {g.items.map((item) => (
                  <li key={item.productId} className="flex flex-wrap items-end gap-3 py-2" data-testid="cart-item">
                    <ProductThumb photoFileId={item.photoFileId} category={item.category} />
                    <div className="min-w-0 flex-1">
                      <LocalizedLink to={`/products/${item.slug}`} className="font-medium text-brand-700 underline">
                        {item.title}
                      </LocalizedLink>
                      <div className="text-xs text-slate-500">{item.sku}</div>
                      {!item.available ? <div className="text-xs text-red-700">{t("cart.unavailable")}</div> : null}
                    </div>
                    <Form method="post" className="flex items-end gap-2">
                      <input type="hidden" name="productId" value={item.productId} />
                      <div>
                        <label htmlFor={`qty-${item.productId}`} className="text-xs">
                          {t("form.quantity")}, {unitName(item.unit, lang)}
                        </label>
                        <input
                          id={`qty-${item.productId}`}
                          name="quantity"
                          defaultValue={item.quantity}
                          inputMode="decimal"
                          className={`${plainInputClass} w-28`}
                        />
                      </div>
                      <button type="submit" name="intent" value="update" className={secondaryButtonClass}>
                        {t("cart.update")}
                      </button>
                    </Form>
                    <Form method="post">
                      <input type="hidden" name="productId" value={item.productId} />
                      <button type="submit" name="intent" value="remove" className="text-sm text-red-700 underline">
                        {t("cart.remove")}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            </Panel>
          ))}
          <div className="flex flex-wrap gap-3">
            <LocalizedLink to="/rfq/new?from=cart" className={buttonClass}>
              {t("cart.createRfq")}
            </LocalizedLink>
            <IntentButton intent="clear" fields={{}} label={t("cart.clear")}>
              {t("cart.clear")}
            </IntentButton>
          </div>
        </>
      )}
    </div>
  );
}
