import { WharfError } from "@/lib/core/errors";

/** Retries once what may pass on a second try, but not a request the server refused as invalid or unknown. */
export function retryUnlessRefused(failures: number, error: Error): boolean {
  if (error instanceof WharfError && (error.code === "VALIDATION" || error.code === "NOT_FOUND"))
    return false;
  return failures < 1;
}
