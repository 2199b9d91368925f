import type { ReactNode } from 'react';
import { ConferenceNav } from '@/components/organizer/conference-nav';
import { organizerConference } from '../../_lib/access';

export const dynamic = 'force-dynamic';

type Props = { readonly children: ReactNode; readonly params: Promise<{ slug: string }> };

export default async function ConferenceLayout({ children, params }: Props) {
  const { slug } = await params;
  await organizerConference(slug);
  return (
    <>
      <ConferenceNav slug={slug} />
      {children}
    </>
  );
}
