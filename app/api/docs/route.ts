export const dynamic = 'force-static';

/** The API's reference for a person: Swagger UI, served from this app (no CDN), reading /api/v1/openapi.json. */
export function GET() {
  const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Seatwise JSON API</title>
  <link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
  <div id="api"></div>
  <script src="/api/docs/swagger-ui-bundle.js"></script>
  <script>window.onload = () => { window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#api' }); };</script>
</body>
</html>`;
  return new Response(page, { headers: { 'content-type': 'text/html; charset=utf-8' } });
}
