"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { HiddenOnLogin } from "@/components/auth/hidden-on-login";
import { UserMenu } from "@/components/auth/user-menu";
import { LiveIndicator } from "@/components/fleet/live-status";
import { useMediaQuery } from "@/components/ui/use-media-query";
import { NAV_ITEMS } from "./nav-items";

const navLink = "text-sm text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white";

/**
 * The header: the pages of NAV_ITEMS inline on a wide screen; on a phone they fold into a menu with the user's
 * controls, so the header never gets wider than the screen. The inline links are hidden by CSS (not by script),
 * so a phone never shows them, not even before the page has hydrated.
 */
export function SiteHeader() {
  const phone = useMediaQuery("(max-width: 1023px)");
  const pathname = usePathname();
  // The menu is open for one page: following a link closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = phone && openOn === pathname;
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <nav className="mx-auto flex max-w-screen-2xl items-center gap-6 px-4 py-3">
        <Link href="/" className="shrink-0 text-lg font-semibold tracking-tight">
          ⚓ Wharf
        </Link>
        <HiddenOnLogin>
          <div className="hidden items-center gap-6 lg:flex">
            {NAV_ITEMS.map((item) => (
              <Link key={item.href} href={item.href} className={navLink}>
                {item.label}
              </Link>
            ))}
          </div>
          <LiveIndicator />
          {!phone && <UserMenu />}
          <button
            type="button"
            aria-expanded={open}
            aria-controls="site-menu"
            data-testid="menu-button"
            onClick={() => setOpenOn(open ? null : pathname)}
            className="rounded-md border border-slate-300 px-2.5 py-1 text-sm lg:hidden dark:border-slate-700"
          >
            <span aria-hidden>{open ? "✕" : "☰"}</span> Menu
          </button>
        </HiddenOnLogin>
      </nav>
      {open && (
        <div
          id="site-menu"
          data-testid="site-menu"
          className="space-y-3 border-t border-slate-200 px-4 py-3 lg:hidden dark:border-slate-800"
        >
          <ul className="space-y-1">
            {NAV_ITEMS.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={pathname === item.href ? "page" : undefined}
                  className="block rounded-md px-2 py-2 text-base hover:bg-slate-100 aria-[current=page]:font-semibold dark:hover:bg-slate-800"
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
          <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-3 dark:border-slate-800">
            <UserMenu />
          </div>
        </div>
      )}
    </header>
  );
}
