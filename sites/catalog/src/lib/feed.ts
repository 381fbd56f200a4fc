/**
 * The RSS feed of newly certified products, newest certificate first, one per language.
 */
import rss from '@astrojs/rss';
import { siteData } from './catalog.js';
import { loadSettings } from './config.js';
import { categoryName, type Lang, t } from './i18n.js';
import { localized, paths } from './routes.js';

const FEED_SIZE = 50;

export async function newlyCertifiedFeed(lang: Lang): Promise<Response> {
  const { siteUrl } = loadSettings();
  const s = t(lang);
  const { newest } = await siteData();
  return rss({
    title: s.rss.title,
    description: s.rss.description,
    site: `${siteUrl}${localized(lang, paths.home())}`,
    customData: `<language>${lang === 'vi' ? 'vi-VN' : 'en-US'}</language>`,
    items: newest.slice(0, FEED_SIZE).map((p) => ({
      title: `${p.name[lang]} — ${s.starsOcop(p.stars)}`,
      link: `${siteUrl}${localized(lang, paths.product(p.slug))}`,
      // Certificates have a date, not a time: midnight in Vietnam (UTC+7).
      pubDate: new Date(`${p.certificate.issuedOn}T00:00:00+07:00`),
      description: `${s.rss.item(p.stars, categoryName(p.category, lang), (p.district ?? p.region).name[lang])}. ${p.description[lang]}`,
      categories: [categoryName(p.category, lang)],
    })),
  });
}
