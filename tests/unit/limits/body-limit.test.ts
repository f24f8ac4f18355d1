import { describe, expect, it } from "vitest";
import { IMPORT_MAX_BYTES } from "@/lib/limits";
import nextConfig from "../../../next.config.js";

describe("the import body limit and Next's proxy body limit", () => {
  it("lets every body the route refuses reach it with more bytes than the limit (so it is a 413, never truncated)", () => {
    const proxyLimit = (nextConfig as { experimental?: { proxyClientMaxBodySize?: number } }).experimental
      ?.proxyClientMaxBodySize;
    expect(typeof proxyLimit).toBe("number");
    // Next stops at the chunk that crosses its limit; chunks are at most 64 KiB.
    expect(proxyLimit! - 64 * 1024).toBeGreaterThan(IMPORT_MAX_BYTES);
  });
});
