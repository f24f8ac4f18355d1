import type { Locale } from "@/lib/settings/preferences";
import { en, ru, type Messages } from "./catalogues";

export type { Messages };

const catalog: Record<Locale, Messages> = { en, ru };

export async function loadMessages(locale: Locale): Promise<Messages> {
  return catalog[locale];
}
