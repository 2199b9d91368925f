export const dynamic = 'force-dynamic';

/**
 * A constant, through the same server, proxy and route machinery as every other route: the
 * HTTP ceiling the load benchmark measures the real routes against.
 */
export function GET(): Response {
  return Response.json({ pong: true });
}
