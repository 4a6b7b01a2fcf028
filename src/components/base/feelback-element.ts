import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { StringTable } from '../../i18n/strings.js';
import { resolveEndpoint } from '../../internal/endpoint.js';
import { warnAttribute } from '../../internal/warn.js';
import { tokens } from '../../styles/tokens.js';
import type { Transport } from '../../transport/types.js';
import { inRenderSlice } from '../../internal/render-slices.js';

/**
 * What every feelback element shares: the properties `widget-id`, `endpoint`,
 * `disabled`, `theme`, `transport`, `metadata` and `strings`, and
 * `refreshLocale()`. The jobs (speaking the visitor's language, delivering
 * answers, keyboard focus, the comment box) are reactive controllers the
 * elements compose; this class holds no behaviour of its own.
 */
export abstract class FeelbackElement extends LitElement {
  static override styles = [tokens];
  // Lit's reactive properties, merged with each subclass's own list. Declared
  // here rather than with decorators, which cost every build a helper and a
  // call per property; the fields below carry the types and the docs. A getter,
  // not a static field, because lit-analyzer reads only this form.
  static override get properties(): PropertyDeclarations {
    return {
      widgetId: { attribute: 'widget-id' },
      endpoint: {},
      disabled: { type: Boolean, reflect: true },
      theme: { reflect: true },
      transport: { attribute: false },
      metadata: { attribute: false },
      strings: { attribute: false },
    };
  }

  /** Names the widget in every event it sends; defaults to the tag name. */
  widgetId = '';

  /** Where this widget's answers go (http or https); overrides `configure({ endpoint })`. */
  endpoint?: string;

  /** Disables the widget: nothing can be picked or sent. */
  disabled = false;

  /** `light` or `dark` forces a colour scheme; by default it follows `prefers-color-scheme`. */
  theme?: 'light' | 'dark';

  /** A transport of your own; overrides both `endpoint` and `configure()`. */
  transport?: Transport;

  /** Merged into each event's `metadata`, over `configure({ metadata })`. */
  metadata?: Record<string, unknown>;

  /** Overrides for any of the element's strings, by message id. */
  strings: Partial<StringTable> = {};

  /** The element's localize controller (every element has one). */
  protected abstract readonly localize: { refresh(): void; tableLoading?(): Promise<unknown> | undefined };

  /**
   * Re-reads the locale from the nearest `lang` (then `configure({ locale })`,
   * then the document) and loads its built-in strings if needed. Runs on
   * connect, on `configure()` and when any `lang` in the document changes; call
   * it yourself after changing a `lang` inside another component's shadow root.
   */
  refreshLocale(): void {
    this.localize.refresh();
  }

  /**
   * The first render waits for the element's language table, if one is
   * loading, and for a render slice (internal/render-slices.ts), so fifty widgets do
   * not make one long task. Later renders, in answer to the visitor, run at once.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.hasUpdated) return super.scheduleUpdate();
    const render = () => inRenderSlice(() => super.scheduleUpdate());
    const table = this.localize.tableLoading?.();
    return table ? table.then(render) : render();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') && this.endpoint && !resolveEndpoint(this.endpoint)) {
      warnAttribute(this.localName, 'endpoint', this.endpoint, 'an http(s) URL', "configure()'s endpoint");
    }
    if (changed.has('theme') && this.theme !== undefined && this.theme !== 'light' && this.theme !== 'dark') {
      warnAttribute(this.localName, 'theme', this.theme, 'light or dark', 'the visitor\'s colour scheme');
    }
  }
}
