import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetWarnings } from '../../src/internal/warn.js';
import { DeferredTransport, HELD_PREFIX, type TransportLoader } from '../../src/transport/deferred.js';
import type { FeedbackEvent } from '../../src/context/event.js';
import type { TransportOptions } from '../../src/transport/types.js';
import { FakeTransport } from '../support/fake-transport.js';
import { makeEvent } from '../support/events.js';
import { ENDPOINT, FakeStorage, QUEUE_KEY } from './support.js';

const HELD_KEY = `${HELD_PREFIX}${ENDPOINT}`;

/** A loader the test resolves or fails by hand; records the options the transport was created with. */
function controlledLoader() {
  const created: Array<{ options: TransportOptions; transport: FakeTransport }> = [];
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const loaded = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  const load = vi.fn<TransportLoader>(async () => {
    await loaded;
    return (options) => {
      const transport = new FakeTransport();
      created.push({ options, transport });
      return transport;
    };
  });
  return { load, created, resolve, reject };
}

const settle = () => new Promise((done) => setTimeout(done, 5));

beforeEach(() => {
  // Transports of earlier tests still hold answers and listen for page hides: never let them reach the network.
  vi.spyOn(globalThis.navigator, 'sendBeacon').mockImplementation(() => true);
});

afterEach(() => {
  resetWarnings();
});

describe('DeferredTransport: the transport loads with the first answer', () => {
  it('loads nothing until an answer is given, then hands every held answer over in order', async () => {
    const loader = controlledLoader();
    const storage = new FakeStorage();
    const transport = new DeferredTransport({ endpoint: ENDPOINT, storage }, loader.load);
    await settle();
    expect(loader.load).not.toHaveBeenCalled();

    const first = makeEvent();
    const second = makeEvent();
    transport.send(first);
    transport.send(second);
    expect(loader.load).toHaveBeenCalledTimes(1);
    expect(transport.pending()).toBe(2);
    // Held in storage too, by the end of the task, so a visitor who leaves before the file arrives still counts.
    await settle();
    expect(JSON.parse(storage.getItem(HELD_KEY)!).map((e: { id: string }) => e.id)).toEqual([first.id, second.id]);

    loader.resolve();
    await transport.start();
    const real = loader.created[0].transport;
    expect(real.sent.map((e) => e.id)).toEqual([first.id, second.id]);
    expect(storage.getItem(HELD_KEY)).toBeNull();
    const third = makeEvent();
    transport.send(third);
    expect(real.sent.at(-1)!.id).toBe(third.id);
  });

  it("relays the real transport's sent, error and dropped events with their details", async () => {
    const loader = controlledLoader();
    loader.resolve();
    const transport = new DeferredTransport({ endpoint: ENDPOINT, storage: new FakeStorage() }, loader.load);
    const seen: string[] = [];
    for (const type of ['sent', 'error', 'dropped']) transport.addEventListener(type, (e) => seen.push(`${type}:${(e as CustomEvent).detail.id}`));
    transport.send(makeEvent());
    await transport.start();
    const real = loader.created[0].transport;
    real.accept('a');
    real.fail('b', 'HTTP 400', false);
    expect(seen).toEqual(['sent:a', 'error:b', 'dropped:b']);
  });

  it('creates the transport with the latest consent and options', async () => {
    const loader = controlledLoader();
    const transport = new DeferredTransport({ endpoint: ENDPOINT, storage: new FakeStorage(), batchSize: 5 }, loader.load);
    transport.setConsent('pending');
    transport.configure({ batchSize: 9 });
    transport.send(makeEvent());
    loader.resolve();
    await transport.start();
    expect(loader.created[0].options).toMatchObject({ endpoint: ENDPOINT, consent: 'pending', batchSize: 9 });
  });
});

