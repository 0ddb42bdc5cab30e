/** The page's declared canonical URL, which the background uses only when it is on the same site. */
export function declaredCanonical(): { canonical?: string } {
  const href = document.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]')?.href;
  return href ? { canonical: href } : {};
}
