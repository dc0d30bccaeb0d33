package org.voiceai.audio;

import java.time.Duration;

/** Raw (headerless) audio format: encoding, sample rate and channel count. */
public record AudioFormat(AudioEncoding encoding, int sampleRate, int channels) {

	public static final AudioFormat PCM16_8K = new AudioFormat(AudioEncoding.PCM16, 8000, 1);

	public static final AudioFormat PCM16_16K = new AudioFormat(AudioEncoding.PCM16, 16000, 1);

	public static final AudioFormat PCM16_24K = new AudioFormat(AudioEncoding.PCM16, 24000, 1);

	public static final AudioFormat ULAW_8K = new AudioFormat(AudioEncoding.ULAW, 8000, 1);

	public static final AudioFormat ALAW_8K = new AudioFormat(AudioEncoding.ALAW, 8000, 1);

	public AudioFormat {
		if (encoding == null) {
			throw new IllegalArgumentException("encoding is required");
		}
		if (sampleRate <= 0 || channels <= 0) {
			throw new IllegalArgumentException("sample rate and channels must be positive");
		}
	}

	public int bytesPerSecond() {
		return this.sampleRate * this.channels * this.encoding.bytesPerSample();
	}

	/** How long {@code byteCount} bytes of this format play. */
	public Duration duration(long byteCount) {
		return Duration.ofNanos(byteCount * 1_000_000_000L / bytesPerSecond());
	}

}