describe('DeferredTransport: many answers before the file arrives', () => {
  it('writes what it holds to storage once per task, however many answers the task gave', async () => {
    const storage = new FakeStorage();
    const setItem = vi.spyOn(storage, 'setItem');
    const loader = controlledLoader();
    const transport = new DeferredTransport({ endpoint: ENDPOINT, storage }, loader.load);
    const answers = Array.from({ length: 1000 }, () => makeEvent());
    for (const answer of answers) transport.send(answer);
    await settle();
    expect(setItem.mock.calls.filter(([key]) => key === HELD_KEY)).toHaveLength(1);
    // The newest 200 wait in storage (the oldest go first, as in the queue); all 1,000 in memory.
    expect(JSON.parse(storage.getItem(HELD_KEY)!).map((e: { id: string }) => e.id)).toEqual(answers.slice(-200).map((a) => a.id));
    expect(transport.pending()).toBe(1000);

    // A second task's answers: one more write, appended to what is there.
    const later = makeEvent();
    transport.send(later);
    await settle();
    expect(setItem.mock.calls.filter(([key]) => key === HELD_KEY)).toHaveLength(2);
    expect(JSON.parse(storage.getItem(HELD_KEY)!).at(-1).id).toBe(later.id);

    loader.resolve();
    await transport.start();
    await settle();
    expect(loader.created[0].transport.sent).toHaveLength(1001);
    expect(storage.getItem(HELD_KEY)).toBeNull();
  });
});

describe('DeferredTransport: a file that cannot load', () => {
  it('never throws into the page, warns once, and keeps every answer for a later page', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const storage = new FakeStorage();
    const broken = controlledLoader();
    const transport = new DeferredTransport({ endpoint: ENDPOINT, storage }, broken.load);
    const answers = [makeEvent(), makeEvent()];
    broken.reject(new Error('Failed to fetch dynamically imported module: https://cdn.example/internal/transport.min.js'));
    for (const answer of answers) expect(() => transport.send(answer)).not.toThrow();
    await transport.start();
    await expect(transport.flush()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/^feelback: could not load the transport for https:\/\/collect\.example\/feedback \(Failed to fetch.*transport\.min\.js\); answers stay queued/);
    expect(transport.pending()).toBe(2);

    // The next page: the file loads. The held answers go out at idle, without waiting for a new answer.
    const working = controlledLoader();
    working.resolve();
    new DeferredTransport({ endpoint: ENDPOINT, storage }, working.load);
    await vi.waitFor(() => expect(working.created).toHaveLength(1));
    await settle();
    expect(working.created[0].transport.sent.map((e) => e.id)).toEqual(answers.map((a) => a.id));
    expect(storage.getItem(HELD_KEY)).toBeNull();
  });

  it('tries again on this page: when the visitor is back online, and with the next answer', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    let failures = 1;
    const created: FakeTransport[] = [];
    const load = vi.fn<TransportLoader>(async () => {
      if (failures-- > 0) throw new Error('Failed to fetch dynamically imported module');
      return () => {
        const transport = new FakeTransport();
        created.push(transport);
        return transport;
      };
    });
    const offline = new DeferredTransport({ endpoint: ENDPOINT, storage: new FakeStorage() }, load);
    const answer = makeEvent();
    offline.send(answer);
    await offline.start();
    expect(created).toHaveLength(0);
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(created).toHaveLength(1));
    await settle();
    expect(created[0].sent.map((event) => event.id)).toEqual([answer.id]);
    expect(load).toHaveBeenCalledTimes(2);

    // Without an online event: the next answer loads the file again.
    failures = 1;
    const flaky = new DeferredTransport({ endpoint: `${ENDPOINT}/b`, storage: new FakeStorage() }, load);
    const first = makeEvent();
    flaky.send(first);
    await flaky.start();
    expect(created).toHaveLength(1);
    const second = makeEvent();
    flaky.send(second);
    await vi.waitFor(() => expect(created).toHaveLength(2));
    await settle();
    expect(created[1].sent.map((event) => event.id)).toEqual([first.id, second.id]);
    flaky.destroy();
  });

  it('keeps personal data (a call-back request) in memory only, unless the site opted in', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const storage = new FakeStorage();
    const broken = controlledLoader();
    broken.reject(new Error('offline'));
    const transport = new DeferredTransport({ endpoint: ENDPOINT, storage }, broken.load);
    transport.send(makeEvent('callback'));
    await transport.start();
    expect(storage.getItem(HELD_KEY)).toBeNull();
    expect(transport.pending()).toBe(1);

    const optedIn = new DeferredTransport({ endpoint: `${ENDPOINT}/b`, storage, persistPersonalData: true }, broken.load);
    optedIn.send(makeEvent('callback'));
    await settle();
    expect(JSON.parse(storage.getItem(`${HELD_PREFIX}${ENDPOINT}/b`)!)).toHaveLength(1);
  });

  it('holds answers in memory only while consent is pending, and drops them when it is denied', async () => {
    const storage = new FakeStorage();
    const never = controlledLoader();
    const transport = new DeferredTransport({ endpoint: ENDPOINT, storage, consent: 'pending' }, never.load);
    transport.send(makeEvent());
    expect(storage.getItem(HELD_KEY)).toBeNull();
    transport.setConsent('granted');
    await settle();
    expect(JSON.parse(storage.getItem(HELD_KEY)!)).toHaveLength(1);
    transport.setConsent('denied');
    expect(storage.getItem(HELD_KEY)).toBeNull();
    expect(transport.pending()).toBe(0);
  });
});

