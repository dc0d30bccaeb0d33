package org.voiceai.realtime.audio;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.Consumer;

import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.FrameSplitter;

/**
 * Sends the agent's audio to FreeSWITCH at real time, in 20 ms frames at most {@code lead} ahead of what the caller
 * is hearing, instead of as fast as the provider produces it. FreeSWITCH plays what it receives at real time, so:
 * <ul>
 * <li>a barge-in stops the agent within {@code lead} (only that much is buffered on FreeSWITCH's side);</li>
 * <li>what the caller has heard is known from the clock: {@link #playedMillis} gives the provider's truncate its
 * number, and {@link #playedOutAt} tells when a farewell or transfer announcement has finished playing.</li>
 * </ul>
 * Positions are counted in frames on one output timeline. A <em>run</em> is a stretch of continuous playback that
 * starts when audio arrives with nothing playing; an <em>item</em> is one reply of the provider. When a reply's audio
 * arrives after its earlier audio has already played out, the caller heard a gap: an underrun. When our own tick
 * comes too late to keep FreeSWITCH fed while audio was queued, that is a late frame.
 * <p>
 * A run starts once {@code lead + prebuffer} of audio is queued, or {@code prebuffer} after its first audio arrived,
 * or when its item is complete, whichever comes first: a jitter buffer. A provider that sends faster than real time
 * fills it at once and loses nothing; one that streams at real time, a little ahead, starts up to {@code prebuffer}
 * later and in exchange has that much more slack before a late delta is heard as a gap.
 * <p>
 * Time is a monotonic nanosecond clock passed in by the caller. Not thread-safe: the call session serialises calls.
 */
public final class OutboundPacer {

	static final long FRAME_NANOS = 20_000_000L;

	private final FrameSplitter splitter;

	private final ArrayDeque<byte[]> queue = new ArrayDeque<>();

	private final Consumer<byte[]> sink;

	private final long leadNanos;

	private final long prebufferNanos;

	/** Frames a run gathers before it starts: the lead's and the prebuffer's. */
	private final int startFrames;

	/** When the audio now waiting for the next run to start arrived; -1 when none waits. */
	private long heldSince = -1;

	/** Frames of runs that have ended (all played). */
	private long framesBeforeRun;

	private long runStart = -1;

	private long runFrames;

	/** Timeline position of the current item's first frame; -1 when no item is open. */
	private long itemStart = -1;

	/** The item ended by {@link #endItem}, whose audio may still be playing; -1 when none. */
	private long lastItemStart = -1;

	private long underruns;

	private long lateFrames;

	/**
	 * @param format the call's format (16-bit PCM at the call's rate)
	 * @param pacing how far ahead of real time frames may be sent, and how much audio a run gathers first
	 * @param sink receives each frame, in order; must not block
	 */
	public OutboundPacer(AudioFormat format, Pacing pacing, Consumer<byte[]> sink) {
		this.splitter = FrameSplitter.of(format, Duration.ofMillis(20));
		this.leadNanos = pacing.lead().toNanos();
		this.prebufferNanos = pacing.prebuffer().toNanos();
		this.startFrames = (int) ((this.leadNanos + this.prebufferNanos + FRAME_NANOS - 1) / FRAME_NANOS);
		this.sink = sink;
	}

	/** Queues audio of the current item (opening one if none is open) and sends what is due. */
	public void enqueue(byte[] pcm, long now) {
		boolean playedOut = this.queue.isEmpty() && runEnded(now);
		if (playedOut) {
			endRun();
		}
		if (this.itemStart < 0) {
			this.itemStart = position() + this.queue.size();
			this.lastItemStart = -1;
		}
		else if (playedOut && this.splitter.pendingBytes() == 0) {
			this.underruns++;
		}
		this.splitter.split(pcm, this.queue::add);
		drain(now);
	}

	/** The current item is complete: its last partial frame is padded with silence and sent in turn. */
	public void endItem(long now) {
		this.splitter.flush().ifPresent(this.queue::add);
		this.lastItemStart = this.itemStart;
		this.itemStart = -1;
		drain(now);
	}

	/** Sends every frame that is due; called on each arrival and by the pacing clock's tick. */
	public void drain(long now) {
		if (this.queue.isEmpty()) {
			return;
		}
		if (runEnded(now)) {
			// Frames were waiting, yet FreeSWITCH ran dry: our tick came too late.
			this.lateFrames++;
			endRun();
		}
		if (this.runStart < 0) {
			if (holding(now)) {
				return;
			}
			this.heldSince = -1;
			this.runStart = now;
			this.runFrames = 0;
		}
		while (!this.queue.isEmpty() && this.runStart + this.runFrames * FRAME_NANOS <= now + this.leadNanos) {
			this.sink.accept(this.queue.poll());
			this.runFrames++;
		}
	}

	/** Milliseconds of the current (or just ended) item the caller has heard by {@code now}. */
	public long playedMillis(long now) {
		if (this.itemStart < 0 && this.lastItemStart < 0) {
			return 0;
		}
		long start = (this.itemStart >= 0) ? this.itemStart : this.lastItemStart;
		return Math.max(0, playedFrames(now) - start) * 20;
	}

	/** Whether the caller is hearing, or is about to hear, agent audio. */
	public boolean isPlaying(long now) {
		return !this.queue.isEmpty() || this.splitter.pendingBytes() > 0 || (this.runStart >= 0 && !runEnded(now));
	}

	/** When everything queued so far will have been played; {@link Long#MAX_VALUE} while frames wait to be sent. */
	public long playedOutAt(long now) {
		if (!this.queue.isEmpty() || this.splitter.pendingBytes() > 0) {
			return Long.MAX_VALUE;
		}
		return (this.runStart < 0) ? now : Math.max(now, this.runStart + this.runFrames * FRAME_NANOS);
	}

	/**
	 * Barge-in: drops the audio not yet sent and closes the item.
	 * @return how many milliseconds of the item the caller heard
	 */
	public long clear(long now) {
		long played = playedMillis(now);
		this.queue.clear();
		this.splitter.clear();
		if (this.runStart >= 0) {
			// What was sent but not yet played is being dropped on FreeSWITCH's side too (or plays within the lead).
			this.framesBeforeRun = playedFrames(now);
			this.runStart = -1;
			this.runFrames = 0;
		}
		this.itemStart = -1;
		this.lastItemStart = -1;
		this.heldSince = -1;
		return played;
	}

	public long underruns() {
		return this.underruns;
	}

	public long lateFrames() {
		return this.lateFrames;
	}

	/** Frames handed to the sink so far. */
	public long framesSent() {
		return position();
	}

	private long position() {
		return this.framesBeforeRun + Math.max(0, this.runFrames);
	}

	private long playedFrames(long now) {
		if (this.runStart < 0) {
			return this.framesBeforeRun;
		}
		long elapsedFrames = Math.max(0, (now - this.runStart) / FRAME_NANOS);
		return this.framesBeforeRun + Math.min(elapsedFrames, this.runFrames);
	}

	/** Whether the run about to start should wait for more of its item's audio. */
	private boolean holding(long now) {
		if (this.itemStart < 0 || this.queue.size() >= this.startFrames) {
			return false;
		}
		if (this.heldSince < 0) {
			this.heldSince = now;
		}
		return now - this.heldSince < this.prebufferNanos;
	}

	private void endRun() {
		this.framesBeforeRun += this.runFrames;
		this.runStart = -1;
		this.runFrames = 0;
	}

	private boolean runEnded(long now) {
		return this.runStart >= 0 && now >= this.runStart + this.runFrames * FRAME_NANOS;
	}

}
