interface AcceptEntry {
  type: string;
  q: number;
}

function parseAccept(header: string): AcceptEntry[] {
  return header.split(',').flatMap((part) => {
    const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!type) return [];
    const q = params.find((p) => p.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    return Number.isFinite(quality) ? [{ type, q: Math.min(Math.max(quality, 0), 1) }] : [];
  });
}

/** The quality `Accept` gives a media type: that of its most specific matching entry (RFC 9110 §12.5.1). */
function qualityOf(mediaType: string, entries: AcceptEntry[]): number {
  const [main] = mediaType.split('/');
  const exact = entries.find((e) => e.type === mediaType);
  const range = entries.find((e) => e.type === `${main}/*`);
  const any = entries.find((e) => e.type === '*/*');
  return (exact ?? range ?? any)?.q ?? 0;
}

/**
 * Chooses the response media type among those documented. The highest
 * quality wins; at equal quality the request's own media type, then the
 * description's order. No `Accept` counts as `*\/*`. When `Accept` allows
 * none of them, the first documented one is sent rather than a 406, as
 * ASP.NET Web API and most login services do.
 */
export function negotiateMediaType(acceptHeader: string | undefined, offered: readonly string[], requestMediaType?: string): string {
  const preference = requestMediaType && offered.includes(requestMediaType) ? [requestMediaType, ...offered.filter((t) => t !== requestMediaType)] : [...offered];
  const entries = parseAccept(acceptHeader?.trim() ? acceptHeader : '*/*');
  let best: string | undefined;
  let bestQuality = 0;
  for (const candidate of preference) {
    const quality = qualityOf(candidate, entries);
    if (quality > bestQuality) [best, bestQuality] = [candidate, quality];
  }
  return best ?? (offered[0] as string);
}
