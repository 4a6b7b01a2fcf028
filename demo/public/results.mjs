// The results page: reads stored events from the collector and plots them with
// Chart.js (loaded as /vendor/chart.umd.min.js, which defines `Chart`). Text that
// came from visitors is only ever set with textContent.

/** @typedef {import('../../src/context/event.js').FeedbackEvent} FeedbackEvent */

import { latestAnswers } from './answers.mjs';

const Chart = /** @type {any} */ (globalThis).Chart;
const EVENT_LIMIT = 1000;
const COMMENT_LIMIT = 20;

const FEELING_ORDER = ['angry', 'frustrated', 'neutral', 'happy', 'delighted'];
const FEELING_COLOURS = {
  angry: '#cf222e',
  frustrated: '#e16f24',
  neutral: '#8c959f',
  happy: '#2da44e',
  delighted: '#1a7f37',
};
const NPS_COLOURS = { detractor: '#cf222e', passive: '#bf8700', promoter: '#1a7f37' };
const VITAL_BUCKETS = ['good', 'needs-improvement', 'poor', 'not measured'];
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

/** A local calendar day, `YYYY-MM-DD`, so days sort as text. @param {string} iso */
function localDay(iso) {
  const date = new Date(iso);
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Any rating or feeling on one 0–100 scale, so different widgets can be averaged together.
 * @param {FeedbackEvent} event
 * @returns {number | undefined}
 */
export function satisfaction(event) {
  if (event.type === 'rating' && event.rating) {
    const { value, min, max } = event.rating;
    return max === min ? undefined : ((value - min) / (max - min)) * 100;
  }
  if (event.type === 'feeling' && event.feeling) {
    return ((Math.max(-2, Math.min(2, event.feeling.score)) + 2) / 4) * 100;
  }
  return undefined;
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

/** @param {FeedbackEvent[]} events */
function renderScores(events) {
  const container = byId('score-charts');
  container.replaceChildren();
  /** @type {Map<string, FeedbackEvent[]>} */
  const byWidget = new Map();
  for (const event of events) {
    if (event.type !== 'rating' || !event.rating) continue;
    // A widget whose scale changed is plotted once per scale: their values do not mix.
    const key = `${event.widget}\u0000${event.rating.scale}\u0000${event.rating.min}\u0000${event.rating.max}`;
    byWidget.set(key, [...(byWidget.get(key) ?? []), event]);
  }
  if (byWidget.size === 0) {
    container.append(element('p', 'No ratings yet.', 'empty'));
    return;
  }
  for (const ratings of byWidget.values()) {
    const { widget } = ratings[0];
    const { scale, min, max } = /** @type {NonNullable<FeedbackEvent['rating']>} */ (ratings[0].rating);
    const values = [];
    for (let value = Math.ceil(min); value <= Math.floor(max) && values.length <= 100; value++) values.push(value);
    const counts = values.map((value) => ratings.filter((event) => Math.round(event.rating?.value ?? NaN) === value).length);
    const label = SCALE_LABELS[/** @type {keyof typeof SCALE_LABELS} */ (scale)] ?? String;
    const isNps = scale === 'nps';
    const colours = values.map((value) =>
      isNps ? NPS_COLOURS[npsGroup(value)] : scaleColour(max === min ? 1 : (value - min) / (max - min)),
    );

    const figure = element('figure');
    const heading = element('h3', `${widget} · ${scale} (${ratings.length} answer${ratings.length === 1 ? '' : 's'})`);
    figure.append(heading);
    if (isNps) figure.append(element('p', npsSummary(ratings), 'nps-score'));
    container.append(figure);
    const canvas = chartCanvas(figure, `Distribution of ${scale} scores for ${widget}`);
    canvas.dataset.widget = widget;
    draw(canvas, {
      type: 'bar',
      data: {
        labels: values.map(label),
        datasets: [{ label: 'Answers', data: counts, backgroundColor: colours }],
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

/** @param {FeedbackEvent[]} ratings */
export function npsSummary(ratings) {
  const groups = { detractor: 0, passive: 0, promoter: 0 };
  for (const event of ratings) groups[npsGroup(event.rating?.value ?? 0)]++;
  const total = ratings.length;
  const nps = Math.round(((groups.promoter - groups.detractor) / total) * 100);
  return `NPS ${nps > 0 ? '+' : ''}${nps}: ${groups.promoter} promoters, ${groups.passive} passives, ${groups.detractor} detractors`;
}

/** A local hour, `YYYY-MM-DD HH:00`. @param {string} iso */
function localHour(iso) {
  return `${localDay(iso)} ${String(new Date(iso).getHours()).padStart(2, '0')}:00`;
}

/** @param {FeedbackEvent[]} events */
function renderFeelings(events) {
  const feelings = events.filter((event) => event.type === 'feeling' && event.feeling);
  // Days for a long history; hours when it all happened within two days (a demo session).
  const daySpan = new Set(feelings.map((event) => localDay(event.createdAt))).size;
  const bucketOf = daySpan > 2 ? localDay : localHour;
  const days = [...new Set(feelings.map((event) => bucketOf(event.createdAt)))].sort();
  const ids = [...new Set([...FEELING_ORDER, ...feelings.map((event) => String(event.feeling?.id))])].filter(
    (id) => FEELING_ORDER.includes(id) || feelings.some((event) => event.feeling?.id === id),
  );
  draw(/** @type {HTMLCanvasElement} */ (byId('feelings-chart')), {
    type: 'bar',
    data: {
      labels: days,
      datasets: ids.map((id) => ({
        label: id,
        data: days.map((day) => feelings.filter((event) => event.feeling?.id === id && bucketOf(event.createdAt) === day).length),
        backgroundColor: FEELING_COLOURS[/** @type {keyof typeof FEELING_COLOURS} */ (id)] ?? '#6e7781',
      })),
    },
    options: {
      maintainAspectRatio: false,
      maxBarThickness: 64,
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { title: { display: feelings.length === 0, text: 'No feelings yet' } },
    },
  });
}

/** @param {FeedbackEvent[]} events */
function renderVitals(events) {
  const scored = events.map((event) => ({ event, score: satisfaction(event) })).filter(({ score }) => score !== undefined);
  /** @param {'LCP' | 'INP'} metric */
  const averages = (metric) => {
    const sums = VITAL_BUCKETS.map(() => ({ total: 0, count: 0 }));
    for (const { event, score } of scored) {
      const rating = event.context?.vitals?.[metric]?.rating ?? 'not measured';
      const bucket = sums[Math.max(0, VITAL_BUCKETS.indexOf(rating))];
      bucket.total += /** @type {number} */ (score);
      bucket.count++;
    }
    return sums;
  };
  const lcp = averages('LCP');
  const inp = averages('INP');
  /** @param {{ total: number, count: number }[]} sums */
  const means = (sums) => sums.map(({ total, count }) => (count ? Math.round(total / count) : null));
  draw(/** @type {HTMLCanvasElement} */ (byId('vitals-chart')), {
    type: 'bar',
    data: {
      labels: VITAL_BUCKET_LABELS,
      datasets: [
        { label: 'by LCP rating', data: means(lcp), backgroundColor: '#0969da', counts: lcp.map(({ count }) => count) },
        { label: 'by INP rating', data: means(inp), backgroundColor: '#8250df', counts: inp.map(({ count }) => count) },
      ],
    },
    options: {
      maintainAspectRatio: false,
      maxBarThickness: 64,
      scales: { y: { min: 0, max: 100, title: { display: true, text: 'average satisfaction (0–100)' } } },
      plugins: {
        title: { display: scored.length === 0, text: 'No ratings or feelings yet' },
        tooltip: {
          callbacks: {
            afterLabel: (/** @type {any} */ item) => `${item.dataset.counts[item.dataIndex]} answer(s)`,
          },
        },
      },
    },
  });
}

/** @param {FeedbackEvent} event */
function describeAnswer(event) {
  if (event.rating) return `${event.rating.value} on ${event.rating.scale} (${event.rating.min}–${event.rating.max})`;
  if (event.feeling) return `felt ${event.feeling.id}`;
  return event.type;
}

/** @param {FeedbackEvent[]} events */
function renderComments(events) {
  const list = byId('comments');
  const byEventId = new Map(events.map((event) => [event.id, event]));
  const comments = events.filter((event) => event.type === 'comment' && event.comment).slice(0, COMMENT_LIMIT);
  list.replaceChildren(
    ...comments.map((event) => {
      const item = element('li');
      const answered = byEventId.get(String(event.comment?.replyTo));
      const meta = `${event.widget} · ${formatTime(event.createdAt)}${answered ? ` · after ${describeAnswer(answered)}` : ''}`;
      item.append(element('blockquote', event.comment?.text ?? ''), element('div', meta, 'meta'));
      return item;
    }),
  );
  if (comments.length === 0) list.append(element('li', 'No comments yet.', 'empty'));
}

/** @param {FeedbackEvent[]} events */
function renderCallbacks(events) {
  const body = byId('callbacks');
  const callbacks = events.filter((event) => event.type === 'callback' && event.callback);
  body.replaceChildren(
    ...callbacks.map((event) => {
      const callback = /** @type {NonNullable<FeedbackEvent['callback']>} */ (event.callback);
      const row = element('tr');
      const window = CALLBACK_WINDOWS[/** @type {keyof typeof CALLBACK_WINDOWS} */ (callback.window)] ?? callback.window;
      row.append(
        element('td', formatTime(event.createdAt)),
        element('td', callback.name),
        element('td', callback.phone),
        element('td', `${window} (${callback.timeZone})`),
        element('td', callback.topic || '—'),
      );
      return row;
    }),
  );
  if (callbacks.length === 0) {
    const cell = element('td', 'No callback requests.', 'empty');
    cell.setAttribute('colspan', '5');
    const row = element('tr');
    row.append(cell);
    body.append(row);
  }
}

function applyChartTheme() {
  const style = getComputedStyle(document.documentElement);
  Chart.defaults.color = style.getPropertyValue('--page-text').trim() || '#1f2328';
  Chart.defaults.borderColor = style.getPropertyValue('--panel-border').trim() || '#d6d3ce';
  Chart.defaults.animation = matchMedia('(prefers-reduced-motion: reduce)').matches ? false : Chart.defaults.animation;
}

async function refresh() {
  const summary = byId('summary');
  let events;
  try {
    const response = await fetch(`/api/events?limit=${EVENT_LIMIT}`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    events = /** @type {FeedbackEvent[]} */ (await response.json());
  } catch (error) {
    summary.textContent = `Could not load events: ${error}`;
    return;
  }
  for (const chart of charts) chart.destroy();
  charts = [];
  // Charts count each visitor's latest answer; the comments list shows every comment.
  const answers = latestAnswers(events);
  renderScores(answers);
  renderFeelings(answers);
  renderVitals(answers);
  renderComments(events);
  renderCallbacks(events);
  const counts = ['rating', 'feeling', 'comment', 'callback'].map(
    (type) => `${events.filter((event) => event.type === type).length} ${type}s`,
  );
  const changed = events.length - answers.length;
  const note = changed > 0 ? ` Charts count each visitor's latest answer (${changed} changed answer(s) left out).` : '';
  summary.textContent = `${events.length} event(s)${events.length === EVENT_LIMIT ? ` (the latest ${EVENT_LIMIT})` : ''}: ${counts.join(', ')}.${note} Updated ${new Date().toLocaleTimeString()}.`;
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
