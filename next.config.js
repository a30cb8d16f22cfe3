/** @type {import('next').NextConfig} */
const nextConfig = {
  // dockerode pulls in ssh2's native addon, which Turbopack cannot bundle.
  serverExternalPackages: ["dockerode", "better-sqlite3"],
  // `next dev` driven by a browser on 127.0.0.1 (Playwright, the default WHARF_HOSTNAME) needs this.
  allowedDevOrigins: ["127.0.0.1"],
  poweredByHeader: false,
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
