package org.voiceai.realtime.call;

/**
 * The call's clock-driven ends: after the idle timeout one reprompt, then goodbye; goodbye at the maximum duration.
 * Used under the call session's lock only.
 */
final class CallTimers {

	private final CallTimeouts timeouts;

	private final long acceptedAt;

	private long lastActivity;

	private int reprompts;

	CallTimers(CallTimeouts timeouts, long acceptedAt) {
		this.timeouts = timeouts;
		this.acceptedAt = acceptedAt;
		this.lastActivity = acceptedAt;
	}

	/** The caller or the agent did something: the idle timeout starts again. */
	void activity(long now) {
		this.lastActivity = now;
	}

	/** @param waiting whether the call waits for the caller (listening, nothing playing, no reply under way) */
	Due check(long now, boolean waiting) {
		if (now - this.acceptedAt > this.timeouts.maxDuration().toNanos()) {
			return Due.MAX_DURATION;
		}
		if (!waiting || now - this.lastActivity <= this.timeouts.idle().toNanos()) {
			return Due.NOTHING;
		}
		this.lastActivity = now;
		return (this.reprompts++ == 0) ? Due.REPROMPT : Due.SILENT;
	}

	/** How long an announced transfer or hang-up may wait for its announcement, from {@code now}. */
	long actionDeadline(long now) {
		return now + this.timeouts.action().toNanos();
	}

	enum Due {

		NOTHING,

		/** Ask whether the caller is still there. */
		REPROMPT,

		/** Still silent after the reprompt: goodbye. */
		SILENT,

		MAX_DURATION

	}

}
