export const visitorCookie: string;
export function newVisitorId(): string;
export function isVisitorId(value: string): boolean;
export function overHttps(forwardedProto: string | null | undefined): boolean;
export function visitorToGive(cookieHeader: string | null | undefined, forwardedProto: string | null | undefined): { id: string; setCookie: string } | null;