describe("DeferredTransport: the site's transform and the end of the transport", () => {
  /** A transform that strips the page URL, and counts its calls. */
  const redacting = () =>
    vi.fn((event: FeedbackEvent): FeedbackEvent | null => ({ ...event, context: { ...event.context, url: 'redacted' } }));

  it('redacts an answer before holding it, so storage never sees the original, and runs once per answer', async () => {
    const storage = new FakeStorage();
    const loader = controlledLoader();
    const transform = redacting();
    const transport = new DeferredTransport({ endpoint: ENDPOINT, storage, transform }, loader.load);
    const answer = makeEvent();
    transport.send(answer);
    await settle();
    expect(storage.getItem(HELD_KEY)).not.toContain(answer.context.url);
    expect(JSON.parse(storage.getItem(HELD_KEY)!)[0].context.url).toBe('redacted');

    loader.resolve();
    await transport.start();
    const { options, transport: real } = loader.created[0];
    expect(options.transform).toBeUndefined();
    expect(real.sent.map((event) => event.context.url)).toEqual(['redacted']);
    transport.send(makeEvent());
    expect(real.sent.map((event) => event.context.url)).toEqual(['redacted', 'redacted']);
    expect(transform).toHaveBeenCalledTimes(2);
  });

  it('sends nothing, and reports nothing, for an answer the transform turns down; a throwing transform is a final error', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const storage = new FakeStorage();
    const loader = controlledLoader();
    const transport = new DeferredTransport(
      {
        endpoint: ENDPOINT,
        storage,
        transform: (event) => {
          if (event.type === 'comment') return null;
          if (event.type === 'feeling') throw new Error('bad field');
          return event;
        },
      },
      loader.load,
    );
    const errors: unknown[] = [];
    transport.addEventListener('error', (event) => errors.push((event as CustomEvent).detail));
    transport.send(makeEvent('comment'));
    expect(loader.load).not.toHaveBeenCalled();
    const feeling = makeEvent('feeling');
    transport.send(feeling);
    expect(errors).toEqual([{ id: feeling.id, error: 'transform threw (Error: bad field); event not sent', willRetry: false }]);
    await settle();
    expect(storage.getItem(HELD_KEY)).toBeNull();
    expect(transport.pending()).toBe(0);
  });

  it('a transform set later with configure() applies to later answers and stays out of the loaded transport', async () => {
    const loader = controlledLoader();
    loader.resolve();
    const transport = new DeferredTransport({ endpoint: ENDPOINT, storage: new FakeStorage() }, loader.load);
    transport.send(makeEvent());
    await transport.start();
    const real = loader.created[0].transport;
    const configure = vi.fn();
    Object.assign(real, { configure });
    transport.configure({ transform: redacting(), batchSize: 3 });
    expect(configure).toHaveBeenCalledWith({ batchSize: 3 });
    transport.send(makeEvent());
    expect(real.sent.map((event) => event.context.url)).toEqual([makeEvent().context.url, 'redacted']);
  });

  it('destroyed before its file loads: answers held in memory only end with a final error; stored ones wait for a later page', async () => {
    const storage = new FakeStorage();
    const never = controlledLoader();
    const transport = new DeferredTransport({ endpoint: ENDPOINT, storage }, never.load);
    const errors: Array<{ id: string; error: string; willRetry: boolean }> = [];
    transport.addEventListener('error', (event) => errors.push((event as CustomEvent).detail));
    const rating = makeEvent();
    const callback = makeEvent('callback');
    transport.send(rating);
    transport.send(callback);
    await settle();
    transport.destroy();
    expect(errors).toEqual([{ id: callback.id, error: 'transport was destroyed; event not sent', willRetry: false }]);
    expect(JSON.parse(storage.getItem(HELD_KEY)!).map((event: { id: string }) => event.id)).toEqual([rating.id]);

    const late = makeEvent();
    transport.send(late);
    expect(errors.at(-1)).toEqual({ id: late.id, error: 'transport was destroyed; event not sent', willRetry: false });
    never.resolve();
    await settle();
    expect(never.created).toEqual([]);
  });

  it('warns once that "dropped" is deprecated when a page listens for it, as the transport does', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const transport = new DeferredTransport({ endpoint: ENDPOINT, storage: new FakeStorage() }, controlledLoader().load);
    transport.addEventListener('error', () => {});
    expect(warn).not.toHaveBeenCalled();
    transport.addEventListener('dropped', () => {});
    transport.addEventListener('dropped', () => {});
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain('"dropped" is deprecated');
  });
});

