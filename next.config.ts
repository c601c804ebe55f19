import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  // Survey answers are small; anything larger is rejected before it reaches the handlers.
  experimental: { serverActions: { bodySizeLimit: "64kb" } },
};

export default nextConfig;
