/**
 * The collector's own small pages: sign in, sign out, erase a visitor's data.
 * Server-rendered forms with no script at all; every value placed in them is
 * escaped.
 */

/** @param {string} text */
export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * @param {string} title
 * @param {string} main HTML, already escaped
 */
function layout(title, main) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="same-origin" />
    <title>${escapeHtml(title)}</title>
    <link rel="stylesheet" href="/demo.css" />
  </head>
  <body>
    <main class="admin-form">
${main}
    </main>
  </body>
</html>
`;
}

/** @param {string | undefined} message */
function errorBlock(message) {
  return message ? `      <p class="error" role="alert">${escapeHtml(message)}</p>\n` : '';
}

/**
 * @param {{ next: string, error?: string }} options
 */
export function signInPage({ next, error }) {
  return layout(
    'Sign in · feelback',
    `      <h1>Sign in to read answers</h1>
      <p>Enter the collector's admin token (<code>ADMIN_TOKEN</code>; <code>npm start</code> prints it when it makes one).</p>
${errorBlock(error)}      <form method="post" action="/signin">
        <input type="hidden" name="next" value="${escapeHtml(next)}" />
        <input type="text" name="username" value="admin" autocomplete="username" hidden />
        <label for="token">Admin token</label>
        <input id="token" name="token" type="password" autocomplete="current-password" required autofocus />
        <button type="submit">Sign in</button>
      </form>
      <p><a href="/">Back to the demo</a></p>`,
  );
}

/** @param {{ csrfToken: string }} options */
export function signOutPage({ csrfToken }) {
  return layout(
    'Sign out · feelback',
    `      <h1>Sign out</h1>
      <form method="post" action="/signout">
        <input type="hidden" name="csrf" value="${escapeHtml(csrfToken)}" />
        <button type="submit">Sign out</button>
      </form>
      <p><a href="/results">Back to the results</a></p>`,
  );
}

/**
 * The erasure form: a visitor asked for their answers to be deleted.
 * @param {{ csrfToken: string, error?: string, done?: string }} options
 */
export function erasePage({ csrfToken, error, done }) {
  return layout(
    'Erase answers · feelback',
    `      <h1>Erase a visitor's answers</h1>
      <p>For an erasure request: delete one event by its id, or every event of a session id.</p>
${errorBlock(error)}${done ? `      <p class="status" role="status">${escapeHtml(done)}</p>\n` : ''}      <form method="post" action="/erase">
        <input type="hidden" name="csrf" value="${escapeHtml(csrfToken)}" />
        <label for="erase-id">Event id</label>
        <input id="erase-id" name="id" type="text" autocomplete="off" spellcheck="false" />
        <label for="erase-session">or session id</label>
        <input id="erase-session" name="sessionId" type="text" autocomplete="off" spellcheck="false" />
        <button type="submit">Erase</button>
      </form>
      <p><a href="/results">Back to the results</a> · <a href="/signout">Sign out</a></p>`,
  );
}