describe('DeferredTransport: storage options changed before its file loads', () => {
  const heldIds = (storage: FakeStorage, key = HELD_KEY) =>
    (JSON.parse(storage.getItem(key) ?? '[]') as Array<{ id: string }>).map((event) => event.id);

  it('persist: "memory" takes what waits out of storage, keeps it in memory and stores nothing new', async () => {
    const storage = new FakeStorage();
    const loader = controlledLoader();
    const transport = new DeferredTransport({ endpoint: ENDPOINT, storage }, loader.load);
    const first = makeEvent();
    transport.send(first);
    await settle();
    expect(heldIds(storage)).toEqual([first.id]);

    transport.configure({ persist: 'memory' });
    expect(storage.getItem(HELD_KEY)).toBeNull();
    const second = makeEvent();
    transport.send(second);
    await settle();
    expect(storage.getItem(HELD_KEY)).toBeNull();
    expect(transport.pending()).toBe(2);

    loader.resolve();
    await transport.start();
    expect(loader.created[0].transport.sent.map((event) => event.id)).toEqual([first.id, second.id]);
  });

  it('persistPersonalData turned off takes a stored call-back request out of storage; turned on writes it', async () => {
    const storage = new FakeStorage();
    const loader = controlledLoader();
    const transport = new DeferredTransport({ endpoint: ENDPOINT, storage, persistPersonalData: true }, loader.load);
    const rating = makeEvent();
    const callback = makeEvent('callback');
    transport.send(rating);
    transport.send(callback);
    await settle();
    expect(heldIds(storage)).toEqual([rating.id, callback.id]);

    transport.configure({ persistPersonalData: false });
    expect(heldIds(storage)).toEqual([rating.id]);
    transport.configure({ persistPersonalData: true });
    expect(heldIds(storage)).toEqual([rating.id, callback.id]);
    expect(transport.pending()).toBe(2);
  });

  it("another storage: what waits moves there, an earlier page's answers included", async () => {
    const before = new FakeStorage();
    const after = new FakeStorage();
    const earlier = makeEvent();
    before.setItem(HELD_KEY, JSON.stringify([earlier]));
    const loader = controlledLoader();
    const transport = new DeferredTransport({ endpoint: ENDPOINT, storage: before }, loader.load);
    const mine = makeEvent();
    transport.send(mine);
    await settle();
    expect(heldIds(before)).toEqual([earlier.id, mine.id]);

    transport.configure({ storage: after });
    expect(before.getItem(HELD_KEY)).toBeNull();
    expect(heldIds(after)).toEqual([earlier.id, mine.id]);

    loader.resolve();
    await transport.start();
    expect(loader.created[0].transport.sent.map((event) => event.id)).toEqual([earlier.id, mine.id]);
    expect(after.getItem(HELD_KEY)).toBeNull();
  });
});

