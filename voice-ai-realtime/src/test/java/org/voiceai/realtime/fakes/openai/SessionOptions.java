package org.voiceai.realtime.fakes.openai;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How the fake's sessions behave beyond the protocol: how reply audio is streamed, what an unscripted reply says, and
 * whether every {@code input_audio_buffer.append} is kept for inspection.
 *
 * @param replyChunk {@code null}: a reply's audio is sent at once in 100 ms deltas (fast tests); otherwise deltas of
 * this length streamed at real time, as the API does while it generates speech
 * @param replyAhead how far ahead of real time a streamed reply runs (the API starts a little ahead of playback)
 * @param defaultReply the length of a reply nobody queued
 * @param keepAppends whether appends are kept in {@link FakeRealtimeSession#received()}; a load run only counts them
 * @param timer schedules streamed deltas; {@code null} when replies are not streamed
 * @param lateReplies counts streamed replies that had a delta sent after its own playback time (the fake's lateness,
 * which no bridge could hide); {@code null} when replies are not streamed
 */
record SessionOptions(Duration replyChunk, Duration replyAhead, Duration defaultReply, boolean keepAppends,
		ScheduledExecutorService timer, AtomicLong lateReplies) {

	static final SessionOptions DEFAULTS = new SessionOptions(null, Duration.ZERO, Duration.ofMillis(300), true, null,
			null);

	boolean streamsReplies() {
		return this.replyChunk != null;
	}

}
