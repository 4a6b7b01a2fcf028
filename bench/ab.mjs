// A/B of two builds on one page, in headless Chromium: the same render probe as
// `npm run bench`, the two builds interleaved (each round in a shuffled order),
// and paired ratios of B to A. For checking one change before the full
// bench, or two one-file builds against each other.
//
//   node bench/ab.mjs <dist A> <dist B> [case] [runs]
//
// case: bar1 (default), bar50, prompt or form. AB_SCRIPT_A / AB_SCRIPT_B name
// the file in each folder (default feelback.min.js), so
//   AB_SCRIPT_B=rating-bar.min.js node bench/ab.mjs dist dist bar1 20
// compares the two one-file builds of this checkout.
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { median, renderCases, runRender } from './lib/render.mjs';
import { columns, ms, ratio, toText } from './lib/table.mjs';

const [dirA, dirB, widget = 'bar1', runsArg = '16'] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error('usage: node bench/ab.mjs <dist A> <dist B> [bar1|bar50|prompt|form] [runs]');
  process.exit(2);
}
const runs = Number(runsArg);
const builds = [
  { key: 'a', label: `A ${dirA}/${process.env.AB_SCRIPT_A ?? 'feelback.min.js'}`, dir: resolve(dirA), script: process.env.AB_SCRIPT_A ?? 'feelback.min.js', widgets: [widget] },
  { key: 'b', label: `B ${dirB}/${process.env.AB_SCRIPT_B ?? 'feelback.min.js'}`, dir: resolve(dirB), script: process.env.AB_SCRIPT_B ?? 'feelback.min.js', widgets: [widget] },
];
const { cases, files, dirs } = renderCases({ builds });
const measured = cases.filter((c) => c.key !== 'blank');

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const results = await runRender(browser, { cases: measured, files, dirs }, { runs, minRuns: runs, budgetMs: Infinity, log: (line) => console.error(line) });
  const [a, b] = measured.map((c) => results[c.key]);
  const paired = (key) => {
    const ratios = a.flatMap((run, i) => (run.failed || b[i]?.failed ? [] : [b[i][key] / run[key]]));
    return median(ratios);
  };
  const figure = (list, key) => median(list.filter((r) => !r.failed).map((r) => r[key]));
  const worst = (list, key) => Math.max(0, ...list.filter((r) => !r.failed).map((r) => r[key]));
  console.log(
    toText({
      title: `A/B in Chromium ${browser.version()}: ${measured[0].label.split(': ')[1]}, ${runs} interleaved rounds (medians; B ÷ A paired per round)`,
      columns: columns('figure', 'A', 'B', 'B ÷ A'),
      rows: [
        ['interactive (from the script\'s arrival)', ms(figure(a, 'interactive')), ms(figure(b, 'interactive')), ratio(paired('interactive'))],
        ['interactive (from navigation start)', ms(figure(a, 'fromStart')), ms(figure(b, 'fromStart')), ratio(paired('fromStart'))],
        ['longest task (median; worst)', `${ms(figure(a, 'longestTask'))}; ${ms(worst(a, 'longestTask'))}`, `${ms(figure(b, 'longestTask'))}; ${ms(worst(b, 'longestTask'))}`, ''],
        ['longest define() (median; worst)', `${ms(figure(a, 'longestDefine'))}; ${ms(worst(a, 'longestDefine'))}`, `${ms(figure(b, 'longestDefine'))}; ${ms(worst(b, 'longestDefine'))}`, ''],
        ['failed runs', String(a.filter((r) => r.failed).length), String(b.filter((r) => r.failed).length), ''],
      ],
      notes: [
        'The probe and the pages are those of `npm run bench` (bench/lib/render.mjs). "From the script\'s arrival" starts at the script\'s responseEnd, so a smaller file starts its clock earlier; "from navigation start" is what the visitor waits.',
      ],
    }),
  );
} finally {
  await browser.close();
}
