import type { Metadata } from "next";
import { Suspense } from "react";
import { ServicesView } from "@/components/services/services-view";
import { Spinner } from "@/components/ui/spinner";

export const metadata: Metadata = { title: "Services · Wharf" };

export default function ServicesPage() {
  // useSearchParams (?service=) needs a Suspense boundary for the static shell.
  return (
    <Suspense fallback={<Spinner label="Loading services…" />}>
      <ServicesView />
    </Suspense>
  );
}
