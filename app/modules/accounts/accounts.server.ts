import type { Viewer } from "./viewer";

export type { Viewer };

/** The signed-in viewer of a request, or null for a visitor. */
export async function getViewer(_request: Request): Promise<Viewer | null> {
  return null;
}
