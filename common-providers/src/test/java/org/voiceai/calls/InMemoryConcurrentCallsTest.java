package org.voiceai.calls;

import java.time.Duration;
import java.time.Instant;

import org.voiceai.sharedstate.InMemorySharedState;
import org.voiceai.sharedstate.MutableClock;
import org.voiceai.sharedstate.SharedState;

/** The concurrent-call limit on the single-instance store, with a clock moved by hand. */
class InMemoryConcurrentCallsTest extends ConcurrentCallsContract {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T12:00:00Z"));

	@Override
	protected SharedState newState() {
		return new InMemorySharedState(this.clock);
	}

	@Override
	protected void advance(Duration duration) {
		this.clock.advance(duration);
	}

}
