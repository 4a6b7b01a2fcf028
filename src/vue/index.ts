// Vue 3: template types for the tags (GlobalComponents, checked by vue-tsc,
// strictTemplates included) and the one line Vue's compiler needs to leave
// them to the browser:
//
//   // vite.config.ts
//   import { isFeelbackTag } from 'feelback/vue';
//   vue({ template: { compilerOptions: { isCustomElement: isFeelbackTag } } })
//
//   // a .d.ts or main.ts
//   import type {} from 'feelback/vue';
//
// <feelback-launcher>: Vue reads any `on…` name as a listener and sets `scroll`
// (a DOM method) as a property, so bind those three with `.attr`:
//   <feelback-launcher :on-click.attr="'#help'" :scroll.attr="'50%'">
//
// This module has no side effects and never imports the elements, so a build
// config can import it in Node.
import type { ComponentOptionsMixin, ComputedOptions, DefineComponent, MethodOptions } from 'vue';
import type { FeelbackTags } from '../components/tag-types.js';

/** True for the tags feelback defines; pass it as Vue's `compilerOptions.isCustomElement`. */
export function isFeelbackTag(tag: string): boolean {
  return tag.startsWith('feelback-');
}

/** `widget-id` → `widgetId`: Vue's template checker compares props in camelCase. */
export type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;
/** An element's attributes under the camelCase names Vue checks them by. */
export type FeelbackVueProps<Attributes> = { [K in keyof Attributes as CamelCase<K & string>]: Attributes[K] };

/** `emits` in Vue's function form, from an element's event map. */
export type FeelbackVueEmits<Events> = { [K in keyof Events]: (event: Events[K]) => void };

/** One tag as Vue's template type checker sees it: its attributes, properties and events. */
export type FeelbackVueElement<Tag extends keyof FeelbackTags> = DefineComponent<
  FeelbackVueProps<FeelbackTags[Tag]['attributes']> & FeelbackTags[Tag]['properties'],
  object,
  object,
  ComputedOptions,
  MethodOptions,
  ComponentOptionsMixin,
  ComponentOptionsMixin,
  FeelbackVueEmits<FeelbackTags[Tag]['events']>
>;

declare module 'vue' {
  interface GlobalComponents {
    'feelback-rating-bar': FeelbackVueElement<'feelback-rating-bar'>;
    'feelback-feeling-prompt': FeelbackVueElement<'feelback-feeling-prompt'>;
    'feelback-callback-request': FeelbackVueElement<'feelback-callback-request'>;
    'feelback-launcher': FeelbackVueElement<'feelback-launcher'>;
  }
}
