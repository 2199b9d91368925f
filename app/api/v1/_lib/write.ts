import 'server-only';
import type { Outcome } from '@/infrastructure/services/result';
import { ok, refused, type Answer } from './answer';

/** A command's answer: 202 with the version it produced (and more where the route says), or its refusal. */
export function writeAnswer(outcome: Outcome<{ version: number }>, more: Readonly<Record<string, unknown>> = {}, status = 202): Answer {
  return outcome.ok ? ok({ ...more, version: outcome.version }, status) : refused(outcome);
}
