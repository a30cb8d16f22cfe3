import Link from "next/link";
import type { HistoryEntry } from "@/lib/history/types";

/** The incidents that opened within 30 minutes after a deploy, each a link to its card. */
export function DeployIncidents({ entry }: { entry: HistoryEntry }) {
  if (entry.incidentIds.length === 0) return null;
  const list = `/incidents?host=${encodeURIComponent(entry.hostId)}&container=${encodeURIComponent(entry.containerName)}`;
  return (
    <ul data-testid="history-incidents" className="mt-0.5 space-y-0.5 text-xs">
      {entry.incidentIds.map((id) => (
        <li key={id}>
          <Link
            href={`${list}#incident-${id}`}
            className="whitespace-nowrap font-medium text-red-700 hover:underline dark:text-red-400"
            title="An incident that opened within 30 minutes after this deploy"
          >
            incident #{id}
          </Link>
        </li>
      ))}
    </ul>
  );
}
