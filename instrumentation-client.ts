import { z } from "zod";

/**
 * Runs in the browser before the app's own modules. Zod probes `new Function` when it builds
 * an object schema (to compile a faster parser); under the page's CSP (no 'unsafe-eval') the
 * probe is blocked and, although Zod catches the error, the browser reports a CSP violation.
 * Jitless mode skips the probe; client-side parsing is small, so the fast path is not missed.
 */
z.config({ jitless: true });
