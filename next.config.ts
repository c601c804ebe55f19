import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  // Survey answers are small; anything larger is rejected before it reaches the handlers.
  // The proxy (proxy.ts) refuses a declared Content-Length over the route's cap; a chunked body
  // without one is buffered for the proxy only up to proxyClientMaxBodySize (Next's default is 10 MB)
  // and then cut off, so the handler sees an over-cap body and answers 413. Just above the largest
  // legitimate body: a roster upload of 1 200 000 bytes.
  experimental: { serverActions: { bodySizeLimit: "64kb" }, proxyClientMaxBodySize: 1_400_000 },
  // Every response, static files included; the Content-Security-Policy (with a nonce) comes from proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
