// The inbox page: answers that need a person, from GET /api/inbox, and status changes
// posted back with the session's CSRF token. Every visitor-typed string goes in as text.

const itemsList = /** @type {HTMLOListElement} */ (document.getElementById('items'));
const summary = /** @type {HTMLElement} */ (document.getElementById('summary'));
const filters = /** @type {HTMLFormElement} */ (document.getElementById('filters'));
const widgetSelect = /** @type {HTMLSelectElement} */ (filters.elements.namedItem('widget'));

const STATUS_NAMES = { open: 'Open', contacted: 'Contacted', resolved: 'Resolved' };
const WINDOW_NAMES = { asap: 'as soon as possible', morning: 'in the morning', afternoon: 'in the afternoon', evening: 'in the evening' };
const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const ownZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** @type {Promise<string>} */
let csrfToken;

/**
 * @param {string} tag
 * @param {Record<string, string>} [attributes]
 * @param {(Node | string)[]} [children]
 */
function el(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** @param {number} ms */
function duration(ms) {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = minutes / 60;
  return hours < 48 ? `${hours.toFixed(1)} h` : `${(hours / 24).toFixed(1)} days`;
}

/** @param {any} item */
function headline(item) {
  const { event } = item;
  if (event.callback) return `${event.callback.name} asks for a call back`;
  if (event.feeling) return `A visitor felt ${event.feeling.id}`;
  if (event.rating) return `A visitor scored ${event.rating.value} of ${event.rating.max}`;
  return item.reason;
}

/** The promise in the owner's time, with the visitor's zone beside it. @param {any} promise */
function promiseText(promise) {
  const name = WINDOW_NAMES[/** @type {keyof typeof WINDOW_NAMES} */ (promise.window)] ?? promise.window;
  const by = new Date(promise.by);
  if (!promise.from) return `${name}: by ${time.format(by)} your time`;
  return `${name} (${promise.timeZone}): ${time.format(new Date(promise.from))}–${clock.format(by)} your time (${ownZone})`;
}

/** @param {any} item */
function isOverdue(item) {
  return item.status === 'open' && item.promise && Date.now() > Date.parse(item.promise.by);
}

/** @param {any} item */
function renderItem(item) {
  const { event } = item;
  const titleId = `title-${item.id}`;
  const badges = [el('span', { class: `badge ${item.status}` }, [STATUS_NAMES[/** @type {keyof typeof STATUS_NAMES} */ (item.status)] ?? item.status])];
  if (isOverdue(item)) badges.push(el('span', { class: 'badge overdue' }, ['Past the promised time']));
  const facts = [
    ['Why', item.reason],
    ['Received', time.format(new Date(item.receivedAt))],
  ];
  if (event.callback) {
    facts.push(['Phone', el('a', { href: `tel:${event.callback.phone}` }, [event.callback.phone])]);
    if (item.promise) facts.push(['Promised', promiseText(item.promise)]);
    if (event.callback.topic) facts.push(['Topic', event.callback.topic]);
  }
  const feeling = item.repliesTo?.feeling ?? event.feeling;
  if (feeling) facts.push(['Feeling', `${feeling.id} (${feeling.score})`]);
  if (event.rating) facts.push(['Score', `${event.rating.value} (${event.rating.scale}, ${event.rating.min}–${event.rating.max})`]);
  if (item.comment) facts.push(['Comment', item.comment]);
  facts.push(['Page', event.context.url]);
  const vitals = Object.entries(event.context.vitals ?? {}).map(([name, vital]) => `${name} ${/** @type {any} */ (vital).rating}`);
  if (vitals.length) facts.push(['Web Vitals', vitals.join(', ')]);
  facts.push(['Widget', item.widget]);
  if (item.firstContactAt) facts.push(['First contact', `${duration(Date.parse(item.firstContactAt) - Date.parse(item.receivedAt))} after the answer`]);
  const alertState =
    item.alert.status === 'sent' ? 'sent' : item.alert.status === 'failed' ? `failed: ${item.alert.error}` : item.alert.status === 'merged' ? 'sent with the call back request that followed' : item.alert.error ? `retrying (${item.alert.error})` : 'waiting to be sent';
  facts.push(['Alert', alertState]);

  const statusSelect = el(
    'select',
    { name: 'status' },
    Object.entries(STATUS_NAMES).map(([value, label]) => {
      const option = el('option', { value }, [label]);
      if (value === item.status) option.setAttribute('selected', '');
      return option;
    }),
  );
  const note = /** @type {HTMLTextAreaElement} */ (el('textarea', { name: 'note', maxlength: '2000' }));
  note.value = item.note;
  const saved = el('span', { role: 'status' });
  const form = el('form', { 'aria-label': `Follow-up for ${headline(item)}` }, [
    el('label', {}, ['Status', statusSelect]),
    el('label', {}, ['Note', note]),
    el('div', { class: 'actions' }, [el('button', { type: 'submit' }, ['Save']), saved]),
  ]);
  form.addEventListener('submit', (submit) => {
    submit.preventDefault();
    void save(item.id, /** @type {HTMLSelectElement} */ (statusSelect).value, note.value, saved);
  });

  const history = el(
    'ul',
    { class: 'history', 'aria-label': 'Changes' },
    item.history.map((/** @type {any} */ change) =>
      el('li', {}, [`${time.format(new Date(change.at))}: ${change.by} moved it from ${change.from} to ${change.to}${change.note ? ` (note: ${change.note})` : ''}`]),
    ),
  );
  return el('li', { class: 'inbox-item', id: `item-${item.id}` }, [
    el('article', { 'aria-labelledby': titleId }, [
      el('h2', { id: titleId }, [headline(item), ...badges]),
      el('dl', {}, facts.flatMap(([term, value]) => [el('dt', {}, [term]), el('dd', {}, [value])])),
      form,
      ...(item.history.length ? [history] : []),
    ]),
  ]);
}

/**
 * @param {string} id @param {string} status @param {string} note @param {HTMLElement} saved
 */
async function save(id, status, note, saved) {
  saved.textContent = 'Saving…';
  try {
    const response = await fetch('/api/inbox', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': await csrfToken },
      body: JSON.stringify({ id, status, note }),
    });
    if (!response.ok) throw new Error((await response.json().catch(() => ({}))).error ?? `HTTP ${response.status}`);
    saved.textContent = 'Saved.';
    await load();
    document.getElementById(`item-${id}`)?.querySelector('button')?.focus();
  } catch (error) {
    saved.textContent = `Not saved: ${/** @type {Error} */ (error).message}. Your note is still here; try again.`;
  }
}

