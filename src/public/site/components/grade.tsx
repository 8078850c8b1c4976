/** A grade as a coloured tile with its letter; "not assessed" when there is no verified data. */
export function GradeTile({ grade, large = false }: { grade: string | null; large?: boolean }) {
  const size = large ? ' large' : '';
  if (!grade) {
    return <span class={`grade grade-none${size}`}>Not assessed</span>;
  }
  return (
    <span class={`grade grade-${grade}${size}`} aria-label={`Grade ${grade}`}>
      {grade}
    </span>
  );
}
