import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../src/define/rating-bar.js';
import type { RatingBar } from '../../../src/components/rating-bar/rating-bar.js';
import { resetConfig } from '../../../src/config.js';
import { resetWarnings } from '../../../src/internal/warn.js';
import { cleanup, mount, shadowAll } from '../../support/dom.js';
import { FakeTransport } from '../../support/fake-transport.js';

let transport: FakeTransport;

beforeEach(() => {
  resetConfig();
  resetWarnings();
  transport = new FakeTransport();
});
afterEach(cleanup);

async function bar(): Promise<RatingBar> {
  return mount<RatingBar>('<feelback-rating-bar></feelback-rating-bar>', (el) => (el.transport = transport));
}

function outcomes(element: HTMLElement): string[] {
  const seen: string[] = [];
  element.addEventListener('feelback-sent', (event) => seen.push(`sent ${event.detail.id}`));
  element.addEventListener('feelback-error', (event) => seen.push(`error ${event.detail.id} ${event.detail.willRetry}`));
  return seen;
}

describe('an answer settles once, through the delivery controller', () => {
  it('a drop is one feelback-error with willRetry false, whatever else the transport repeats', async () => {
    const element = await bar();
    const seen = outcomes(element);
    shadowAll(element, '[role="radio"]')[2].click();
    const { id } = transport.sent[0];
    transport.fail(id, 'HTTP 503', true);
    transport.fail(id, 'HTTP 400', false); // the fake also reports `dropped`, as the transport did
    transport.accept(id); // too late: the answer already settled
    expect(seen).toEqual([`error ${id} true`, `error ${id} false`]);
  });

  it('only the element that sent an answer reports it, though both share a transport', async () => {
    const first = await bar();
    const second = await bar();
    const firstSeen = outcomes(first);
    const secondSeen = outcomes(second);
    shadowAll(first, '[role="radio"]')[0].click();
    transport.accept(transport.sent[0].id);
    expect(firstSeen).toEqual([`sent ${transport.sent[0].id}`]);
    expect(secondSeen).toEqual([]);
  });

  it('a detached element stops listening to the page-long transport, and hears its answer again once reattached', async () => {
    const element = await bar();
    const seen = outcomes(element);
    shadowAll(element, '[role="radio"]')[2].click();
    const { id } = transport.sent[0];
    const parent = element.parentElement!;
    element.remove();
    transport.fail(id, 'offline', true);
    expect(seen).toEqual([]);
    parent.append(element);
    transport.accept(id);
    expect(seen).toEqual([`sent ${id}`]);
  });
});
