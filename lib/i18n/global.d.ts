import type { en } from "./catalogues";
import type { Locale } from "@/lib/settings/preferences";

// Type-checks every t("…") key against the English catalogue; the Russian one
// is checked key-for-key against it by tests/unit/i18n/catalogues.test.ts.
declare module "next-intl" {
  interface AppConfig {
    Messages: typeof en;
    Locale: Locale;
  }
}
