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

	final OutboundPacer pacer = new OutboundPacer(AudioFormat.PCM16_8K,
			new Pacing(Duration.ofMillis(60), Duration.ZERO), this.sent::add);

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

	@Test
	void aPrebufferGathersAReplysFirstAudioBeyondTheLeadForAtMostItsLength() {
		List<byte[]> out = new ArrayList<>();
		OutboundPacer buffered = new OutboundPacer(AudioFormat.PCM16_8K,
				new Pacing(Duration.ofMillis(60), Duration.ofMillis(40)), out::add);
		// A provider streaming at real time, 40 ms ahead: 60 ms at once, then 20 ms every 20 ms.
		buffered.enqueue(audio(60), 0);
		buffered.drain(10 * MS);
		buffered.enqueue(audio(20), 20 * MS);
		buffered.drain(30 * MS);
		assertThat(out).isEmpty();
		// 100 ms gathered (60 of lead + 40): the run starts, sending its lead's worth.
		buffered.enqueue(audio(20), 40 * MS);
		assertThat(out).hasSize(4);
		buffered.endItem(40 * MS);
		buffered.drain(300 * MS);
		assertThat(out).hasSize(5);
		// A reply that never gathers that much starts 40 ms after its audio arrived...
		buffered.enqueue(audio(20), 400 * MS);
		buffered.drain(430 * MS);
		assertThat(out).hasSize(5);
		buffered.drain(440 * MS);
		assertThat(out).hasSize(6);
		// ...and a complete one goes at once, however short.
		buffered.endItem(440 * MS);
		buffered.drain(600 * MS);
		buffered.enqueue(audio(20), 700 * MS);
		buffered.endItem(700 * MS);
		assertThat(out).hasSize(7);
		// A provider sending faster than real time loses nothing: its first burst fills the prebuffer.
		buffered.drain(900 * MS);
		buffered.enqueue(audio(200), 1000 * MS);
		assertThat(out).hasSize(11);
	}

	@Test
	void aPrebufferAbsorbsDeliveryJitterThatWouldOtherwiseBeHeardAsAGap() {
		assertThat(underrunsOfAJitteryStream(Duration.ZERO)).isEqualTo(1);
		assertThat(underrunsOfAJitteryStream(Duration.ofMillis(40))).isZero();
	}

	/**
	 * A provider streaming 20 ms deltas 40 ms ahead of real time, whose tenth delta reaches the bridge 60 ms late
	 * (the later ones catch up), under the pacing clock's 10 ms ticks.
	 */
	private static long underrunsOfAJitteryStream(Duration prebuffer) {
		OutboundPacer pacer = new OutboundPacer(AudioFormat.PCM16_8K, new Pacing(Duration.ofMillis(60), prebuffer),
				(frame) -> {
				});
		int deltas = 50;
		long[] arrival = new long[deltas];
		for (int n = 0; n < deltas; n++) {
			arrival[n] = Math.max(0, n * 20 - 40) * MS;
		}
		long lateArrival = arrival[10] + 60 * MS;
		for (int n = 10; n < deltas; n++) {
			arrival[n] = Math.max(arrival[n], lateArrival);
		}
		int next = 0;
		for (long t = 0; next < deltas; t += MS) {
			while (next < deltas && arrival[next] <= t) {
				pacer.enqueue(audio(20), t);
				next++;
			}
			if (t % (10 * MS) == 0) {
				pacer.drain(t);
			}
		}
		return pacer.underruns();
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
