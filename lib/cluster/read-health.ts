import "server-only";
import { sql } from "kysely";
import { WharfError } from "@/lib/core/errors";
import { getDatabase } from "@/lib/db/database";
import { giveUpLease, replica } from "./cluster";

// A load balancer's check must answer quickly; a database slower than this is as good as gone for it.
const DATABASE_TIMEOUT_MS = 2_000;

export type Health = {
  status: "ok";
  replica: string;
  role: "recorder" | "follower";
  database: "ok";
};

/**
 * What a load balancer asks: this replica's name and role, once its database answers. One whose database does
 * not answer is 503, so the balancer sends its users elsewhere, and it gives up the lease for a healthy one.
 */
export async function readHealth(): Promise<Health> {
  const self = replica();
  if (self.shared) {
    try {
      await withTimeout(getDatabase().then((db) => sql`SELECT 1`.execute(db)));
    } catch (error) {
      const reason = error instanceof WharfError ? error.message : (error as Error).message;
      giveUpLease(`the database did not answer the health check: ${reason}`);
      throw new WharfError("UNAVAILABLE", `The database does not answer: ${reason}`);
    }
  }
  return { status: "ok", replica: self.name, role: self.role, database: "ok" };
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer in ${DATABASE_TIMEOUT_MS} ms`)),
      DATABASE_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
