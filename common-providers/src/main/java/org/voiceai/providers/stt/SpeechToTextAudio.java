package org.voiceai.providers.stt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.voiceai.audio.AudioEncoding;
import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.InvalidAudioException;
import org.voiceai.audio.Wav;
import org.voiceai.providers.error.ProviderBadAudioException;

/**
 * A request's WAV, validated once before any provider call and converted to what a provider accepts. Invalid audio
 * becomes {@link ProviderBadAudioException} naming the provider, so no request is ever sent for it.
 * <p>
 * G.711 decoding, down-mixing and rate conversion use {@code javax.sound.sampled}, which the JDK ships; that is
 * enough for a recognizer's input, which needs intelligible speech rather than studio-grade resampling.
 */
public final class SpeechToTextAudio {

	private final String provider;

	private final byte[] wav;

	private final Wav.Audio audio;

	private SpeechToTextAudio(String provider, byte[] wav, Wav.Audio audio) {
		this.provider = provider;
		this.wav = wav;
		this.audio = audio;
	}

	/** Validates {@code wav}. @throws ProviderBadAudioException when it is empty, not a WAV or unsupported */
	public static SpeechToTextAudio read(String provider, byte[] wav) {
		try {
			return new SpeechToTextAudio(provider, wav, Wav.read(wav));
		}
		catch (InvalidAudioException ex) {
			throw new ProviderBadAudioException(provider, ex.getMessage(), null);
		}
	}

	public AudioFormat format() {
		return this.audio.format();
	}

	public Duration duration() {
		return this.audio.duration();
	}

	/** Fails when the audio plays longer than a provider's synchronous limit, {@code limit}. */
	public SpeechToTextAudio requireAtMost(Duration limit) {
		if (duration().compareTo(limit) > 0) {
			throw new ProviderBadAudioException(this.provider, "audio is " + seconds(duration())
					+ " s long; this provider accepts at most " + seconds(limit) + " s per request", null);
		}
		return this;
	}

	/** 16-bit PCM, mono, at the recorded rate: what every recognizer takes without resampling. */
	public AudioFormat pcm16Mono() {
		return new AudioFormat(AudioEncoding.PCM16, format().sampleRate(), 1);
	}

	/** The samples, without header, in {@code target}: the recorded ones when the format already matches. */
	public byte[] samples(AudioFormat target) {
		if (target.equals(format())) {
			return this.audio.samples();
		}
		if (target.encoding() != AudioEncoding.PCM16) {
			throw new IllegalArgumentException("can only convert to PCM16, not " + target.encoding());
		}
		return convert(target);
	}

	/** A WAV file in {@code target}: the caller's own bytes when the format already matches. */
	public byte[] wav(AudioFormat target) {
		return target.equals(format()) ? this.wav : Wav.write(target, samples(target));
	}

	private byte[] convert(AudioFormat target) {
		javax.sound.sampled.AudioFormat source = javaFormat(format());
		long frames = this.audio.samples().length / source.getFrameSize();
		// The JDK has no single step from G.711 stereo to another rate, so decode first, then mix and resample.
		javax.sound.sampled.AudioFormat decoded = javaFormat(
				new AudioFormat(AudioEncoding.PCM16, format().sampleRate(), format().channels()));
		try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(this.audio.samples()), source, frames);
				AudioInputStream pcm = AudioSystem.getAudioInputStream(decoded, in);
				AudioInputStream out = AudioSystem.getAudioInputStream(javaFormat(target), pcm)) {
			byte[] converted = out.readAllBytes();
			// The resampler may pad its last block; keep exactly the recorded length.
			long expected = frames * target.sampleRate() / format().sampleRate() * target.channels() * 2;
			return (converted.length > expected) ? Arrays.copyOf(converted, (int) expected) : converted;
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new ProviderBadAudioException(this.provider,
					"cannot convert " + describe(format()) + " audio to " + describe(target) + ": " + ex.getMessage(),
					ex);
		}
	}

	private static javax.sound.sampled.AudioFormat javaFormat(AudioFormat format) {
		javax.sound.sampled.AudioFormat.Encoding encoding = switch (format.encoding()) {
			case PCM16 -> javax.sound.sampled.AudioFormat.Encoding.PCM_SIGNED;
			case ULAW -> javax.sound.sampled.AudioFormat.Encoding.ULAW;
			case ALAW -> javax.sound.sampled.AudioFormat.Encoding.ALAW;
		};
		int bytes = format.encoding().bytesPerSample();
		return new javax.sound.sampled.AudioFormat(encoding, format.sampleRate(), bytes * 8, format.channels(),
				bytes * format.channels(), format.sampleRate(), false);
	}

	private static String describe(AudioFormat format) {
		return format.encoding() + " " + format.sampleRate() + " Hz " + format.channels() + " ch";
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
	}

}
