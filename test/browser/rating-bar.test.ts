import { describe, expect, it } from 'vitest';
import { pageHtml, useBrowserSuite } from './support/suite.js';

const suite = useBrowserSuite();

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function html(body: string): string {
  return pageHtml(body, { title: 'rating bar' });
}

async function open(path: string, body: string): Promise<void> {
  await suite.openPage(path, html(body), { query: '?token=secret#frag', waitFor: 'feelback-rating-bar' });
}

describe('rating bar in Chromium, delivering to a real server', () => {
  it('a click on a star delivers a v1 event to the endpoint', async () => {
    await open('/click.html', '<feelback-rating-bar widget-id="x" endpoint="/collect"></feelback-rating-bar>');
    await suite.page.getByRole('radio', { name: '4 of 5 stars' }).click();
    const [event] = await suite.server.waitForAccepted(1);
    const request = suite.server.requests[0];
    expect(request.contentType).toContain('application/json');
    const body = JSON.parse(request.body);
    expect(body.v).toBe(1);
    expect(Number.isNaN(Date.parse(body.sentAt))).toBe(false);
    expect(event.id).toMatch(UUID_V4);
    expect(event).toMatchObject({ type: 'rating', widget: 'x', rating: { scale: 'stars', value: 4, min: 1, max: 5 } });
    expect(event.context.url).toBe(`${suite.server.origin}/click.html`);
    expect(event.context.locale).toBe('en');
    expect(event.context.viewport.width).toBeGreaterThan(0);
    await expect.poll(() => suite.page.getByText('Thank you for your feedback.', { exact: true }).isVisible()).toBe(true);
    expect(suite.consoleLog.errors).toEqual([]);
  });

  it('the keyboard alone: Tab in, arrows to move, Enter to commit', async () => {
    await open('/keys.html', '<button>before</button><feelback-rating-bar widget-id="keys" endpoint="/collect"></feelback-rating-bar>');
    await suite.page.getByRole('button', { name: 'before' }).focus();
    await suite.page.keyboard.press('Tab');
    const focusedName = () => suite.page.evaluate(() => {
      const host = document.querySelector('feelback-rating-bar')!;
      return host.shadowRoot!.activeElement?.getAttribute('aria-label') ?? null;
    });
    expect(await focusedName()).toBe('1 of 5 stars');
    await suite.page.keyboard.press('ArrowRight');
    await suite.page.keyboard.press('ArrowRight');
    expect(await focusedName()).toBe('3 of 5 stars');
    expect(suite.server.requests).toHaveLength(0);
    await suite.page.keyboard.press('Enter');
    const [event] = await suite.server.waitForAccepted(1);
    expect(event).toMatchObject({ widget: 'keys', rating: { value: 3 } });
  });

  it('fires feelback-sent with the delivered id once the endpoint says 2xx', async () => {
    await open('/sent.html', '<feelback-rating-bar endpoint="/collect"></feelback-rating-bar>');
    const sentId = suite.page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          document.addEventListener('feelback-sent', (e) => resolve((e as CustomEvent).detail.id)),
        ),
    );
    await suite.page.getByRole('radio', { name: '5 of 5 stars' }).click();
    const [event] = await suite.server.waitForAccepted(1);
    expect(await sentId).toBe(event.id);
  });

  it('scale="nps" shows 11 options from 0 to 10', async () => {
    await open('/nps.html', '<feelback-rating-bar scale="nps" endpoint="/collect"></feelback-rating-bar>');
    const radios = suite.page.getByRole('radio');
    await expect.poll(() => radios.count()).toBe(11);
    expect(await radios.first().getAttribute('aria-label')).toBe('0 of 10, Not at all likely');
    expect(await radios.last().getAttribute('aria-label')).toBe('10 of 10, Extremely likely');
    const group = suite.page.getByRole('radiogroup', { name: 'How likely are you to recommend us to a friend or colleague?' });
    expect(await group.count()).toBe(1);
  });

  it('bad attributes each warn clearly and the bar still works with defaults', async () => {
    await open(
      '/bad.html',
      `<feelback-rating-bar id="a" scale="bogus" endpoint="/collect"></feelback-rating-bar>
       <feelback-rating-bar id="b" scale="numeric" min="9" max="3" endpoint="/collect"></feelback-rating-bar>
       <feelback-rating-bar id="c" endpoint="javascript:alert(1)"></feelback-rating-bar>`,
    );
    await expect.poll(() => suite.consoleLog.warnings.length).toBe(3);
    expect(suite.consoleLog.warnings.join('\n')).toContain('<feelback-rating-bar> scale="bogus" is not one of');
    expect(suite.consoleLog.warnings.join('\n')).toContain('<feelback-rating-bar> max="3" is not at least min (9)');
    expect(suite.consoleLog.warnings.join('\n')).toContain('<feelback-rating-bar> endpoint="javascript:alert(1)" is not an http(s) URL');
    expect(await suite.page.locator('#a').getByRole('radio').count()).toBe(5);
    expect(await suite.page.locator('#b').getByRole('radio').count()).toBe(10);
    await suite.page.locator('#a').getByRole('radio', { name: '2 of 5 stars' }).click();
    const [event] = await suite.server.waitForAccepted(1);
    expect(event.rating).toMatchObject({ scale: 'stars', value: 2 });
    expect(suite.consoleLog.errors).toEqual([]);
  });

  it('options are at least 24×24 CSS pixels and laid out in one row', async () => {
    await open('/layout.html', '<feelback-rating-bar endpoint="/collect"></feelback-rating-bar>');
    const boxes = await suite.page.getByRole('radio').evaluateAll((radios) =>
      radios.map((radio) => radio.getBoundingClientRect().toJSON() as DOMRect),
    );
    expect(boxes).toHaveLength(5);
    for (const box of boxes) {
      expect(box.width).toBeGreaterThanOrEqual(24);
      expect(box.height).toBeGreaterThanOrEqual(24);
    }
    expect(new Set(boxes.map((box) => Math.round(box.top))).size).toBe(1);
  });
});

