// Input fields several actions' schemas share (not a "use server" file: it exports schemas, not actions).
import { z } from "zod";

/** a yes/no a form posts as the text "true"/"false" (a hidden input) or a script passes as a boolean */
export const formBoolean = z
  .enum(["true", "false"])
  .or(z.boolean())
  .transform((v) => v === true || v === "true");
