// Types only: lets React 19 JSX accept the plain tags, for those who prefer
// them to the wrappers in `feelback/react`:
//
//   import type {} from 'feelback/react/jsx';
//   <feelback-rating-bar scale="nps" onfeelback-change={(e) => e.detail.value} />
//   <feelback-launcher delay={5} onfeelback-dismiss={(e) => e.detail.reason}>…</feelback-launcher>
//
// React 19 sets a prop as a property when the element has one (metadata,
// strings, feelings …) and adds `on<event-name>` props as listeners, but only
// on the client: markup hydrated from the server gets neither. Use the
// wrappers when you render on the server.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { FeelbackTags } from '../components/tag-types.js';
import type { RatingBar } from '../components/rating-bar/rating-bar.js';
import type { FeelingPrompt } from '../components/feeling-prompt/feeling-prompt.js';
import type { CallbackRequest } from '../components/callback-request/callback-request.js';
import type { Launcher } from '../components/launcher/launcher.js';

/** `on<event-name>` props, the form React 19 adds as listeners on custom elements. */
export type FeelbackEventProps<Events> = { [K in keyof Events as `on${K & string}`]?: (event: Events[K]) => void };

/** The props of one plain feelback tag in React 19 JSX. */
export type FeelbackIntrinsicProps<Tag extends keyof FeelbackTags, Element extends HTMLElement> = Omit<
  DetailedHTMLProps<HTMLAttributes<Element>, Element>,
  keyof FeelbackTags[Tag]['attributes']
> &
  FeelbackTags[Tag]['attributes'] &
  FeelbackTags[Tag]['properties'] &
  FeelbackEventProps<FeelbackTags[Tag]['events']>;

/**
 * The plain tags' props in React 19 JSX, by tag name. `JSX.IntrinsicElements`
 * extends this rather than listing the tags itself: web-component-analyzer
 * (lit-analyzer) takes any `IntrinsicElements` key for an element definition,
 * and these props would then hide the elements' own attributes from it.
 */
export interface FeelbackIntrinsicElements {
  'feelback-rating-bar': FeelbackIntrinsicProps<'feelback-rating-bar', RatingBar>;
  'feelback-feeling-prompt': FeelbackIntrinsicProps<'feelback-feeling-prompt', FeelingPrompt>;
  'feelback-callback-request': FeelbackIntrinsicProps<'feelback-callback-request', CallbackRequest>;
  /**
   * Configured by attributes; React 19 sets `display` and `position` through their reflecting
   * properties. Not `scroll`: every element has a `scroll()` method, so React would set that
   * instead of the attribute; set it through a ref (`setAttribute('scroll', '50%')`).
   */
  'feelback-launcher': Omit<FeelbackIntrinsicProps<'feelback-launcher', Launcher>, 'scroll'>;
}

declare module 'react' {
  // React declares its intrinsic elements in a namespace; augmenting it takes one.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends FeelbackIntrinsicElements {}
  }
}