describe('rating bar layout', () => {
  it('in a narrow container the options wrap onto more rows instead of overflowing', async () => {
    await open('/narrow.html', '<div style="width: 220px"><feelback-rating-bar scale="nps" endpoint="/collect"></feelback-rating-bar></div>');
    const layout = await suite.page.evaluate(() => {
      const host = document.querySelector('feelback-rating-bar')!;
      const right = host.getBoundingClientRect().right;
      const radios = [...host.shadowRoot!.querySelectorAll('[role="radio"]')].map((radio) => radio.getBoundingClientRect());
      return { overflowing: radios.filter((box) => box.right > right + 0.5).length, rows: new Set(radios.map((box) => Math.round(box.top))).size };
    });
    expect(layout.overflowing).toBe(0);
    expect(layout.rows).toBeGreaterThan(1);
  });
});

describe('rating bar as a form control', () => {
  const form = `<form action="/submitted" method="get">
      <feelback-rating-bar name="score" required></feelback-rating-bar>
      <button type="submit">Submit</button>
      <button type="reset">Reset</button>
    </form>`;

  it('a required bar blocks submission until a score is picked, then submits name=value', async () => {
    suite.server.page('/submitted', html('<p>submitted</p>'));
    await open('/form.html', form);
    await suite.page.getByRole('button', { name: 'Submit' }).click();
    expect(suite.page.url()).toContain('/form.html');
    expect(await suite.page.evaluate(() => (document.querySelector('feelback-rating-bar') as any).validity.valueMissing)).toBe(true);
    await suite.page.getByRole('radio', { name: '4 of 5 stars' }).click();
    const formData = await suite.page.evaluate(() => Object.fromEntries(new FormData(document.querySelector('form')!)));
    expect(formData).toEqual({ score: '4' });
    await Promise.all([suite.page.waitForURL(/\/submitted/), suite.page.getByRole('button', { name: 'Submit' }).click()]);
    expect(new URL(suite.page.url()).searchParams.get('score')).toBe('4');
  });

  it('fires a native change event and resets with the form', async () => {
    await open('/reset.html', form);
    const changes = suite.page.evaluate(
      () =>
        new Promise<number>((resolve) =>
          document.querySelector('form')!.addEventListener('change', (e) => resolve((e.target as any).value)),
        ),
    );
    await suite.page.getByRole('radio', { name: '2 of 5 stars' }).click();
    expect(await changes).toBe(2);
    await suite.page.getByRole('button', { name: 'Reset' }).click();
    const after = await suite.page.evaluate(() => ({
      value: (document.querySelector('feelback-rating-bar') as any).value,
      data: [...new FormData(document.querySelector('form')!).entries()],
    }));
    expect(after).toEqual({ value: null, data: [] });
    expect(await suite.page.getByRole('radio', { checked: true }).count()).toBe(0);
  });

  it('a form-only bar with no endpoint sends nothing and logs no error', async () => {
    await open('/quiet.html', form);
    await suite.page.getByRole('radio', { name: '1 of 5 stars' }).click();
    await suite.page.waitForTimeout(200);
    expect(suite.server.requests).toHaveLength(0);
    expect(suite.consoleLog.errors).toEqual([]);
    expect(suite.consoleLog.warnings).toEqual([]);
  });

  it('a page of twelve bars: defined a task after the script, whenDefined() settles, and a property set before then is kept', async () => {
    const bars = Array.from({ length: 12 }, (_, i) => `<feelback-rating-bar widget-id="bar-${i}" endpoint="/collect"></feelback-rating-bar>`).join('');
    // Runs straight after the bundle (module scripts run in order), as a site's own script would.
    const siteScript = `<script type="module">
      window.__definedWhenScriptRan = customElements.get('feelback-rating-bar') !== undefined;
      document.querySelectorAll('feelback-rating-bar')[11].value = 4;
      customElements.whenDefined('feelback-rating-bar').then(() => { window.__whenDefined = true; });
    </script>`;
    await suite.openPage('/twelve.html', html(bars + siteScript), { waitFor: 'feelback-rating-bar' });
    await suite.page.waitForFunction(() => (window as unknown as { __whenDefined?: boolean }).__whenDefined === true);
    expect(await suite.page.evaluate(() => (window as unknown as { __definedWhenScriptRan: boolean }).__definedWhenScriptRan)).toBe(false);

    const last = suite.page.locator('feelback-rating-bar').last();
    await expect.poll(() => last.getByRole('radio', { name: '4 of 5 stars' }).getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => suite.page.locator('feelback-rating-bar').getByRole('radio', { name: '1 of 5 stars' }).count()).toBe(12);
    await last.getByRole('radio', { name: '2 of 5 stars' }).click();
    const [event] = await suite.server.waitForAccepted(1);
    expect(event).toMatchObject({ type: 'rating', widget: 'bar-11', rating: { value: 2 } });
    expect(suite.consoleLog.errors).toEqual([]);
  });
});
