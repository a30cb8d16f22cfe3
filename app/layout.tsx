import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { HiddenOnLogin } from "@/components/auth/hidden-on-login";
import { UserMenu } from "@/components/auth/user-menu";
import { LiveIndicator } from "@/components/fleet/live-status";
import { NAV_ITEMS } from "@/components/nav/nav-items";
import { Providers } from "./providers";
import "./globals.css";

// Pages carry a per-request CSP nonce (proxy.ts), which only dynamic rendering can put on Next's scripts.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Wharf",
  description: "Every container on every Docker host, live.",
};

const navLink = "text-sm text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <Providers>
          <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
            <nav className="mx-auto flex max-w-screen-2xl items-center gap-6 px-4 py-3">
              <Link href="/" className="text-lg font-semibold tracking-tight">
                ⚓ Wharf
              </Link>
              <HiddenOnLogin>
                {NAV_ITEMS.map((item) => (
                  <Link key={item.href} href={item.href} className={navLink}>
                    {item.label}
                  </Link>
                ))}
                <LiveIndicator />
                <UserMenu />
              </HiddenOnLogin>
            </nav>
          </header>
          <main className="mx-auto max-w-screen-2xl px-4 py-6">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
