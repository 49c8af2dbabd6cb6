import type { ListContent } from '../content.js';
import { esc, head, numericDate, type PageModel, renderBlocks, shareLinks } from './markup.js';

const font = '<FONT FACE="Verdana, Arial, Helvetica" SIZE="2">';

/** A hand-made HTML 4 site from 2009: table layout, `<FONT>`, "- " lines split by `<BR>`. */
export function renderContent(m: PageModel): string {
  const dashes = (list: ListContent) =>
    `<P>${font}${list.intro ? `<B>${m.md(list.intro)}</B><BR>\n` : ''}${list.items.map((i) => `- ${m.md(i.text)}<BR>`).join('\n')}\n</FONT></P>`;
  return renderBlocks(m, {
    list: dashes,
    p: (html) => `<P>${font}${html.replaceAll('<a href=', '<A HREF=').replaceAll('</a>', '</A>')}</FONT></P>`,
  });
}

export function renderPage(m: PageModel): string {
  const p = m.post;
  const byline = [
    p.published ? `Stand: ${numericDate(p.published)}` : '',
    p.author ? `Text: ${esc(p.author)}` : '',
  ]
    .filter(Boolean)
    .join(' &middot; ');
  const share = shareLinks(m)
    .filter((s) => s.key === 'email' || s.key === 'facebook')
    .map((s) => `<A HREF="${esc(s.url)}">${s.key === 'email' ? 'per E-Mail' : 'bei Facebook'}</A>`)
    .join(' | ');
  return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<HTML lang="de">
<HEAD>
${head(m, {
  titleHtml: esc(p.title),
  siteSuffix: ` - ${esc(m.blog.name)}`,
  charsetMeta: '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1252">',
  extra: `${p.author ? `<META NAME="author" CONTENT="${esc(p.author)}">\n` : ''}<META NAME="keywords" CONTENT="Physiotherapie, Krankengymnastik, Manuelle Therapie, Kassel">\n<META NAME="generator" CONTENT="Microsoft FrontPage 6.0">`,
})}
<LINK REL="stylesheet" TYPE="text/css" HREF="${esc(m.blog.home)}format.css">
</HEAD>
<BODY BGCOLOR="#FFFFFF" TEXT="#333333" LINK="#006633" VLINK="#336633" LEFTMARGIN="0" TOPMARGIN="0">
<TABLE WIDTH="800" BORDER="0" CELLPADDING="0" CELLSPACING="0" ALIGN="center">
<TR><TD COLSPAN="2" BGCOLOR="#E8F0E0"><A HREF="${esc(m.blog.home)}"><IMG SRC="${esc(m.blog.home)}bilder/logo.png" WIDTH="800" HEIGHT="120" BORDER="0" ALT="${esc(m.blog.name)}"></A></TD></TR>
<TR>
<TD WIDTH="180" VALIGN="top" BGCOLOR="#F4F8F0" CLASS="navi">${font}
<BR>
${m.blog.menu.map((l) => `&raquo; <A HREF="${esc(l.url)}">${esc(l.text)}</A><BR>`).join('\n')}
<BR><BR>
<B>Neu bei uns:</B>
<UL>
${m.recent.map((r) => `<LI><A HREF="${esc(r.url)}">${esc(r.text)}</A></LI>`).join('\n')}
</UL>
<B>Sprechzeiten:</B><BR>
Mo&ndash;Fr 7:30&ndash;19:00 Uhr<BR>
Tel. 0561 / 12 34 56<BR>
</FONT></TD>
<TD WIDTH="620" VALIGN="top" CLASS="inhalt">
<H1><FONT FACE="Verdana, Arial, Helvetica" COLOR="#006633">${esc(p.title)}</FONT></H1>
<P CLASS="datum">${font}<I>${byline}</I></FONT></P>
${renderContent(m)}
<P>${font}Diese Seite weiterempfehlen: ${share}</FONT></P>
<P ALIGN="right">${font}<A HREF="#top">nach oben</A></FONT></P>
</TD>
</TR>
<TR><TD COLSPAN="2" BGCOLOR="#E8F0E0" ALIGN="center" CLASS="fuss">${font}&copy; 2009&ndash;${m.now.getUTCFullYear()} ${esc(m.blog.name)} &middot; ${m.blog.footer.map((l) => `<A HREF="${esc(l.url)}">${esc(l.text)}</A>`).join(' &middot; ')} &middot; Sie sind Besucher Nr. 48213</FONT></TD></TR>
</TABLE>
</BODY>
</HTML>
`;
}
