/** @type {import('next').NextConfig} */
const nextConfig = {
  // The container image (Dockerfile) runs `.next/standalone/server.js`: the server and only the files it
  // needs. `npm start` serves the same build with `next start`, which warns that it "does not work" with
  // standalone output although it does; scripts/start.mjs sets WHARF_NEXT_START so that warning never shows.
  output: process.env.WHARF_NEXT_START === "1" ? undefined : "standalone",
  // The checkout is the root of what gets traced, whatever lockfiles its parent folders hold.
  outputFileTracingRoot: __dirname,
  // dockerode pulls in ssh2's native addon, which Turbopack cannot bundle.
  // ws is loaded as it is too: bundled, its optional native helpers (bufferutil) would be looked for at build.
  serverExternalPackages: ["dockerode", "ssh2", "ws"],
  // Wharf serves no optimised images: the standalone output (and the image) need not carry sharp.
  outputFileTracingExcludes: { "*": ["./node_modules/{sharp,@img}/**"] },
  // `next dev` driven by a browser on 127.0.0.1 (Playwright, the default WHARF_HOSTNAME) needs this.
  allowedDevOrigins: ["127.0.0.1"],
  poweredByHeader: false,
  // Alerts' routes were under /api/notifications until the feature took one name (issue 24): clients written
  // against those paths keep working, answered by the very same routes.
  async rewrites() {
    return [{ source: "/api/notifications/:path*", destination: "/api/alerts/:path*" }];
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
