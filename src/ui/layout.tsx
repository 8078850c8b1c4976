import type { ComponentChildren } from 'preact';

export interface Viewer {
  email: string;
  role: 'researcher' | 'reviewer' | 'admin';
}

export interface OpenGraph {
  title: string;
  description: string;
  url?: string;
  image?: string;
}

export interface LayoutProps {
  title: string;
  description?: string;
  viewer?: Viewer;
  /** The CSRF token of the viewer's session, for the sign-out form and any other form on the page. */
  csrfToken?: string;
  openGraph?: OpenGraph;
  /** The page's absolute address under PUBLIC_URL, for search engines and link previews. */
  canonicalUrl?: string;
  /** Scripts that only enhance the page; everything works without them. */
  scripts?: string[];
  children: ComponentChildren;
}

/** The frame of every page: skip link, header with who you are, navigation, main content, footer. */
export function Layout({
  title,
  description,
  viewer,
  csrfToken,
  openGraph,
  canonicalUrl,
  scripts = [],
  children,
}: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Pledgewatch`}</title>
        {description && <meta name="description" content={description} />}
        {canonicalUrl && <link rel="canonical" href={canonicalUrl} />}
        {openGraph && <OpenGraphTags {...openGraph} />}
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="alternate" type="application/atom+xml" title="Verified changes" href="/feed.atom" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <a class="site-name" href="/">
            Pledgewatch
          </a>
          <nav aria-label="Main">
            <ul>
              <li>
                <a href="/brands">Brands</a>
              </li>
              <li>
                <a href="/methodology">Methodology</a>
              </li>
              {viewer && (
                <li>
                  <a href="/research">Research</a>
                </li>
              )}
              {viewer && viewer.role !== 'researcher' && (
                <li>
                  <a href="/review">Review</a>
                </li>
              )}
              {viewer?.role === 'admin' && (
                <li>
                  <a href="/admin">Admin</a>
                </li>
              )}
            </ul>
          </nav>
          <div class="viewer">
            {viewer ? (
              <form method="post" action="/logout">
                <span>
                  Signed in as <strong>{viewer.email}</strong> ({viewer.role})
                </span>{' '}
                <input type="hidden" name="_csrf" value={csrfToken ?? ''} />
                <button type="submit" class="link-button">
                  Sign out
                </button>
              </form>
            ) : (
              <a href="/login">Sign in</a>
            )}
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>
            Pledgewatch is open source. Grades follow the published <a href="/methodology">methodology</a>;
            every point links to the verified records and archived evidence behind it.
          </p>
        </footer>
        {scripts.map((src) => (
          <script src={src} defer />
        ))}
      </body>
    </html>
  );
}

function OpenGraphTags({ title, description, url, image }: OpenGraph) {
  return (
    <>
      <meta property="og:type" content="website" />
      <meta property="og:site_name" content="Pledgewatch" />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      {url && <meta property="og:url" content={url} />}
      {image && <meta property="og:image" content={image} />}
      <meta name="twitter:card" content="summary" />
    </>
  );
}
