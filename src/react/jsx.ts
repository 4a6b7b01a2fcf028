// Types only: lets React 19 JSX accept the plain tags, for those who prefer
// them to the wrappers in `feelback/react`:
//
//   import type {} from 'feelback/react/jsx';
//   <feelback-rating-bar scale="nps" onfeelback-change={(e) => e.detail.value} />
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

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'feelback-rating-bar': FeelbackIntrinsicProps<'feelback-rating-bar', RatingBar>;
      'feelback-feeling-prompt': FeelbackIntrinsicProps<'feelback-feeling-prompt', FeelingPrompt>;
      'feelback-callback-request': FeelbackIntrinsicProps<'feelback-callback-request', CallbackRequest>;
    }
  }
}
