// The results page: reads the collector's aggregates (GET /api/results, computed
// by the store with bounded work: no event list comes to the browser) and plots
// them with Chart.js (loaded as /vendor/chart.umd.min.js, which defines `Chart`).
// Text that came from visitors is only ever set with textContent.

/** @typedef {import('../collector/store/index.mjs').ResultsSummary} ResultsSummary */
/** @typedef {ResultsSummary['ratings'][number]} RatingChart */

const Chart = /** @type {any} */ (globalThis).Chart;

const FEELING_ORDER = ['angry', 'frustrated', 'neutral', 'happy', 'delighted'];
const FEELING_COLOURS = {
  angry: '#cf222e',
  frustrated: '#e16f24',
  neutral: '#8c959f',
  happy: '#2da44e',
  delighted: '#1a7f37',
};
const NPS_COLOURS = { detractor: '#cf222e', passive: '#bf8700', promoter: '#1a7f37' };
const VITAL_BUCKET_LABELS = ['Good', 'Needs improvement', 'Poor', 'Not measured'];
const CALLBACK_WINDOWS = { asap: 'As soon as possible', morning: 'Morning', afternoon: 'Afternoon', evening: 'Evening' };
const SCALE_LABELS = {
  thumbs: (/** @type {number} */ value) => (value > 0 ? '👍' : '👎'),
  emoji: (/** @type {number} */ value) => ['😠', '🙁', '😐', '🙂', '😄'][value - 1] ?? String(value),
};

/** @type {any[]} */
let charts = [];

/** @param {string} id */
function byId(id) {
  return /** @type {HTMLElement} */ (document.getElementById(id));
}

/** @param {string} tag @param {string} [text] @param {string} [className] */
function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** @param {string} iso */
function formatTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/**
 * A bucket's label: an hour in the reader's own time, or a day as the collector
 * counts it (UTC days, by when answers arrived).
 * @param {string} iso @param {'day' | 'hour'} bucket
 */
