import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

/**
 * Observable Plot rendered on the server into an SVG/HTML string, with
 * linkedom standing in for the browser's document: charts need no client JS.
 * Plot writes every label and datum through the DOM (textContent and
 * attributes), so topic titles and other text arrive escaped in the markup.
 */
function serverDocument(): Document {
  return parseHTML("<!doctype html><html><body></body></html>").document as unknown as Document;
}

/** Shared look: axes and text in currentColor (light and dark mode), the page's font. */
const base = {
  style: { fontFamily: "inherit", fontSize: "12px", background: "transparent", overflow: "visible" },
  // Our own class, which plot.css styles: see withoutStyleElements.
  className: "gradus-plot",
} satisfies Plot.PlotOptions;

/**
 * Plot writes its stylesheet as a <style> element into every chart. The page's CSP only
 * runs <style> elements that carry the response's nonce, and a chart arriving by client
 * navigation would carry another response's, so the element goes and plot.css holds its rules.
 */
function withoutStyleElements(node: Element): string {
  for (const style of node.querySelectorAll("style")) style.remove();
  return node.outerHTML;
}

export function plotMarkup(options: Plot.PlotOptions): string {
  return withoutStyleElements(
    Plot.plot({
      ...base,
      ...options,
      style: base.style,
      className: base.className,
      document: serverDocument(),
    }),
  );
}

/** A legend on its own, for a chart whose legend should not sit inside the plot's figure. */
export function legendMarkup(options: Parameters<typeof Plot.legend>[0]): string {
  // `document` is read by Plot's legends as by its plots, though the typings list it for plots only.
  const withDocument = { ...options, ...base, document: serverDocument() };
  return withoutStyleElements(Plot.legend(withDocument as Parameters<typeof Plot.legend>[0]));
}
