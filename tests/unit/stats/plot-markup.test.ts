import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { legendMarkup, plotMarkup } from "@/app/_components/stats/plot-markup";

describe("server-rendered Plot markup under the page's CSP", () => {
  it("carries no <style> element (it would need a nonce) and has the class plot.css styles", () => {
    const chart = plotMarkup({ marks: [Plot.barY([1, 2, 3])] });
    const legend = legendMarkup({ color: { type: "ordinal", domain: ["a", "b"], range: ["red", "blue"] } });
    expect(chart).not.toMatch(/<style/i);
    expect(legend).not.toMatch(/<style/i);
    expect(chart).toMatch(/^<svg[^>]* class="gradus-plot"/);
    expect(legend).toContain('class="gradus-plot-swatches gradus-plot-swatches-wrap"');
  });
});
