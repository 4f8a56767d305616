// Last resort when a record's form definition is missing: its answers as they are stored, read-only, so nothing is hidden or lost.
import type { Answers } from '../../engine/types.ts';

export function RawAnswers({ answers }: { answers: Answers }) {
  return (
    <pre className="raw-answers" data-testid="raw-answers">
      {JSON.stringify(answers, null, 2)}
    </pre>
  );
}
