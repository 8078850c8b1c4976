export interface SectorCount {
  sector: string;
  total: number;
  committed: number;
}

/**
 * How many brands per sector have a verified commitment in force: one bar per sector, drawn as SVG (no
 * script, no stylesheet needed for the proportions), with the numbers in the text beside it for everyone.
 */
export function SectorBars({ sectors }: { sectors: SectorCount[] }) {
  return (
    <figure class="sector-bars">
      <figcaption>Brands with a verified commitment in force, by sector</figcaption>
      <ul class="bars">
        {sectors.map(({ sector, total, committed }) => {
          const share = total ? Math.round((committed / total) * 100) : 0;
          return (
            <li class="bar">
              <a href={`/brands?sector=${encodeURIComponent(sector)}`}>{sectorName(sector)}</a>
              <svg class="track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                <rect class="fill" x="0" y="0" width={share} height="10" />
              </svg>
              <span class="bar-figure">
                {committed} of {total} ({share}%)
              </span>
              <a class="bar-gap" href={`/brands?sector=${encodeURIComponent(sector)}&commitment=none`}>
                {total - committed} not committed
              </a>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}

export function sectorName(sector: string): string {
  const words = sector.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
