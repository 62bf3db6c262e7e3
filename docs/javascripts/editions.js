// The hreflang links in the head name this page in the other editions. Material reads every
// <link rel="alternate"> as the root of another language's site and fetches sitemap.xml beside it, which
// exists only at an edition's root. Before Material looks (at DOMContentLoaded), take these links out of
// its view; crawlers read them from the HTML as it was sent, and sitemap.xml lists the same alternates.
document.querySelectorAll("link[data-edition-alternate]").forEach(function (link) {
  link.setAttribute("data-rel", link.getAttribute("rel"));
  link.removeAttribute("rel");
});
