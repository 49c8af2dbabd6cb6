/**
 * Sanitized HTML with each image replaced by its alt text: korso's pages load nothing from other
 * sites (a participant's image would tell their server who reads the parade). Works on the output
 * of sanitizeHtml, whose attribute values never hold a raw ">" or quote.
 */
export function withoutImages(html: string): string {
  if (!html.includes('<img')) return html;
  return html.replace(/<img\b[^>]*>/gi, (tag) => {
    const alt = /\balt="([^"]*)"/i.exec(tag)?.[1]?.trim();
    return alt ? `[${alt}]` : '';
  });
}
