import "server-only";

/** login_failures (migration 4): one row per throttle key ("pair:ADDRESS NAME", "addr:ADDRESS") while it counts. */
export type LoginFailureTable = {
  key: string;
  count: number;
  first_at: string;
  blocked_until: string | null;
};
