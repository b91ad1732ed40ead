import { Fragment } from "react";
import type { HighlightSegment } from "../text";

/** Text with the matched words in <mark> (segments come from the engine; never HTML). */
export function Highlighted({ segments, fallback }: { segments: HighlightSegment[]; fallback: string }) {
  if (segments.length === 0) return <>{fallback}</>;
  return (
    <>
      {segments.map((s, i) =>
        s.match ? (
          <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-inherit">
            {s.text}
          </mark>
        ) : (
          <Fragment key={i}>{s.text}</Fragment>
        ),
      )}
    </>
  );
}