describe('DeferredTransport: the page hides before its file arrives', () => {
  function beaconRecorder() {
    const bodies: Array<{ url: string; ids: string[] }> = [];
    const sendBeacon = vi.fn((url: string, body: string) => {
      bodies.push({ url, ids: (JSON.parse(body) as { v: number; events: Array<{ id: string }> }).events.map((event) => event.id) });
      return true;
    });
    return { bodies, sendBeacon };
  }

  it('beacons what it holds, call-back requests kept in memory included, once each; they stay held for the transport', async () => {
    const { bodies, sendBeacon } = beaconRecorder();
    const loader = controlledLoader();
    const transport = new DeferredTransport({ endpoint: ENDPOINT, storage: new FakeStorage(), sendBeacon }, loader.load);
    const rating = makeEvent();
    const callback = makeEvent('callback');
    transport.send(rating);
    transport.send(callback);
    window.dispatchEvent(new Event('pagehide'));
    expect(bodies).toEqual([{ url: ENDPOINT, ids: [rating.id, callback.id] }]);
    expect(transport.pending()).toBe(2);

    // Hidden again (the visitor came back and left again): only what is new goes.
    const later = makeEvent();
    transport.send(later);
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(bodies.at(-1)).toEqual({ url: ENDPOINT, ids: [later.id] });

    // The file arrives: the transport takes all three, and beacons on later hides itself.
    loader.resolve();
    await transport.start();
    expect(loader.created[0].transport.sent.map((event) => event.id)).toEqual([rating.id, callback.id, later.id]);
    window.dispatchEvent(new Event('pagehide'));
    expect(bodies).toHaveLength(2);
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
  });

  it('beacons nothing while consent is pending, and nothing when the browser refuses (the answers stay held)', () => {
    const pending = beaconRecorder();
    const held = new DeferredTransport({ endpoint: ENDPOINT, storage: new FakeStorage(), consent: 'pending', sendBeacon: pending.sendBeacon }, controlledLoader().load);
    held.send(makeEvent());
    window.dispatchEvent(new Event('pagehide'));
    expect(pending.sendBeacon).not.toHaveBeenCalled();

    const refusing = vi.fn(() => false);
    const transport = new DeferredTransport({ endpoint: `${ENDPOINT}/r`, storage: new FakeStorage(), sendBeacon: refusing }, controlledLoader().load);
    transport.send(makeEvent());
    window.dispatchEvent(new Event('pagehide'));
    window.dispatchEvent(new Event('pagehide'));
    // Refused, so not counted as sent: tried again on the next hide.
    expect(refusing).toHaveBeenCalledTimes(2);
    expect(transport.pending()).toBe(1);
    held.destroy();
    transport.destroy();
  });
});

describe('DeferredTransport: damaged storage, denied consent, a destroyed transport, odd transforms', () => {
  it('leaves out damaged entries in storage and never throws on them', async () => {
    const storage = new FakeStorage();
    const earlier = makeEvent();
    storage.setItem(HELD_KEY, JSON.stringify([null, {}, 'x', 7, earlier]));
    const loader = controlledLoader();
    const transport = new DeferredTransport({ endpoint: ENDPOINT, storage }, loader.load);
    const mine = makeEvent();
    transport.send(mine);
    await settle();
    expect(() => transport.configure({ persistPersonalData: true })).not.toThrow();
    loader.resolve();
    await transport.start();
    expect(loader.created[0].transport.sent.map((event) => event.id)).toEqual([earlier.id, mine.id]);
    expect(storage.getItem(HELD_KEY)).toBeNull();
  });

  it('with consent denied, an answer ends at once with its reason and loads nothing; what an earlier page left waits', async () => {
    const storage = new FakeStorage();
    const earlier = makeEvent();
    storage.setItem(HELD_KEY, JSON.stringify([earlier]));
    const loader = controlledLoader();
    const transport = new DeferredTransport({ endpoint: ENDPOINT, storage, consent: 'denied' }, loader.load);
    const errors: unknown[] = [];
    transport.addEventListener('error', (event) => errors.push((event as CustomEvent).detail));
    const answer = makeEvent();
    transport.send(answer);
    expect(errors).toEqual([{ id: answer.id, error: 'consent denied: event not sent', willRetry: false }]);
    expect(transport.pending()).toBe(0);
    await new Promise((done) => setTimeout(done, 50)); // past the idle check
    expect(loader.load).not.toHaveBeenCalled();
    expect(JSON.parse(storage.getItem(HELD_KEY)!)[0].id).toBe(earlier.id);
  });

  it('a storage option set again to the same value, or changed while consent is pending, keeps what was stored', async () => {
    const storage = new FakeStorage();
    const earlier = makeEvent();
    storage.setItem(HELD_KEY, JSON.stringify([earlier]));
    const transport = new DeferredTransport({ endpoint: ENDPOINT, storage, consent: 'pending' }, controlledLoader().load);
    transport.send(makeEvent());
    transport.configure({ persist: 'local' });
    transport.configure({ persistPersonalData: true });
    await settle();
    expect(JSON.parse(storage.getItem(HELD_KEY)!).map((event: { id: string }) => event.id)).toEqual([earlier.id]);
  });

  it('destroy() reports every held answer storage did not take: refused (full), or past the newest 200', async () => {
    const full = new FakeStorage();
    vi.spyOn(full, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const refused = new DeferredTransport({ endpoint: ENDPOINT, storage: full }, controlledLoader().load);
    const errors: string[] = [];
    refused.addEventListener('error', (event) => errors.push((event as CustomEvent).detail.id));
    const answer = makeEvent();
    refused.send(answer);
    refused.destroy();
    expect(errors).toEqual([answer.id]);

    const storage = new FakeStorage();
    const many = new DeferredTransport({ endpoint: `${ENDPOINT}/many`, storage }, controlledLoader().load);
    const lost: string[] = [];
    many.addEventListener('error', (event) => lost.push((event as CustomEvent).detail.id));
    const answers = Array.from({ length: 250 }, () => makeEvent());
    for (const event of answers) many.send(event);
    many.destroy();
    expect(lost).toEqual(answers.slice(0, 50).map((event) => event.id));
    expect(JSON.parse(storage.getItem(`${HELD_PREFIX}${ENDPOINT}/many`)!)).toHaveLength(200);
  });

  it('configure() and setConsent() after destroy() change nothing', async () => {
    const storage = new FakeStorage();
    const transport = new DeferredTransport({ endpoint: ENDPOINT, storage }, controlledLoader().load);
    const answer = makeEvent();
    transport.send(answer);
    await settle();
    transport.destroy();
    transport.configure({ persist: 'memory' });
    transport.setConsent('denied');
    expect(JSON.parse(storage.getItem(HELD_KEY)!)[0].id).toBe(answer.id);
  });

  it('a transform that returns false skips the answer quietly; one that returns something else is a final error', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const transport = new DeferredTransport(
      {
        endpoint: ENDPOINT,
        storage: new FakeStorage(),
        transform: (event) => (event.type === 'callback' ? (false as unknown as null) : event.type === 'comment' ? ('nope' as unknown as null) : event),
      },
      controlledLoader().load,
    );
    const errors: Array<{ id: string; error: string }> = [];
    transport.addEventListener('error', (event) => errors.push((event as CustomEvent).detail));
    expect(() => transport.send(makeEvent('callback'))).not.toThrow();
    const comment = makeEvent('comment');
    transport.send(comment);
    expect(errors).toEqual([{ id: comment.id, error: 'transform returned "nope", not an event; event not sent', willRetry: false }]);
    expect(transport.pending()).toBe(0);
    transport.destroy();
  });
});

