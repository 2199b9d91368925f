import { NextResponse, type NextRequest } from 'next/server';
import { isVisitorId, newVisitorId, visitorCookie, visitorSetCookie } from '@/infrastructure/auth/visitor-id';

/**
 * Gives every browser a visitor id on its first page view, before it can submit a form: the
 * scope of its forms' idempotency keys is then the same for a double submit as for the first.
 */
export function proxy(request: NextRequest) {
  const existing = request.cookies.get(visitorCookie)?.value;
  if (existing && isVisitorId(existing)) return NextResponse.next();
  const id = newVisitorId();
  request.cookies.set(visitorCookie, id);
  const response = NextResponse.next({ request });
  const secure = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
  response.headers.append('set-cookie', visitorSetCookie(id, secure));
  return response;
}

export const config = {
  matcher: ['/((?!api|_next/static|_next/image|favicon.ico).*)'],
};
