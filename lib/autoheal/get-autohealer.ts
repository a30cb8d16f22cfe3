import "server-only";
import { getLiveFleet } from "@/lib/fleet/live/get-live-fleet";
import { autohealConfig } from "./autoheal-config";
import { Autohealer } from "./autohealer";

// One per process, on globalThis: the live wiring feeds it and the API routes read its timers, and Next can
// load this module once per bundle.
const KEY = Symbol.for("wharf.autohealer");
type Holder = { [KEY]?: Autohealer };

export function getAutohealer(): Autohealer {
  const holder = globalThis as Holder;
  holder[KEY] ??= new Autohealer(getLiveFleet().store, autohealConfig());
  return holder[KEY];
}
