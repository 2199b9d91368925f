import 'server-only';
import { NextResponse } from 'next/server';
import { hasOrderAccess } from '@/app/orders/order-access';
import { database } from '@/infrastructure/runtime';
import type { Db } from '@/infrastructure/db/client';

/**
 * A read model of one order as JSON for polling: `null` while it is not projected yet (it is
 * written a moment after the command); 404 for a browser without access, whether or not it exists.
 */
export async function orderJson<T>(params: Promise<{ orderId: string }>, read: (db: Db, orderId: string) => Promise<T | null>) {
  const { orderId } = await params;
  if (!(await hasOrderAccess(orderId))) return NextResponse.json({ message: 'Order not found' }, { status: 404 });
  const view = await read(await database(), orderId);
  return NextResponse.json(view, { headers: { 'cache-control': 'no-store' } });
}
