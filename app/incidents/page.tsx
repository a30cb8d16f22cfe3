import type { Metadata } from "next";
import { Suspense } from "react";
import { IncidentList } from "@/components/incidents/incident-list";
import { Spinner } from "@/components/ui/spinner";

export const metadata: Metadata = { title: "Incidents · Wharf" };

export default function IncidentsPage() {
  // useSearchParams (the ?host= and ?container= filters) needs a Suspense boundary for the static shell.
  return (
    <Suspense fallback={<Spinner label="Loading incidents…" />}>
      <IncidentList />
    </Suspense>
  );
}
