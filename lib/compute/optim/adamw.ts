import { AdaptiveMoments, type AdamOptions } from "./adaptive-moments";
import { optimizerDefaults } from "./defaults";

/** Adam with decoupled weight decay: θ ← θ − η·λ·θ beside the Adam step. See AdaptiveMoments. */
export class AdamW extends AdaptiveMoments {
  constructor(options: AdamOptions = {}) {
    super("adamw", optimizerDefaults.adamw, options, true);
  }
}
