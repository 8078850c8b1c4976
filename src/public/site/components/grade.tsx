/**
 * A grade as a coloured tile with its letter; "not assessed" when there is no verified data. The word "Grade"
 * is real text, visually hidden, rather than an aria-label on a span: many screen readers ignore a label on an
 * element with no role and would read just "F".
 */
export function GradeTile({ grade, large = false }: { grade: string | null; large?: boolean }) {
  const size = large ? ' large' : '';
  if (!grade) {
    return <span class={`grade grade-none${size}`}>Not assessed</span>;
  }
  return (
    <span class={`grade grade-${grade}${size}`}>
      <span class="visually-hidden">Grade </span>
      {grade}
    </span>
  );
}
