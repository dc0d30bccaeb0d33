package org.voiceai.providers.stt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.voiceai.audio.AudioEncoding;
import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.Wav;

/** WAV files for speech-to-text tests: a 440 Hz tone in any format FreeSWITCH may record. */
public final class SpeechToTextWavs {

	private SpeechToTextWavs() {
	}

	/** A WAV of a 440 Hz tone lasting {@code length} in {@code format}. */
	public static byte[] tone(AudioFormat format, Duration length) {
		return Wav.write(format, toneSamples(format, length));
	}

	/** The raw samples of {@link #tone}. */
	public static byte[] toneSamples(AudioFormat format, Duration length) {
		int frames = (int) (length.toMillis() * format.sampleRate() / 1000);
		ByteBuffer pcm = ByteBuffer.allocate(frames * format.channels() * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < frames; i++) {
			short value = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / format.sampleRate()));
			for (int channel = 0; channel < format.channels(); channel++) {
				pcm.putShort(value);
			}
		}
		return (format.encoding() == AudioEncoding.PCM16) ? pcm.array() : encodeG711(pcm.array(), format);
	}

	/** A well-formed WAV header announcing 32-bit float samples, which no provider here accepts. */
	public static byte[] floatWav() {
		byte[] wav = tone(AudioFormat.PCM16_8K, Duration.ofMillis(100));
		wav[20] = 3;
		return wav;
	}

	private static byte[] encodeG711(byte[] pcm, AudioFormat format) {
		javax.sound.sampled.AudioFormat source = new javax.sound.sampled.AudioFormat(format.sampleRate(), 16,
				format.channels(), true, false);
		javax.sound.sampled.AudioFormat target = new javax.sound.sampled.AudioFormat(
				(format.encoding() == AudioEncoding.ULAW) ? javax.sound.sampled.AudioFormat.Encoding.ULAW
						: javax.sound.sampled.AudioFormat.Encoding.ALAW,
				format.sampleRate(), 8, format.channels(), format.channels(), format.sampleRate(), false);
		try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), source,
				pcm.length / source.getFrameSize());
				AudioInputStream out = AudioSystem.getAudioInputStream(target, in)) {
			return out.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
