import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/**
 * Security headers for responses the proxy does not see (built assets under /_next/static).
 * The same values as `staticSecurityHeaders` in lib/http/security-headers.ts, which the proxy
 * sends with the per-request CSP; tests/unit/http/security-headers.test.ts keeps them equal.
 */
export const staticSecurityHeaders = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy":
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), " +
    "magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), browsing-topics=()",
};

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and Node-only packages stay out of the server bundle: the database drivers,
  // and the FSRS optimizer binding (a .node file loaded at run time by the fit worker).
  serverExternalPackages: [
    "better-sqlite3",
    "pg",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "@open-spaced-repetition/binding-linux-x64-gnu",
  ],
  poweredByHeader: false,
  experimental: {
    // Server Actions carry small forms only; anything larger is refused with 413.
    serverActions: { bodySizeLimit: "64kb" },
    // Body limit: Next's proxy clones request bodies up to this size and silently
    // truncates beyond it (default 10 MB, which cut large imports short). It is the import
    // limit (IMPORT_MAX_BYTES in lib/limits.ts, 50 MiB) plus 1 MiB, so an oversized import
    // still arrives with more bytes than the route accepts and is refused with 413.
    proxyClientMaxBodySize: 51 * 1024 * 1024,
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: Object.entries(staticSecurityHeaders).map(([key, value]) => ({ key, value })),
      },
    ];
  },
};

export default withNextIntl(nextConfig);
