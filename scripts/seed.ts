/** `npm run seed`: load content/ into the configured database (also part of `npm start`). */
import { EnvError, parseEnv } from "../lib/env";
import { seed } from "./prepare-db";

Promise.resolve()
  .then(() => seed(parseEnv(process.env).DATABASE_URL))
  .catch((error: unknown) => {
    console.error(error instanceof EnvError ? error.problems.join("\n") : (error as Error).message);
    process.exit(1);
  });
