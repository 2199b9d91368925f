/** A field of a JSON body that is an object (the route reader made sure of that). */
export const fieldOf = (body: unknown, name: string): unknown => (body as Record<string, unknown>)[name];
