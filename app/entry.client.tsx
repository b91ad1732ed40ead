import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { baseI18nConfig, loadResources } from "~/modules/i18n/i18n";
import { langFromPath } from "~/modules/i18n/paths";

async function hydrate() {
  const lng = langFromPath(window.location.pathname);
  const resources = await loadResources(lng);
  await i18next
    .use(initReactI18next)
    .init({ ...baseI18nConfig, lng, resources, ns: Object.keys(resources[lng] ?? {}) });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

hydrate();
