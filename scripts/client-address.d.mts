export function clientAddressOf(forwardedFor: string | undefined, socketAddress: string | undefined, trustedHops: number): string;
