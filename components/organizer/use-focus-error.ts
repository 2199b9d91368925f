'use client';

import { useEffect, useRef } from 'react';
import type { FormState } from './types';

/** After a rejected submit, keyboard focus goes to the first field to fix. */
export function useFocusFirstError(state: FormState) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  return formRef;
}
