import { describe, expect, it } from "vitest";
import { bindingAvailable } from "@/lib/optimizer/binding-available";
import { currentPlatformKey, FSRS_BINDING_PACKAGES, loadFsrsBinding } from "@/lib/optimizer/fsrs-binding.mjs";

const supported = Object.keys(FSRS_BINDING_PACKAGES);

describe("the FSRS binding on a platform without a published package", () => {
  it("explains which platform lacks it and which ones have it, instead of throwing", () => {
    const loaded = loadFsrsBinding("darwin-arm64");
    expect(loaded.binding).toBeUndefined();
    expect(loaded.reason).toContain("not available on darwin-arm64");
    for (const platform of supported) expect(loaded.reason).toContain(platform);
    expect(loaded.reason).toContain("Scheduling keeps working");
  });
});

describe("the FSRS binding on this machine", () => {
  const here = currentPlatformKey();

  it("loads exactly when this platform has a package, with the API the fit worker calls", () => {
    const loaded = loadFsrsBinding();
    expect(loaded.binding !== undefined).toBe(supported.includes(here));
    if (loaded.binding) {
      for (const name of ["computeParameters", "FSRSBinding", "FSRSBindingItem", "FSRSBindingReview"]) {
        expect(typeof loaded.binding[name], name).toBe("function");
      }
    }
  });

  it("is reported by bindingAvailable() the same way, from a worker thread", async () => {
    const status = await bindingAvailable();
    expect(status.available).toBe(supported.includes(here));
    if (!status.available) expect(status.reason).toContain(here);
  });
});
