// Defines <feelback-callback-request>. The class module itself has no side effects; importing this one registers the tag.
import { CallbackRequest } from '../components/callback-request/callback-request.js';
import { defineElement } from '../internal/define.js';

defineElement('feelback-callback-request', CallbackRequest);

export * from '../components/callback-request/callback-request.js';
