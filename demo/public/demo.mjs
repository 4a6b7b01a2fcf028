// The demo page's script: configures feelback as a site would, drives the
// theming playground and writes the live log. Everything from events is shown
// with textContent, never parsed as HTML.
import { configure } from '/feelback.min.js';

const ENDPOINT = new URL('/api/feedback', location.href).href;
const FEELBACK_EVENTS = ['feelback-change', 'feelback-submit', 'feelback-sent', 'feelback-error', 'feelback-show', 'feelback-dismiss'];
const TAGS = ['feelback-rating-bar', 'feelback-feeling-prompt', 'feelback-callback-request', 'feelback-launcher'];
const LOG_LIMIT = 200;

const log = /** @type {HTMLOListElement} */ (document.getElementById('log'));
const themed = /** @type {HTMLElement} */ (document.getElementById('themed'));
const playground = /** @type {HTMLFormElement} */ (document.getElementById('playground'));

/**
 * Adds a line to the live log.
 * @param {'event' | 'response' | 'note'} kind
 * @param {string} title
 * @param {unknown} [detail]
 */
function addLogEntry(kind, title, detail) {
  const item = document.createElement('li');
  item.className = `log-entry log-${kind}`;
  const time = document.createElement('time');
  time.textContent = new Date().toLocaleTimeString();
  const heading = document.createElement('strong');
  heading.textContent = title;
  item.append(time, ' ', heading);
  if (detail !== undefined) {
    const body = document.createElement('pre');
    body.textContent = typeof detail === 'string' ? detail : JSON.stringify(detail, null, 2);
    item.append(body);
  }
  log.prepend(item);
  while (log.children.length > LOG_LIMIT) log.lastElementChild?.remove();
}

/**
 * The transport's request function, wrapped so the log can show what the
 * endpoint answered. (Beacons sent on page hide cannot be observed.)
 * @type {typeof fetch}
 */
async function loggingFetch(input, init) {
  const target = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const path = new URL(target, location.href).pathname;
  try {
    const response = await fetch(input, init);
    const text = await response.clone().text();
    let answer = text;
    try {
      answer = JSON.parse(text);
    } catch {
      // Not JSON: show it as it came.
    }
    addLogEntry('response', `${init?.method ?? 'GET'} ${path} → ${response.status}`, answer);
    return response;
  } catch (error) {
    addLogEntry('response', `${init?.method ?? 'GET'} ${path} → network error`, String(error));
    throw error;
  }
}

function describeTarget(/** @type {EventTarget | null} */ target) {
  if (!(target instanceof Element)) return '?';
  return target.getAttribute('widget-id') ?? target.localName;
}

function watchFeelbackEvents() {
  for (const type of FEELBACK_EVENTS) {
    document.addEventListener(type, (event) => {
      addLogEntry('event', `${type} from ${describeTarget(event.target)}`, /** @type {CustomEvent} */ (event).detail);
    });
  }
}

/** Shows which elements are defined yet: they arrive as their issues land. */
async function reportLibraryStatus() {
  const status = /** @type {HTMLElement} */ (document.getElementById('library-status'));
  const defined = TAGS.filter((tag) => customElements.get(tag));
  const missing = TAGS.filter((tag) => !customElements.get(tag));
  status.textContent = missing.length
    ? `Loaded. Defined: ${defined.join(', ') || 'none yet'}. Not in this build yet: ${missing.join(', ')}.`
    : `Loaded /feelback.min.js; every element is defined. Answers go to ${ENDPOINT}.`;
  status.dataset.state = missing.length ? 'partial' : 'ready';
}

function feelbackElements() {
  return themed.querySelectorAll(TAGS.join(','));
}

/** Applies the playground's controls to the container (and `theme` to each element). */
function applyPlayground() {
  const data = new FormData(playground);
  const theme = String(data.get('theme') ?? '');
  const radius = `${Number(data.get('radius') ?? 8)}px`;
  const locale = String(data.get('locale') ?? 'en');
  themed.style.setProperty('--feelback-accent', String(data.get('accent') ?? '#b45309'));
  themed.style.setProperty('--feelback-radius', radius);
  themed.lang = locale;
  themed.dir = data.get('rtl') ? 'rtl' : 'ltr';
  themed.dataset.theme = theme || 'auto';
  for (const element of feelbackElements()) {
    if (theme) element.setAttribute('theme', theme);
    else element.removeAttribute('theme');
  }
  const output = /** @type {HTMLOutputElement} */ (playground.elements.namedItem('radiusValue'));
  output.value = radius;
}

function watchPlayground() {
  playground.addEventListener('input', applyPlayground);
  playground.addEventListener('change', (event) => {
    const control = /** @type {HTMLSelectElement} */ (event.target);
    // Picking a right-to-left language turns right-to-left on; the box can still override it.
    if (control.name === 'locale') {
      const rtl = /** @type {HTMLInputElement} */ (playground.elements.namedItem('rtl'));
      rtl.checked = ['ar', 'he', 'fa', 'ur'].includes(control.value);
    }
    applyPlayground();
  });
  // `reset` fires before the controls change back.
  playground.addEventListener('reset', () => setTimeout(applyPlayground));
  playground.addEventListener('submit', (event) => event.preventDefault());
  applyPlayground();
}

/** Shows the collector's validation: a batch with a rating out of range. */
async function sendInvalidBatch() {
  const body = {
    v: 1,
    sentAt: new Date().toISOString(),
    events: [
      {
        id: crypto.randomUUID(),
        type: 'rating',
        widget: 'demo-invalid',
        createdAt: new Date().toISOString(),
        rating: { scale: 'stars', value: 9, min: 1, max: 5 },
        context: { url: location.href, referrer: '', locale: 'en', viewport: { width: 0, height: 0 }, sessionId: 'demo' },
      },
    ],
  };
  await loggingFetch(ENDPOINT, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).catch(
    () => {},
  );
}

/** The launcher section: a button per display mode, a delay to arm, and a reset. */
function watchLaunchers() {
  const launcher = (id) => /** @type {any} */ (document.querySelector(`feelback-launcher[launcher-id="${id}"]`));
  for (const button of document.querySelectorAll('[data-show]')) {
    button.addEventListener('click', async () => {
      const opened = await launcher(/** @type {HTMLElement} */ (button).dataset.show)?.show();
      if (opened === false) addLogEntry('note', 'The launcher stayed closed: another is open, or this visitor answered or dismissed it recently (reset to try again).');
    });
  }
  document.getElementById('arm-delay')?.addEventListener('click', () => {
    const delayed = launcher('demo-launcher-delay');
    delayed?.removeAttribute('manual');
    delayed?.setAttribute('delay', '3');
    addLogEntry('note', 'Armed: the popover opens in 3 seconds unless a route change or another launcher gets in the way.');
  });
  document.getElementById('reset-launchers')?.addEventListener('click', () => {
    for (const element of document.querySelectorAll('feelback-launcher')) /** @type {any} */ (element).reset();
    addLogEntry('note', 'Launcher state forgotten: every launcher may ask again.');
  });
}

configure({ endpoint: ENDPOINT, metadata: { demo: true }, launcher: { recontactDays: 0 }, transport: { fetch: loggingFetch, flushIntervalMs: 200 } });
watchLaunchers();
watchFeelbackEvents();
watchPlayground();
reportLibraryStatus();
document.getElementById('send-bad')?.addEventListener('click', sendInvalidBatch);
document.getElementById('clear-log')?.addEventListener('click', () => log.replaceChildren());
addLogEntry('note', `configure({ endpoint: "${ENDPOINT}" })`);
