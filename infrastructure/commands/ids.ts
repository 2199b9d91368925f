import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';

const namespace = 'a6f3c1d2-5b8e-4c7a-9f10-2d3e4b5c6a71';

/** An id derived from another: a repeated cause yields the same id, so the effect is a no-op. */
export const derivedId = (from: string, purpose: string) => uuidv5(`${from}/${purpose}`, namespace);

/** Time-ordered ids for new aggregates: index-friendly, sortable by creation. */
export const newId = () => uuidv7();
