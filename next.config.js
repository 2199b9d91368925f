/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files at run time: bundling it breaks every request.
  serverExternalPackages: ['@electric-sql/pglite', 'pino', 'postgres'],
  poweredByHeader: false,
  allowedDevOrigins: ['127.0.0.1'],
};

module.exports = nextConfig;
