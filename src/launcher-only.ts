// dist/launcher.min.js: <feelback-launcher> alone. An unfired launcher costs this file only; the widgets
// (dist/feelback.min.js, beside this file) load at idle, or when a launcher is about to open if that comes first.
import { setWidgetLoader } from './components/launcher/runtime.js';
import { Launcher } from './components/launcher/launcher.js';
import { defineElement } from './internal/define.js';

// A variable, not a literal, so rollup leaves the import to the browser (resolved against this file's URL).
const widgets = new URL('./feelback.min.js', import.meta.url).href;
setWidgetLoader(() => import(/* @vite-ignore */ widgets));
defineElement('feelback-launcher', Launcher);

export { Launcher };
