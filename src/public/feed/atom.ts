/** Escapes text for XML content and attribute values (the five predefined entities). */
export function xmlText(value: string): string {
  return (
    value
      // Characters XML 1.0 forbids outright (a stray control character would make the whole feed invalid).
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

export interface AtomEntry {
  id: string;
  title: string;
  link: string;
  /** The day the change took effect. */
  published: string;
  /** When it changed here (verified, or took effect for imported rows). */
  updated: string;
  summary: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  selfLink: string;
  siteLink: string;
  updated: string;
  entries: AtomEntry[];
}

/** An Atom 1.0 document (RFC 4287); every text is escaped, summaries are plain text. */
export function renderAtom(feed: AtomFeed): string {
  const entries = feed.entries
    .map(
      (entry) => `  <entry>
    <id>${xmlText(entry.id)}</id>
    <title type="text">${xmlText(entry.title)}</title>
    <link rel="alternate" type="text/html" href="${xmlText(entry.link)}"/>
    <published>${entry.published}</published>
    <updated>${entry.updated}</updated>
    <summary type="text">${xmlText(entry.summary)}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xmlText(feed.id)}</id>
  <title type="text">${xmlText(feed.title)}</title>
  <link rel="self" type="application/atom+xml" href="${xmlText(feed.selfLink)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(feed.siteLink)}"/>
  <updated>${feed.updated}</updated>
  <author><name>Pledgewatch</name></author>
${entries}
</feed>
`;
}
