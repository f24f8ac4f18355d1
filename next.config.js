import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and Node-only packages stay out of the server bundle: the database drivers,
  // and the FSRS optimizer binding (a .node file loaded at run time by the fit worker).
  serverExternalPackages: [
    "better-sqlite3",
    "pg",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "@open-spaced-repetition/binding",
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
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
