import { beforeEach, describe, expect, it } from 'vitest';
import { shadowAll } from '../../support/dom.js';
import { FakeTransport } from '../../support/fake-transport.js';
import { mountRatingBar } from '../../support/rating-bar.js';

let transport: FakeTransport;

beforeEach(() => {
  transport = new FakeTransport();
});

function outcomes(element: HTMLElement): string[] {
  const seen: string[] = [];
  element.addEventListener('feelback-sent', (event) => seen.push(`sent ${event.detail.id}`));
  element.addEventListener('feelback-error', (event) => seen.push(`error ${event.detail.id} ${event.detail.willRetry}`));
  return seen;
}

describe('an answer settles once, through the delivery controller', () => {
  it('a drop is one feelback-error with willRetry false, whatever else the transport repeats', async () => {
    const element = await mountRatingBar({}, { transport });
    const seen = outcomes(element);
    shadowAll(element, '[role="radio"]')[2].click();
    const { id } = transport.sent[0];
    transport.fail(id, 'HTTP 503', true);
    transport.fail(id, 'HTTP 400', false); // the fake also reports `dropped`, as the transport did
    transport.accept(id); // too late: the answer already settled
    expect(seen).toEqual([`error ${id} true`, `error ${id} false`]);
  });

  it('only the element that sent an answer reports it, though both share a transport', async () => {
    const first = await mountRatingBar({}, { transport });
    const second = await mountRatingBar({}, { transport });
    const firstSeen = outcomes(first);
    const secondSeen = outcomes(second);
    shadowAll(first, '[role="radio"]')[0].click();
    transport.accept(transport.sent[0].id);
    expect(firstSeen).toEqual([`sent ${transport.sent[0].id}`]);
    expect(secondSeen).toEqual([]);
  });

  it('a detached element stops listening to the page-long transport, and hears its answer again once reattached', async () => {
    const element = await mountRatingBar({}, { transport });
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
