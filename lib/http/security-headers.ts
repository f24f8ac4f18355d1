/**
 * Response headers that limit what a page can do if hostile markup ever reaches it
 * (card HTML is sanitized at seed time; this is the second line).
 *
 * Scripts: only those carrying this response's nonce, and what they load ('strict-dynamic':
 * Next's runtime adds its chunks as <script> elements). Next reads the nonce from the
 * request's Content-Security-Policy header and stamps it on its own inline scripts, so
 * every page must render per request (app/layout.tsx awaits connection()).
 *
 * Styles: <style>/<link> elements need 'self' or the nonce, but style *attributes* stay
 * allowed ('unsafe-inline' in style-src-attr only): KaTeX positions glyphs with them and
 * Observable Plot's server-rendered SVG carries its look in them. A nonce cannot cover an
 * attribute, and CSS in an attribute cannot run script.
 */
export type SecurityHeaderOptions = {
  /** Fresh per response, base64; see newNonce(). */
  nonce: string;
  /** The response goes to the browser over HTTPS: only then does HSTS mean anything. */
  https: boolean;
  /** `next dev` evaluates code for its error overlay and injects styles without a nonce. */
  development: boolean;
};

/** One year, the value HSTS preload lists ask for. */
export const HSTS_MAX_AGE_SECONDS = 31_536_000;

/** Headers that do not depend on the request: sent on every response the proxy sees. */
export const staticSecurityHeaders: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  // Older browsers that ignore CSP's frame-ancestors.
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  // Nothing in the app uses these; a page that is ever compromised cannot ask for them either.
  "Permissions-Policy":
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), " +
    "magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), browsing-topics=()",
};

export function contentSecurityPolicy({ nonce, development }: Omit<SecurityHeaderOptions, "https">): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", development ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    ["style-src-attr", "'unsafe-inline'"],
    // KaTeX's fonts are bundled as files; data: covers fonts and images inlined by the CSS build.
    ["font-src", "'self'", "data:"],
    ["img-src", "'self'", "data:", "blob:"],
    ["connect-src", "'self'"],
    // The optimizer runs in a server worker; no page starts a web worker.
    ["worker-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/** Every security header for one response, CSP with this response's nonce included. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    ...staticSecurityHeaders,
    "Content-Security-Policy": contentSecurityPolicy(options),
    ...(options.https
      ? { "Strict-Transport-Security": `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains` }
      : {}),
  };
}

/** 128 random bits, base64: what CSP nonces need to be unguessable. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Whether the browser reached us over HTTPS. X-Forwarded-Proto is believed without a trusted
 * proxy list on purpose: a client that lies about it only gets an HSTS header on plain HTTP,
 * which browsers ignore (RFC 6797 §8.1), and the lie concerns its own response only.
 */
export function servedOverHttps(url: string, forwardedProto: string | null): boolean {
  const first = forwardedProto?.split(",")[0]?.trim().toLowerCase();
  if (first) return first === "https";
  return url.startsWith("https:");
}
