/**
 * Every bench, in the order `npm test` runs them in quick mode (suite
 * bench-quick: `npm run <script> -- --quick`). A bench passes when it exits 0
 * and its output shows each of `figures` (the lines it ends with). Adding a bench: its
 * package.json script, and one line here.
 */
export type BenchEntry = {
  /** The package.json script. */
  script: string;
  /** What the output must show: the bench got as far as its figures. */
  figures: RegExp[];
};

export const BENCHES: BenchEntry[] = [
  { script: "bench:content", figures: [/check\+seed per card: ×2 deck \/ deck = \d/] },
  { script: "bench:compute", figures: [/steps\/s .*ratio \d/, /heap growth over 1,000 steps of A: -?\d/] },
  { script: "bench:fit", figures: [/fit parameters \(worker\)\s+\d+ ms/] },
  {
    script: "bench:queue",
    figures: [
      /^sqlite\s+grade \+ nextCards\(count 1\)\s+\d/m,
      /^postgresql\s+grade \+ nextCards\(count 1\)\s+\d/m,
    ],
  },
  // Needs the production build: `npm test` runs this suite after e2e has built .next.
  { script: "bench:grading", figures: [/^sqlite\s+\d+ .* yes$/m, /^postgresql\s+\d+ .* yes$/m] },
  // Also a production server: the worst allowed import while another client reads.
  { script: "bench:abuse", figures: [/p99 of reads during the import \d/] },
];
