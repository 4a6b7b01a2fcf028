// Defines <feelback-rating-bar>. The class module itself has no side effects; importing this one registers the tag.
import { RatingBar } from '../components/rating-bar/rating-bar.js';
import { defineElement } from '../internal/define.js';

defineElement('feelback-rating-bar', RatingBar);

export * from '../components/rating-bar/rating-bar.js';
