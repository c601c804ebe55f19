import type { z } from "zod";

/** zod issues as the API's `fields` map: dotted path → message; unknown keys each named. */
export function fieldsFromZod(error: z.ZodError): Record<string, string> {
  const fields = new Map<string, string>();
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fields.set(key, "is not an allowed field");
    } else {
      fields.set(issue.path.join(".") || "body", issue.message);
    }
  }
  return Object.fromEntries(fields);
}
