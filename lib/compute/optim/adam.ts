import { AdaptiveMoments, type AdamOptions } from "./adaptive-moments";
import { optimizerDefaults } from "./defaults";

/** Adam with bias correction; `weightDecay` is an L2 penalty added to the gradient. See AdaptiveMoments. */
export class Adam extends AdaptiveMoments {
  constructor(options: AdamOptions = {}) {
    super("adam", optimizerDefaults.adam, options, false);
  }
}
