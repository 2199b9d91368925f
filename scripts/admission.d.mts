export type Admitted = {
  run(release: () => void): void;
  shed(): void;
  gone(): boolean;
};
export function admissionGate(options: { inFlight: number; maxWaitMs: number; now?: () => number }): {
  admit(entry: Admitted): void;
  shedOverdue(): void;
  readonly running: number;
  readonly waiting: number;
};