function bucketLabel(iso, bucket) {
  const date = new Date(iso);
  return bucket === 'hour'
    ? date.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** @param {number} value */
function npsGroup(value) {
  if (value <= 6) return 'detractor';
  if (value <= 8) return 'passive';
  return 'promoter';
}

/** Red through green by position on the scale. @param {number} position 0–1 */
function scaleColour(position) {
  const hue = Math.round(position * 120);
  return `hsl(${hue} 60% 45%)`;
}

/** @param {HTMLElement} container @param {string} label */
function chartCanvas(container, label) {
  const box = element('div', undefined, 'chart-box');
  const canvas = /** @type {HTMLCanvasElement} */ (element('canvas'));
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  box.append(canvas);
  container.append(box);
  return canvas;
}

/** @param {HTMLCanvasElement} canvas @param {object} config */
function draw(canvas, config) {
  charts.push(new Chart(canvas, config));
}

/**
 * The scores to draw a bar for: every whole score of the scale when it has at
 * most 101 of them, otherwise only the scores given.
 * @param {RatingChart} chart
 */
function scoresOf(chart) {
  const { min, max, distribution } = chart;
  if (Number.isInteger(min) && Number.isInteger(max) && max - min <= 100 && distribution.every(({ value }) => Number.isInteger(value))) {
    return Array.from({ length: max - min + 1 }, (_, index) => min + index);
  }
  return distribution.map(({ value }) => value);
}

/** @param {RatingChart[]} ratings */
function renderScores(ratings) {
  const container = byId('score-charts');
  container.replaceChildren();
  if (ratings.length === 0) {
    container.append(element('p', 'No ratings yet.', 'empty'));
    return;
  }
  // A widget whose scale changed is plotted once per scale: their values do not mix.
  for (const chart of ratings) {
    const { widget, scale, min, max, answers } = chart;
    const values = scoresOf(chart);
    const countOf = new Map(chart.distribution.map(({ value, count }) => [value, count]));
    const label = SCALE_LABELS[/** @type {keyof typeof SCALE_LABELS} */ (scale)] ?? String;
    const isNps = scale === 'nps';
    const colours = values.map((value) =>
      isNps ? NPS_COLOURS[npsGroup(value)] : scaleColour(max === min ? 1 : (value - min) / (max - min)),
    );

    const figure = element('figure');
    figure.append(element('h3', `${widget} · ${scale} (${answers} answer${answers === 1 ? '' : 's'})`));
    if (isNps) figure.append(element('p', npsSummary(chart.distribution), 'nps-score'));
    container.append(figure);
    const canvas = chartCanvas(figure, `Distribution of ${scale} scores for ${widget}`);
    canvas.dataset.widget = widget;
    draw(canvas, {
      type: 'bar',
      data: {
        labels: values.map(label),
        datasets: [{ label: 'Answers', data: values.map((value) => countOf.get(value) ?? 0), backgroundColor: colours }],
      },
      options: {
        maintainAspectRatio: false,
        maxBarThickness: 48,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  }
}

/** @param {{ value: number, count: number }[]} distribution */
export function npsSummary(distribution) {
  const groups = { detractor: 0, passive: 0, promoter: 0 };
  let total = 0;
  for (const { value, count } of distribution) {
    groups[npsGroup(value)] += count;
    total += count;
  }
  const nps = total ? Math.round(((groups.promoter - groups.detractor) / total) * 100) : 0;
  return `NPS ${nps > 0 ? '+' : ''}${nps}: ${groups.promoter} promoters, ${groups.passive} passives, ${groups.detractor} detractors`;
}

/** @param {ResultsSummary} summary */
function renderFeelings(summary) {
  const { totals, series } = summary.feelings;
  const known = FEELING_ORDER.filter((id) => totals.some((total) => total.id === id));
  const ids = [...known, ...totals.map((total) => total.id).filter((id) => !FEELING_ORDER.includes(id))];
  draw(/** @type {HTMLCanvasElement} */ (byId('feelings-chart')), {
    type: 'bar',
    data: {
      labels: series.map((point) => bucketLabel(point.start, summary.bucket)),
      datasets: ids.map((id) => ({
        label: id,
        data: series.map((point) => point.counts[id] ?? 0),
        backgroundColor: FEELING_COLOURS[/** @type {keyof typeof FEELING_COLOURS} */ (id)] ?? '#6e7781',
      })),
    },
    options: {
      maintainAspectRatio: false,
      maxBarThickness: 64,
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { title: { display: totals.length === 0, text: 'No feelings yet' } },
    },
  });
}

/** @param {ResultsSummary} summary */
function renderVitals(summary) {
  const { LCP, INP } = summary.vitals;
  const answered = LCP.some((row) => row.answers > 0);
  draw(/** @type {HTMLCanvasElement} */ (byId('vitals-chart')), {
    type: 'bar',
    data: {
      labels: VITAL_BUCKET_LABELS,
      datasets: [
        { label: 'by LCP rating', data: LCP.map((row) => row.average), backgroundColor: '#0969da', counts: LCP.map((row) => row.answers) },
        { label: 'by INP rating', data: INP.map((row) => row.average), backgroundColor: '#8250df', counts: INP.map((row) => row.answers) },
      ],
    },
    options: {
      maintainAspectRatio: false,
      maxBarThickness: 64,
      scales: { y: { min: 0, max: 100, title: { display: true, text: 'average satisfaction (0–100)' } } },
      plugins: {
        title: { display: !answered, text: 'No ratings or feelings yet' },
        tooltip: {
          callbacks: {
            afterLabel: (/** @type {any} */ item) => `${item.dataset.counts[item.dataIndex]} answer(s)`,
          },
        },
      },
    },
  });
}

/** @param {ResultsSummary['launchers']} launchers */
function renderLaunchers(launchers) {
  const body = byId('launchers');
  const percent = (/** @type {number} */ share) => `${Math.round(share * 100)}%`;
  body.replaceChildren(
    ...launchers.map((launcher) => {
      const row = element('tr');
      row.append(
        element('td', launcher.id),
        element('td', launcher.widget),
        element('td', String(launcher.visitors)),
        element('td', String(launcher.answered)),
        element('td', String(launcher.dismissed)),
        element('td', percent(launcher.responseRate)),
      );
      return row;
    }),
  );
  if (launchers.length === 0) body.append(emptyRow('No launcher has been shown yet.', 6));
}

/** @param {string} text @param {number} columns */
function emptyRow(text, columns) {
  const cell = element('td', text, 'empty');
  cell.setAttribute('colspan', String(columns));
  const row = element('tr');
  row.append(cell);
  return row;
}

/** @param {ResultsSummary['comments'][number]['answer']} answer */
function describeAnswer(answer) {
  if (!answer) return '';
  if (answer.rating) return `${answer.rating.value} on ${answer.rating.scale} (${answer.rating.min}–${answer.rating.max})`;
  if (answer.feeling) return `felt ${answer.feeling.id}`;
  return answer.type;
}

/** @param {ResultsSummary['comments']} comments */
function renderComments(comments) {
  const list = byId('comments');
  list.replaceChildren(
    ...comments.map((comment) => {
      const item = element('li');
      const answered = describeAnswer(comment.answer);
      const meta = `${comment.widget} · ${formatTime(comment.receivedAt)}${answered ? ` · after ${answered}` : ''}`;
      item.append(element('blockquote', comment.text), element('div', meta, 'meta'));
      return item;
    }),
  );
  if (comments.length === 0) list.append(element('li', 'No comments yet.', 'empty'));
}

/** @param {ResultsSummary['callbacks']} callbacks */
function renderCallbacks(callbacks) {
  const body = byId('callbacks');
  const removed = 'removed (retention)';
  body.replaceChildren(
    ...callbacks.map((callback) => {
      const row = element('tr');
      const window = CALLBACK_WINDOWS[/** @type {keyof typeof CALLBACK_WINDOWS} */ (callback.window)] ?? callback.window;
      row.append(
        element('td', formatTime(callback.receivedAt)),
        element('td', callback.redacted ? removed : callback.name),
        element('td', callback.redacted ? removed : callback.phone),
        element('td', `${window} (${callback.timeZone})`),
        element('td', callback.redacted ? removed : callback.topic || '—'),
      );
      return row;
    }),
  );
  if (callbacks.length === 0) body.append(emptyRow('No callback requests.', 5));
}

/** @param {ResultsSummary} summary */
export function summaryText(summary) {
  const { counts, answers } = summary;
  const parts = ['rating', 'feeling', 'comment', 'callback'].map(
    (type) => `${counts[/** @type {'rating'} */ (type)]} ${type}s`,
  );
  const changed = answers.received - answers.counted;
  const note = changed > 0 ? ` Charts count each visitor's latest answer per widget (${changed} earlier answer(s) left out).` : '';
  const since = new Date(summary.since).toLocaleDateString();
  return `${counts.events} event(s) received since ${since}: ${parts.join(', ')}.${note}`;
}

/**
 * A duration as a person says it: "45 s", "12 min", "3 h 5 min", "2 d 4 h".
 * @param {number} ms
 */
export function durationText(ms) {
  const minutes = Math.round(ms / 60_000);
  if (ms < 60_000) return `${Math.max(0, Math.round(ms / 1000))} s`;
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  const hours = Math.round(minutes / 60);
  return `${Math.floor(hours / 24)} d${hours % 24 ? ` ${hours % 24} h` : ''}`;
}

/**
 * The follow-up line, from `GET /api/inbox/stats`.
 * @param {{ medianMs: number | null, contacted: number, open: number }} stats
 */
export function contactText({ medianMs, contacted, open }) {
  const waiting = `${open} answer${open === 1 ? '' : 's'} still open in the inbox.`;
  if (medianMs === null) return `No upset visitor has been contacted yet; ${waiting}`;
  return `Median time from answer to first contact: ${durationText(medianMs)} (over the last ${contacted} contacted); ${waiting}`;
}

async function renderContact() {
  const line = byId('contact');
  try {
    const response = await fetch('/api/inbox/stats');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    line.textContent = contactText(await response.json());
  } catch (error) {
    line.textContent = `Could not load the follow-up figures: ${error}`;
  }
}

function applyChartTheme() {
  const style = getComputedStyle(document.documentElement);
  Chart.defaults.color = style.getPropertyValue('--page-text').trim() || '#1f2328';
  Chart.defaults.borderColor = style.getPropertyValue('--panel-border').trim() || '#d6d3ce';
  Chart.defaults.animation = matchMedia('(prefers-reduced-motion: reduce)').matches ? false : Chart.defaults.animation;
}

async function refresh() {
  const status = byId('summary');
  /** @type {ResultsSummary} */
  let summary;
  try {
    const response = await fetch('/api/results');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    summary = await response.json();
  } catch (error) {
    status.textContent = `Could not load results: ${error}`;
    return;
  }
  for (const chart of charts) chart.destroy();
  charts = [];
  renderScores(summary.ratings);
  renderFeelings(summary);
  renderVitals(summary);
  renderLaunchers(summary.launchers);
  renderComments(summary.comments);
  renderCallbacks(summary.callbacks);
  await renderContact();
  status.textContent = `${summaryText(summary)} Updated ${new Date().toLocaleTimeString()}.`;
  document.body.dataset.loaded = 'true';
}

if (!Chart) {
  byId('summary').textContent = 'Chart.js did not load from /vendor/chart.umd.min.js.';
} else {
  applyChartTheme();
  byId('refresh').addEventListener('click', refresh);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') refresh();
  });
  refresh();
}
