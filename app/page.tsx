import { Suspense } from "react";
import { FleetOverview } from "@/components/fleet/fleet-overview";
import { Spinner } from "@/components/ui/spinner";

export default function FleetPage() {
  // useSearchParams needs a Suspense boundary for the static shell.
  return (
    <Suspense fallback={<Spinner label="Loading the fleet…" />}>
      <FleetOverview />
    </Suspense>
  );
}
