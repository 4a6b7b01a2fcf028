// Defines <feelback-launcher> with this bundle's runtime (config, transports, strings). The class module has no side effects.
import { LAUNCHER_MARK, publishRuntime } from '../components/launcher/runtime.js';
import { localRuntime } from '../components/launcher/local-runtime.js';
import { Launcher } from '../components/launcher/launcher.js';
import { defineElement } from '../internal/define.js';

publishRuntime(localRuntime);
// dist/launcher.min.js defines the tag first and then loads the full bundle: that is one library, not two copies.
const existing = globalThis.customElements?.get('feelback-launcher') as (CustomElementConstructor & { [LAUNCHER_MARK]?: boolean }) | undefined;
if (!existing?.[LAUNCHER_MARK]) defineElement('feelback-launcher', Launcher);

export * from '../components/launcher/launcher.js';
