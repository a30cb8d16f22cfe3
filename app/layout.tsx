import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/nav/site-header";
import { Providers } from "./providers";
import "./globals.css";

// Pages carry a per-request CSP nonce (proxy.ts), which only dynamic rendering can put on Next's scripts.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Wharf",
  description: "Every container on every Docker host, live.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <Providers>
          <SiteHeader />
          <main className="mx-auto max-w-screen-2xl px-4 py-6">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
