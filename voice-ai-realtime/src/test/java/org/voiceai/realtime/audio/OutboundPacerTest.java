package org.voiceai.realtime.audio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.voiceai.audio.AudioFormat;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundPacerTest {

	static final long MS = 1_000_000L;

	final List<byte[]> sent = new ArrayList<>();

	long lastTick;

	final OutboundPacer pacer = new OutboundPacer(AudioFormat.PCM16_8K, Duration.ofMillis(60), this.sent::add);

	@Test
	void sendsNoMoreThanTheLeadAheadOfRealTime() {
		this.pacer.enqueue(audio(1000), 0);
		// Frame k is due at k*20 ms; with 60 ms of lead, frames 0..3 go at once.
		assertThat(this.sent).hasSize(4);
		this.pacer.drain(10 * MS);
		assertThat(this.sent).hasSize(4);
		this.pacer.drain(20 * MS);
		assertThat(this.sent).hasSize(5);
		tickUntil(500);
		// Frames 0..28: the last one is due at 560 ms, 60 ms ahead.
		assertThat(this.sent).hasSize(29);
		assertThat(this.pacer.lateFrames()).isZero();
		assertThat(this.sent).allSatisfy((frame) -> assertThat(frame).hasSize(320));
	}

	@Test
	void playedMillisFollowsTheClockNotTheBytesSent() {
		this.pacer.enqueue(audio(1000), 0);
		assertThat(this.pacer.playedMillis(0)).isZero();
		tickUntil(250);
		assertThat(this.pacer.playedMillis(250 * MS)).isEqualTo(240);
		assertThat(this.pacer.isPlaying(250 * MS)).isTrue();
	}

	@Test
	void clearDropsWhatWasNotSentAndReportsWhatWasHeard() {
		this.pacer.enqueue(audio(1000), 0);
		tickUntil(100);
		long heard = this.pacer.clear(110 * MS);
		assertThat(heard).isEqualTo(100);
		int sentBefore = this.sent.size();
		tickUntil(1000);
		assertThat(this.sent).hasSize(sentBefore);
		assertThat(this.pacer.isPlaying(1000 * MS)).isFalse();
	}

	@Test
	void aReplyArrivingSlowerThanRealTimeCountsUnderruns() {
		this.pacer.enqueue(audio(100), 0);
		tickUntil(200);
		this.pacer.enqueue(audio(100), 300 * MS);
		assertThat(this.pacer.underruns()).isEqualTo(1);
		this.pacer.endItem(300 * MS);
		// A new reply after the previous one ended is not an underrun.
		this.pacer.enqueue(audio(100), 900 * MS);
		assertThat(this.pacer.underruns()).isEqualTo(1);
	}

	@Test
	void aTickThatComesTooLateCountsALateFrame() {
		this.pacer.enqueue(audio(1000), 0);
		// No tick for 500 ms: FreeSWITCH played the 80 ms it had, then nothing.
		this.pacer.drain(500 * MS);
		assertThat(this.pacer.lateFrames()).isEqualTo(1);
	}

	@Test
	void playedMillisOfAFinishedReplyStillCountsWhileItPlaysOut() {
		this.pacer.enqueue(audio(400), 0);
		this.pacer.endItem(0);
		tickUntil(150);
		assertThat(this.pacer.playedMillis(150 * MS)).isEqualTo(140);
		assertThat(this.pacer.playedOutAt(150 * MS)).isEqualTo(Long.MAX_VALUE);
		tickUntil(400);
		assertThat(this.pacer.playedOutAt(400 * MS)).isEqualTo(400 * MS);
		assertThat(this.pacer.isPlaying(400 * MS)).isFalse();
	}

	@Test
	void theNextReplyCountsItsOwnPlayedMillis() {
		this.pacer.enqueue(audio(200), 0);
		this.pacer.endItem(0);
		this.pacer.enqueue(audio(200), 10 * MS);
		tickUntil(300);
		// The second reply starts after the first's 200 ms.
		assertThat(this.pacer.playedMillis(300 * MS)).isEqualTo(100);
	}

	/** The pacing clock's 10 ms ticks from the last tick up to {@code millis}. */
	private void tickUntil(long millis) {
		for (long t = this.lastTick + 10; t <= millis; t += 10) {
			this.pacer.drain(t * MS);
			this.lastTick = t;
		}
	}

	static byte[] audio(int millis) {
		return new byte[millis * 16];
	}

}
