import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { requestPreferences } from "@/lib/web/preferences-cookie";
import { SiteHeader } from "./_components/site-header";
import "katex/dist/katex.min.css";
import "./_components/stats/plot.css";
import "highlight.js/styles/github.css";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: { default: t("title"), template: `%s · Gradus` }, description: t("description") };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0f172a" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: Next stamps the proxy's per-request CSP nonce on its
  // scripts while rendering, which a page prerendered at build time could not carry.
  // (The theme needs no inline script: data-theme comes from the preferences cookie.)
  await connection();
  const locale = await getLocale();
  const { theme } = await requestPreferences();
  const t = await getTranslations("nav");
  return (
    <html lang={locale} data-theme={theme}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a
          href="#main"
          className="sr-only rounded-md bg-indigo-700 px-4 py-2 text-white focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50"
        >
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider>
          <SiteHeader />
          <main id="main" className="mx-auto w-full max-w-5xl px-4 py-8">
            {children}
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