describe('DeferredTransport: an earlier page left a queue', () => {
  it("starts the transport when the page is idle if the transport's own queue has this endpoint's answers", async () => {
    const storage = new FakeStorage();
    storage.setItem(QUEUE_KEY, '{"v":2,"owners":{}}');
    const loader = controlledLoader();
    loader.resolve();
    new DeferredTransport({ endpoint: ENDPOINT, storage }, loader.load);
    expect(loader.load).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(loader.created).toHaveLength(1));
  });

  it('loads nothing for another endpoint, or with persist: "memory"', async () => {
    const storage = new FakeStorage();
    storage.setItem(QUEUE_KEY, '{"v":2,"owners":{}}');
    const loader = controlledLoader();
    loader.resolve();
    new DeferredTransport({ endpoint: 'https://other.example/collect', storage }, loader.load);
    new DeferredTransport({ endpoint: ENDPOINT, storage, persist: 'memory' }, loader.load);
    await settle();
    expect(loader.load).not.toHaveBeenCalled();
  });

  it("while consent is pending, an earlier page's answers stay in storage until consent is settled", async () => {
    const storage = new FakeStorage();
    const earlier = makeEvent();
    storage.setItem(HELD_KEY, JSON.stringify([earlier]));
    const loader = controlledLoader();
    loader.resolve();
    const transport = new DeferredTransport({ endpoint: ENDPOINT, storage, consent: 'pending' }, loader.load);
    transport.send(makeEvent());
    await transport.start();
    expect(loader.created[0].transport.sent.map((event) => event.id)).toContain(earlier.id);
    // The transport holds them in memory only while consent is pending: a visitor who leaves now loses nothing.
    expect(JSON.parse(storage.getItem(HELD_KEY)!).map((event: { id: string }) => event.id)).toEqual([earlier.id]);
    transport.setConsent('granted');
    expect(storage.getItem(HELD_KEY)).toBeNull();
  });
});
