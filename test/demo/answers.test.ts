import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM module of the demo, typed by its JSDoc
import { latestAnswers } from '../../demo/public/answers.mjs';

type Minimal = { id: string; type: string; widget: string; createdAt: string; context: { sessionId: string } };

function event(id: string, type: string, widget: string, sessionId: string, minute: number): Minimal {
  return { id, type, widget, createdAt: new Date(Date.UTC(2026, 10, 23, 10, minute)).toISOString(), context: { sessionId } };
}

describe('latestAnswers', () => {
  it("counts a visitor's latest rating per widget, every other visitor's too, and every comment", () => {
    const events = [
      event('c1', 'comment', 'nps', 'a', 5),
      event('r3', 'rating', 'nps', 'a', 4),
      event('r2', 'rating', 'nps', 'b', 3),
      event('r1', 'rating', 'nps', 'a', 1),
      event('x1', 'rating', 'stars', 'a', 0),
    ];
    expect(latestAnswers(events).map((e: Minimal) => e.id)).toEqual(['c1', 'r3', 'r2', 'x1']);
  });

  it('keeps the newest even when the list is not sorted, and treats feelings the same way', () => {
    const events = [event('f1', 'feeling', 'how', 'a', 1), event('f2', 'feeling', 'how', 'a', 2), event('cb', 'callback', 'how', 'a', 3)];
    expect(latestAnswers(events).map((e: Minimal) => e.id)).toEqual(['f2', 'cb']);
  });
});
