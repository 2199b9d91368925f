export const visitorCookie: string;
export function newVisitorId(): string;
export function isVisitorId(value: string): boolean;
export function visitorSetCookie(id: string, secure: boolean): string;
export function visitorIdIn(cookieHeader: string | undefined): string | null;
