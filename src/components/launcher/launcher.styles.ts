/**
 * The launcher's styles, as plain text: the launcher does not bundle Lit, so
 * an unfired launcher costs only its own code. Tokens are read with
 * fallbacks, never declared on `:host`, so a page can set them anywhere.
 *
 * Positions use logical properties (`inset-inline-end`…), so `bottom-end`
 * sits bottom right in a left-to-right page and bottom left in a
 * right-to-left one. Below 40rem the popover becomes a bottom sheet whose
 * bottom edge follows `--_keyboard`, the on-screen keyboard's height that the
 * element reads from `visualViewport`.
 */
export const launcherCss = `
:host{display:contents}
:host([display=inline]){display:block}
[hidden]{display:none!important}
.panel,.tab{
--_ib:var(--feelback-launcher-inset-block,var(--feelback-launcher-inset,1rem));
--_ii:var(--feelback-launcher-inset-inline,var(--feelback-launcher-inset,1rem));
--_surface:var(--feelback-surface,#fff);--_text:var(--feelback-text,#1f2328);--_border:var(--feelback-border,#8c959f);
--_accent:var(--feelback-accent,#b45309);--_accent-contrast:var(--feelback-accent-contrast,#fff);
--_focus:var(--feelback-focus-ring,#0969da);
font:inherit;font-family:var(--feelback-font,inherit);color:var(--_text);box-sizing:border-box;
z-index:var(--feelback-z-index,2147483000)}
@media (prefers-color-scheme:dark){.panel,.tab{
--_surface:var(--feelback-surface,#161b22);--_text:var(--feelback-text,#e6edf3);--_border:var(--feelback-border,#6e7681);
--_accent:var(--feelback-accent,#f0a04b);--_accent-contrast:var(--feelback-accent-contrast,#111418);--_focus:var(--feelback-focus-ring,#58a6ff)}}
.panel{position:fixed;margin:0;padding:var(--feelback-launcher-padding,1rem);padding-inline-end:2.75rem;
width:min(var(--feelback-launcher-width,24rem),calc(100vw - 2 * var(--_ii)));
max-height:calc(100dvh - 2 * var(--_ib));overflow:auto;overscroll-behavior:contain;
background:var(--_surface);border:1px solid var(--_border);border-radius:var(--feelback-radius,8px);
box-shadow:var(--feelback-launcher-shadow,0 8px 28px rgba(0,0,0,.22))}
.inline{position:static;width:auto;max-height:none;padding:0;border:0;box-shadow:none;background:none}
.bottom-end{inset:auto;inset-block-end:var(--_ib);inset-inline-end:var(--_ii)}
.bottom-start{inset:auto;inset-block-end:var(--_ib);inset-inline-start:var(--_ii)}
.top-end{inset:auto;inset-block-start:var(--_ib);inset-inline-end:var(--_ii)}
.top-start{inset:auto;inset-block-start:var(--_ib);inset-inline-start:var(--_ii)}
.center{inset:0;margin:auto;height:fit-content}
dialog.panel{color:var(--_text)}
dialog.panel::backdrop{background:var(--feelback-launcher-backdrop,rgba(0,0,0,.45))}
.close{position:absolute;inset-block-start:.5rem;inset-inline-end:.5rem;display:grid;place-items:center;
width:2rem;height:2rem;padding:0;border:0;border-radius:50%;background:transparent;color:inherit;cursor:pointer}
.close:hover{background:color-mix(in srgb,currentColor 12%,transparent)}
.close svg{width:1rem;height:1rem}
.tab{position:fixed;padding:.55rem 1rem;border:0;border-radius:var(--feelback-radius,8px);
background:var(--_accent);color:var(--_accent-contrast);font-weight:600;cursor:pointer;
box-shadow:var(--feelback-launcher-shadow,0 4px 14px rgba(0,0,0,.22))}
button:focus-visible{outline:2px solid var(--_focus);outline-offset:2px}
.announcer{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
@media (max-width:40rem){
.panel.sheet{inset:auto 0 var(--_keyboard,0px) 0;width:auto;max-height:calc(var(--_visible,100dvh) - 1rem);
border-radius:var(--feelback-radius,8px) var(--feelback-radius,8px) 0 0;border-block-end:0}}
@media (prefers-reduced-motion:no-preference){
.panel[data-open]:not(.inline),.tab:not([hidden]){animation:feelback-launcher-in .18s ease-out}
@keyframes feelback-launcher-in{from{opacity:0;translate:0 .5rem}}}
`;
