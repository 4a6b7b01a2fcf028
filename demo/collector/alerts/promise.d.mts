// Types for promise.mjs, generated from its JSDoc (see demo/app.d.mts for the command).
