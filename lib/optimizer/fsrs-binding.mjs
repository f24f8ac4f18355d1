// Loads fsrs-rs for Node (the FSRS optimizer) from the one platform package that fits
// this machine. Plain JavaScript, imported by the fit worker (fit-worker.mjs) and by the
// probe behind bindingAvailable(). Why not the meta package @open-spaced-repetition/binding: it lists eleven
// platform packages, of which the registry holds version 0.5 for linux-x64-gnu only,
// so `npm ci` refused the lock file. package.json lists exactly the platform packages
// that exist, as optional dependencies npm skips on other machines.

// Turbopack bundles the fit worker and follows a `require` it can see to the .node file,
// which it refuses to place in an ESM chunk. A require made through getBuiltinModule is
// invisible to it, so the package is loaded from node_modules at run time.
const require = process.getBuiltinModule("node:module").createRequire(import.meta.url);

/** Platform key (napi-rs naming) → the package holding the binary built for it. */
export const FSRS_BINDING_PACKAGES = {
  "linux-x64-gnu": "@open-spaced-repetition/binding-linux-x64-gnu",
};

/** napi-rs's name for this machine, e.g. "linux-x64-gnu", "linux-x64-musl", "darwin-arm64". */
export function currentPlatformKey() {
  const base = `${process.platform}-${process.arch}`;
  if (process.platform !== "linux") return base;
  const header = process.report?.getReport?.().header;
  return `${base}-${header?.glibcVersionRuntime ? "gnu" : "musl"}`;
}

/**
 * The binding, or why it cannot be loaded here, in words for the person running the
 * server: `{ binding }` or `{ reason }`.
 */
export function loadFsrsBinding(platform = currentPlatformKey()) {
  const name = FSRS_BINDING_PACKAGES[platform];
  const supported = Object.keys(FSRS_BINDING_PACKAGES).join(", ");
  if (!name) {
    return {
      reason:
        `the FSRS optimizer is not available on ${platform}: its native binding is installed ` +
        `only for ${supported}. Scheduling keeps working with the current parameters.`,
    };
  }
  try {
    return { binding: require(name) };
  } catch (error) {
    const cause = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return {
      reason:
        `the FSRS optimizer's native binding (${name}) could not be loaded: ${cause}. ` +
        `Run \`npm ci\` on this machine; scheduling keeps working with the current parameters.`,
    };
  }
}

/** The binding's exports; throws an Error carrying the plain reason when it cannot load. */
export function requireFsrsBinding() {
  const loaded = loadFsrsBinding();
  if (!loaded.binding) throw new Error(loaded.reason);
  return loaded.binding;
}
