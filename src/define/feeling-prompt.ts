// Defines <feelback-feeling-prompt>. The class module itself has no side effects; importing this one registers the tag.
import { FeelingPrompt } from '../components/feeling-prompt/feeling-prompt.js';
import { defineElement } from '../internal/define.js';

defineElement('feelback-feeling-prompt', FeelingPrompt);

export * from '../components/feeling-prompt/feeling-prompt.js';
