/**
 * `--quick`: every bench runs on tiny data in a few seconds, so `npm test`
 * (suite bench-quick) proves each one still runs end to end and prints its
 * figures. Quick figures are not measurements: speed targets are not checked.
 */
export const quick = process.argv.includes("--quick");

/** The full-size value, or the quick one under `--quick`. */
export const sized = <T>(full: T, small: T): T => (quick ? small : full);
