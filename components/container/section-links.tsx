const sections = [
  ["configuration", "Configuration"],
  ["logs", "Logs"],
  ["usage", "Usage"],
  ["history", "History"],
  ["incidents", "Incidents"],
] as const;

/** The page's sections, one click away: nobody should scroll past the logs to find the configuration. */
export function SectionLinks() {
  return (
    <nav aria-label="Sections" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
      {sections.map(([id, label]) => (
        <a key={id} href={`#${id}`} className="text-sky-700 hover:underline dark:text-sky-400">
          {label}
        </a>
      ))}
    </nav>
  );
}
