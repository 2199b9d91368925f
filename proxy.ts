import { NextResponse, type NextRequest } from 'next/server';
import { visitorCookie, visitorToGive } from '@/infrastructure/auth/visitor-id';

/**
 * Gives every browser a visitor id on its first page view, before it can submit a form: the
 * scope of its forms' idempotency keys is then the same for a double submit as for the first.
 */
export function proxy(request: NextRequest) {
  const visitor = visitorToGive(request.headers.get('cookie'), request.headers.get('x-forwarded-proto'));
  if (!visitor) return NextResponse.next();
  request.cookies.set(visitorCookie, visitor.id);
  const response = NextResponse.next({ request });
  response.headers.append('set-cookie', visitor.setCookie);
  return response;
}

export const config = {
  matcher: ['/((?!api|_next/static|_next/image|favicon.ico).*)'],
};
