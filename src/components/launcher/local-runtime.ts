import { getConfig } from '../../config.js';
import { transportFor } from '../../transport/registry.js';
import { createFeedbackEvent } from '../../context/event.js';
import { mergeMetadata } from '../../context/metadata.js';
import { pageContext } from '../../context/page.js';
import { currentVitals } from '../../context/vitals.js';
import { loadLocale } from '../../i18n/load-locale.js';
import { resolveLocale } from '../../i18n/locale.js';
import { lookupString } from '../../i18n/strings.js';
import { resolveEndpoint } from '../../internal/endpoint.js';
import { warnOnce } from '../../internal/warn.js';
import type { Transport } from '../../transport/types.js';
import { DEFAULT_RECONTACT_DAYS, type LauncherRuntime, type LauncherStrings } from './runtime.js';
import { launcherStrings } from './strings.js';

/** The public properties every feelback widget has (FeedbackElement's), read without importing it. */
interface WidgetLike extends Element {
  widgetId?: string;
  endpoint?: string;
  transport?: Transport;
  metadata?: Record<string, unknown>;
}

function transportOf(widget: WidgetLike): Transport | undefined {
  if (widget.transport) return widget.transport;
  const endpoint = resolveEndpoint(widget.endpoint ?? widget.getAttribute('endpoint')) ?? resolveEndpoint(getConfig().endpoint);
  return endpoint ? transportFor(endpoint) : undefined;
}

/** This bundle's runtime: the same config, context and transports the widgets use. */
export const localRuntime: LauncherRuntime = {
  recontactDays: () => getConfig().launcher?.recontactDays ?? DEFAULT_RECONTACT_DAYS,

  send(widget: WidgetLike, type, launcher) {
    const transport = transportOf(widget);
    // A launcher around a widget with no endpoint still works; the widget itself warns when it has an answer to send.
    if (!transport) return;
    const config = getConfig();
    const locale = resolveLocale(widget);
    const context = pageContext(locale, config.context);
    if (config.vitals !== false) {
      const vitals = currentVitals();
      if (vitals) context.vitals = vitals;
    }
    const event = createFeedbackEvent({
      type,
      widget: widget.widgetId || widget.getAttribute('widget-id') || widget.localName,
      context,
      metadata: mergeMetadata(config.metadata, widget.metadata, `<${widget.localName}>`, warnOnce),
      launcher,
    });
    transport.send(event);
  },

  async strings(element) {
    const locale = resolveLocale(element);
    await loadLocale(locale);
    const strings = {} as LauncherStrings;
    for (const key of Object.keys(launcherStrings) as Array<keyof LauncherStrings>) {
      strings[key] = lookupString(locale, 'launcher', key, launcherStrings[key]);
    }
    return strings;
  },
};
