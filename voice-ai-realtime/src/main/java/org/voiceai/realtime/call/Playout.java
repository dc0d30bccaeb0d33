package org.voiceai.realtime.call;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.voiceai.audio.AudioFormat;
import org.voiceai.realtime.audio.OutboundPacer;
import org.voiceai.realtime.audio.Pacing;
import org.voiceai.realtime.esl.EslEvent;
import org.voiceai.realtime.playback.PlaybackSink;

/**
 * What the caller hears: audio in the call's format, paced out to FreeSWITCH through the return mode's sink, with the
 * meters of the outbound path (first audio, added latency, frames). Used under the call session's lock only.
 */
final class Playout {

	private final OutboundPacer pacer;

	private final PlaybackSink sink;

	private final CallMetrics.Call metrics;

	private final LongSupplier clock;

	private final long acceptedAt;

	private boolean firstAudioSent;

	Playout(AudioFormat format, Pacing pacing, PlaybackSink sink, CallMetrics.Call metrics, LongSupplier clock,
			long acceptedAt) {
		this.sink = sink;
		this.pacer = new OutboundPacer(format, new Pacing(pacing.lead().plus(sink.extraLead()), pacing.prebuffer()),
				this::sendFrame);
		this.metrics = metrics;
		this.clock = clock;
		this.acceptedAt = acceptedAt;
	}

	/**
	 * Queues audio after what is playing, sending what is due.
	 * @param arrivedAt when the provider's audio reached the call, for the added-latency meter; -1 for none
	 */
	void play(byte[] pcm, long arrivedAt, long now) {
		this.pacer.enqueue(pcm, now);
		if (arrivedAt >= 0) {
			// The bridge's own share: waiting for the lock, converting, queueing and sending what was due. What waits
			// in the queue after that waits for its time by design (pacing, prebuffer).
			this.metrics.outboundLatency(this.clock.getAsLong() - arrivedAt);
		}
	}

	/** The item being queued is complete: its last partial frame may go out. */
	void endItem(long now) {
		this.pacer.endItem(now);
	}

	/** Drops what has not been heard, here and in FreeSWITCH; returns the milliseconds of the item that were heard. */
	long clear(long now) {
		long heard = this.pacer.clear(now);
		this.sink.clear();
		return heard;
	}

	/** The pacing clock's tick: sends due frames; tells the sink when nothing is left to play. */
	void tick(long now) {
		this.pacer.drain(now);
		if (!this.pacer.isPlaying(now) || this.pacer.playedOutAt(now) != Long.MAX_VALUE) {
			this.sink.idle();
		}
	}

	boolean isPlaying(long now) {
		return this.pacer.isPlaying(now);
	}

	/** When the caller will have heard everything queued so far; {@link Long#MAX_VALUE} while frames wait. */
	long playedOutAt(long now) {
		return this.pacer.playedOutAt(now);
	}

	void onEslEvent(EslEvent event) {
		this.sink.onEslEvent(event);
	}

	void ended() {
		this.metrics.ended(this.pacer.underruns(), this.pacer.lateFrames());
	}

	long underruns() {
		return this.pacer.underruns();
	}

	long lateFrames() {
		return this.pacer.lateFrames();
	}

	private void sendFrame(byte[] frame) {
		if (!this.firstAudioSent) {
			this.firstAudioSent = true;
			this.metrics.firstAudio(Duration.ofNanos(this.clock.getAsLong() - this.acceptedAt));
		}
		this.metrics.frameOut();
		this.sink.play(frame);
	}

}
