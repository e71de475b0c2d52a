// Entry point: fonts, styles and a small History-API router.
//
// The server answers index.html for every non-/api path, so each page has a
// real URL (/stories/12, /articles/40#s=120-180, /search?q=...) that can be
// bookmarked and shared. Internal links carry data-nav and are handled here
// without reloading; a render that finishes after the user has moved on is
// dropped (the `current` token).

// Each weight's CSS declares the Arabic and Latin subsets with unicode-range,
// so the browser fetches only the files a page needs.
import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/600.css';
import './styles.css';

import { errorBox, h, replace } from './dom';
import { S, currentLanguage, setLanguage } from './strings';
import { storiesPage, threadPage } from './pages/stories';
import { storyPage } from './pages/story';
import { articlePage } from './pages/article';
import { searchPage } from './pages/search';
import { entitiesPage, entityPage } from './pages/entities';
import { alertsPage } from './pages/alerts';
import { outletPage } from './pages/outlet';

export interface RouteContext {
  params: string[];
  query: URLSearchParams;
  hash: string;
  /** True once the user has navigated elsewhere; pages stop work then. */
  stale(): boolean;
}

type PageFn = (ctx: RouteContext) => Promise<Node>;

const routes: [RegExp, string, PageFn][] = [
  [/^\/$/, 'stories', storiesPage],
  [/^\/stories\/(\d+)$/, 'stories', storyPage],
  [/^\/threads\/(\d+)$/, 'stories', threadPage],
  [/^\/articles\/(\d+)$/, 'stories', articlePage],
  [/^\/search$/, 'search', searchPage],
  [/^\/entities$/, 'entities', entitiesPage],
  [/^\/entities\/([^/]+)$/, 'entities', entityPage],
  [/^\/alerts$/, 'alerts', alertsPage],
  [/^\/outlets\/([^/]+)$/, 'stories', outletPage],
  [/^\/map$/, 'map', async (ctx) => (await import('./pages/map')).mapPage(ctx)],
];

/** The page's frame (brand, sections, quick search) in the strings table's words. */
function labelChrome(): void {
  const c = S.chrome;
  document.documentElement.lang = currentLanguage();
  document.documentElement.dir = S.dir;
  document.title = c.brand;
  const brand = document.querySelector('.brand');
  if (brand) brand.textContent = c.brand;
  document.querySelector('.mainnav')?.setAttribute('aria-label', c.sections);
  const names: Record<string, string> = {
    stories: c.stories, search: c.search, entities: c.entities, map: c.map, alerts: c.alerts,
  };
  for (const a of document.querySelectorAll<HTMLAnchorElement>('.mainnav a')) {
    a.textContent = names[a.dataset.section ?? ''] ?? '';
  }
  const quick = document.querySelector<HTMLInputElement>('.quicksearch input');
  quick?.setAttribute('placeholder', c.quickSearch);
  quick?.setAttribute('aria-label', c.quickSearchLabel);
  const other = currentLanguage() === 'ar' ? 'en' : 'ar';
  const toggle = document.querySelector<HTMLButtonElement>('.langswitch');
  if (toggle) {
    toggle.textContent = c.otherLanguage;
    toggle.lang = other;
    toggle.dataset.lang = other;
    toggle.setAttribute('aria-label', c.switchLanguage);
  }
}

labelChrome();
const app = document.getElementById('app') as HTMLElement;
let current = 0;

async function render(): Promise<void> {
  const token = ++current;
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const query = new URLSearchParams(location.search);
  const ctx: RouteContext = {
    params: [], query, hash: location.hash.slice(1), stale: () => token !== current,
  };
  let page: PageFn | null = null;
  let section = '';
  for (const [re, sec, fn] of routes) {
    const m = re.exec(path);
    if (m) { ctx.params = m.slice(1).map(decodeURIComponent); page = fn; section = sec; break; }
  }
  for (const a of document.querySelectorAll<HTMLAnchorElement>('.mainnav a')) {
    a.classList.toggle('active', a.dataset.section === section);
  }
  const quick = document.querySelector<HTMLInputElement>('.quicksearch input');
  if (quick && section !== 'search') quick.value = '';
  app.setAttribute('aria-busy', 'true');
  let node: Node;
  try {
    node = page ? await page(ctx) : h('div', { class: 'error' }, S.notFound);
  } catch (err) {
    node = errorBox(err);
  }
  if (token !== current) return;
  replace(app, node);
  app.removeAttribute('aria-busy');
  document.dispatchEvent(new CustomEvent('marsad:rendered'));
}

/** Navigates to an internal URL without reloading the page. */
export function navigate(url: string, replaceState = false): void {
  if (replaceState) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  void render().then(() => { if (!location.hash) window.scrollTo(0, 0); });
}

document.addEventListener('click', (ev) => {
  if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
  // HTML and SVG links alike (the charts' bars and dots are SVG <a>).
  const a = (ev.target as Element | null)?.closest?.('a[data-nav]');
  if (!a) return;
  const url = new URL(a.getAttribute('href') ?? '', location.href);
  if (url.origin !== location.origin) return;
  ev.preventDefault();
  navigate(url.pathname + url.search + url.hash);
});

document.querySelector('.quicksearch')?.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const q = (ev.currentTarget as HTMLFormElement).querySelector('input')?.value.trim() ?? '';
  navigate('/search' + (q ? `?q=${encodeURIComponent(q)}` : ''));
});

// The language switch: Arabic <-> English, kept in localStorage; the frame is
// relabelled and the current page rendered again from the other table.
document.querySelector('.langswitch')?.addEventListener('click', () => {
  setLanguage(currentLanguage() === 'ar' ? 'en' : 'ar');
  labelChrome();
  void render();
});

window.addEventListener('popstate', () => void render());
void render();
