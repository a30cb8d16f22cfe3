/** The header's pages, in order. One line per page, so a new page is one line here. */
export const NAV_ITEMS: { href: string; label: string }[] = [
  { href: "/", label: "Fleet" },
  { href: "/services", label: "Services" },
  { href: "/incidents", label: "Incidents" },
  { href: "/history", label: "History" },
  { href: "/inventory", label: "Inventory" },
  { href: "/insights", label: "Insights" },
];
