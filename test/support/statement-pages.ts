/** Pages of a fictional brand's site for the monitoring tests; every argument is something that changes. */
export interface PolicyPageOptions {
  statement?: string;
  updated?: string;
  /** A per-request token printed on the page (a session id, a CSRF token). */
  token?: string;
  cookieBanner?: boolean;
  tiles?: string[];
}

export const NO_REGION_SOURCING =
  'We do not source cotton, yarn or fabric from the Xinjiang Uyghur Autonomous Region, and we require all suppliers to exit any business there by the end of 2025.';
export const REGION_SOURCING_HEDGED =
  'We aim to reduce sourcing of cotton, yarn or fabric from the Xinjiang Uyghur Autonomous Region where possible.';

export function policyPage(options: PolicyPageOptions = {}): string {
  const tiles = (options.tiles ?? ['Linen shirt €39.95', 'Denim jacket €79.95'])
    .map((tile) => `<div class="productTile"><a href="/p">${tile}</a></div>`)
    .join('');
  const banner = options.cookieBanner
    ? '<div id="CybotCookiebotDialog" class="CybotEdge"><div>This website uses cookies to improve your experience.</div><a href="#">Accept all</a></div>'
    : '';
  return `<!DOCTYPE html><html lang="en"><head><title>Responsible sourcing | Northwind</title></head><body>
${banner}
<nav><a href="/">Home</a> <a href="/women">Women</a> <a href="/men">Men</a></nav>
<main>
<h1>Responsible sourcing</h1>
<p>Last updated ${options.updated ?? '3 March 2024'}</p>
<p>Northwind Outfitters sells clothing made by 214 suppliers in 11 countries.</p>
<h2>Uyghur Region</h2>
<p>${options.statement ?? NO_REGION_SOURCING}</p>
<p>Northwind Outfitters joined the Call to Action to End Forced Labour in the Uyghur Region in 2021.</p>
<h2>Traceability</h2>
<p>Every season we test a sample of garments with isotope analysis to verify the origin of the cotton.</p>
<p>Our supplier list, including spinning mills, is published twice a year.</p>
<p class="ref">Page reference ${options.token ?? 'a9f8e7d6c5b4a3f2e1d0'}</p>
</main>
<aside><div class="product-grid">${tiles}</div></aside>
<footer>&copy; 2019&ndash;2024 Northwind</footer>
</body></html>`;
}

/** A page whose text is written by a script: plain HTTP sees an empty shell. */
export function scriptedPage(statement: string): string {
  return `<!DOCTYPE html><html lang="en"><head><title>Our commitments</title></head><body><main id="app"></main>
<script>
  const paragraphs = ['Our commitments', ${JSON.stringify(statement)},
    'We publish our supplier list, including spinning mills, twice a year.'];
  document.getElementById('app').innerHTML = paragraphs.map((text) => '<p>' + text + '</p>').join('');
</script></body></html>`;
}

export function notFoundPage(): string {
  return '<!DOCTYPE html><html><head><title>Page not found</title></head><body><h1>Page not found</h1><p>Sorry, we could not find that page.</p></body></html>';
}