async function load() {
  const query = new URLSearchParams();
  const status = /** @type {HTMLSelectElement} */ (filters.elements.namedItem('status')).value;
  if (status) query.set('status', status);
  if (widgetSelect.value) query.set('widget', widgetSelect.value);
  const response = await fetch(`/api/inbox?${query}`);
  if (response.status === 401) {
    location.assign(`/signin?next=${encodeURIComponent('/inbox')}`);
    return;
  }
  if (!response.ok) {
    summary.textContent = `Could not load the inbox (HTTP ${response.status}).`;
    return;
  }
  const { items, widgets, stats } = await response.json();
  const chosen = widgetSelect.value;
  widgetSelect.replaceChildren(el('option', { value: '' }, ['All widgets']), ...widgets.map((/** @type {string} */ widget) => el('option', { value: widget }, [widget])));
  widgetSelect.value = chosen;
  itemsList.replaceChildren(...items.map(renderItem));
  const overdue = items.filter(isOverdue).length;
  const median = stats.medianMs === null ? 'no contact yet' : `median time to first contact ${duration(stats.medianMs)}`;
  summary.textContent = `${items.length} shown · ${stats.open} open${overdue ? ` · ${overdue} past the promised time` : ''} · ${median}.`;
}

csrfToken = fetch('/api/session')
  .then((response) => (response.ok ? response.json() : {}))
  .then((session) => session.csrfToken ?? '');
filters.addEventListener('submit', (submit) => {
  submit.preventDefault();
  void load();
});
void load();
