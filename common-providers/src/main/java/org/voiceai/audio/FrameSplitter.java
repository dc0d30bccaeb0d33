package org.voiceai.audio;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Cuts a byte stream arriving in chunks of any size (FreeSWITCH frames follow the channel's ptime, providers send
 * whatever they like) into frames of exactly {@code frameBytes}, keeping the remainder for the next chunk. Each frame
 * handed out is a new array the receiver owns, so it may be queued or sent asynchronously. Not thread-safe: one
 * per stream.
 */
public final class FrameSplitter {

	private final byte[] pending;

	private final byte silence;

	private int pendingLength;

	/**
	 * A splitter into {@code frameBytes}-byte frames; {@link #flush} pads with {@code silence}, the encoding's zero
	 * level.
	 */
	public FrameSplitter(int frameBytes, byte silence) {
		if (frameBytes <= 0) {
			throw new IllegalArgumentException("frame size must be positive: " + frameBytes);
		}
		this.pending = new byte[frameBytes];
		this.silence = silence;
	}

	/** A splitter into frames of {@code frameDuration} of {@code format} (e.g. 20 ms of 8 kHz PCM16 = 320 bytes). */
	public static FrameSplitter of(AudioFormat format, Duration frameDuration) {
		long bytesPerFrame = format.channels() * format.encoding().bytesPerSample();
		long nanos = frameDuration.toNanos();
		long frames = (long) format.sampleRate() * nanos / 1_000_000_000L;
		if (frames <= 0 || frames * 1_000_000_000L != (long) format.sampleRate() * nanos) {
			throw new IllegalArgumentException(frameDuration.toMillis() + " ms is not a whole number of samples at "
					+ format.sampleRate() + " Hz");
		}
		return new FrameSplitter(Math.toIntExact(frames * bytesPerFrame), silenceOf(format.encoding()));
	}

	public int frameBytes() {
		return this.pending.length;
	}

	/** Bytes held back until the next frame is complete; always less than {@link #frameBytes()}. */
	public int pendingBytes() {
		return this.pendingLength;
	}

	/** Adds {@code chunk} and passes every frame it completes to {@code frames}, in order. */
	public void split(byte[] chunk, Consumer<byte[]> frames) {
		split(chunk, 0, chunk.length, frames);
	}

	/** Adds {@code chunk[offset .. offset + length)} and passes every frame it completes to {@code frames}. */
	public void split(byte[] chunk, int offset, int length, Consumer<byte[]> frames) {
		Objects.checkFromIndexSize(offset, length, chunk.length);
		int frameBytes = this.pending.length;
		int position = offset;
		int end = offset + length;
		if (this.pendingLength > 0) {
			int take = Math.min(frameBytes - this.pendingLength, length);
			System.arraycopy(chunk, position, this.pending, this.pendingLength, take);
			this.pendingLength += take;
			position += take;
			if (this.pendingLength < frameBytes) {
				return;
			}
			this.pendingLength = 0;
			frames.accept(this.pending.clone());
		}
		for (; end - position >= frameBytes; position += frameBytes) {
			frames.accept(Arrays.copyOfRange(chunk, position, position + frameBytes));
		}
		System.arraycopy(chunk, position, this.pending, 0, end - position);
		this.pendingLength = end - position;
	}

	/** The held-back remainder as a last frame padded with silence, or empty when nothing is held back. */
	public Optional<byte[]> flush() {
		if (this.pendingLength == 0) {
			return Optional.empty();
		}
		byte[] frame = this.pending.clone();
		Arrays.fill(frame, this.pendingLength, frame.length, this.silence);
		this.pendingLength = 0;
		return Optional.of(frame);
	}

	/** Drops the held-back remainder, e.g. when playback is interrupted by barge-in. */
	public void clear() {
		this.pendingLength = 0;
	}

	/** The byte that encodes silence: 0 for PCM, the G.711 codes of level 0 (μ-law 0xFF, A-law 0xD5). */
	private static byte silenceOf(AudioEncoding encoding) {
		return switch (encoding) {
			case PCM16 -> 0;
			case ULAW -> G711.encodeUlaw((short) 0);
			case ALAW -> G711.encodeAlaw((short) 0);
		};
	}

}
