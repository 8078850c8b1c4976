import type { Significance } from '../../scrapers';

export interface Judged {
  id: string;
  label: Significance;
  got: Significance;
}

export interface SuiteMetrics {
  cases: number;
  exact: number;
  /** Share of labelled majors judged major. */
  majorRecall: number;
  /** Share of pairs judged major that were labelled major. */
  majorPrecision: number;
  /** Share of labelled `none` pairs that would reach a reviewer (judged minor or major). */
  noiseToReviewer: number;
}

function share(part: number, whole: number): number {
  return whole === 0 ? 1 : Math.round((part / whole) * 1000) / 1000;
}

/** The figures issue 16 asks for: majors found and noise reaching a reviewer. */
export function suiteMetrics(judged: readonly Judged[]): SuiteMetrics {
  const majors = judged.filter((pair) => pair.label === 'major');
  const judgedMajor = judged.filter((pair) => pair.got === 'major');
  const noise = judged.filter((pair) => pair.label === 'none');
  return {
    cases: judged.length,
    exact: judged.filter((pair) => pair.got === pair.label).length,
    majorRecall: share(majors.filter((pair) => pair.got === 'major').length, majors.length),
    majorPrecision: share(judgedMajor.filter((pair) => pair.label === 'major').length, judgedMajor.length),
    noiseToReviewer: share(noise.filter((pair) => pair.got !== 'none').length, noise.length),
  };
}

export function describeMetrics(name: string, metrics: SuiteMetrics): string {
  return (
    `${name}: ${metrics.exact}/${metrics.cases} exact, majors found ${metrics.majorRecall}, ` +
    `major precision ${metrics.majorPrecision}, noise reaching a reviewer ${metrics.noiseToReviewer}`
  );
}
