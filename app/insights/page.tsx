import type { Metadata } from "next";
import { Suspense } from "react";
import { InsightsView } from "@/components/insights/insights-view";
import { Spinner } from "@/components/ui/spinner";

export const metadata: Metadata = { title: "Insights · Wharf" };

export default function InsightsPage() {
  // The period comes from useSearchParams, which needs a Suspense boundary for the static shell.
  return (
    <Suspense fallback={<Spinner label="Loading the insights…" />}>
      <InsightsView />
    </Suspense>
  );
}
