package org.voiceai.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Reads and writes RIFF/WAVE files: 16-bit PCM, G.711 μ-law and A-law, any rate, mono or stereo. Reading validates
 * the header and skips chunks other than {@code fmt } and {@code data} (FreeSWITCH and some providers add
 * {@code LIST}/{@code fact} chunks); a streamed {@code data} size of 0 or 0xFFFFFFFF means "to the end".
 */
public final class Wav {

	private static final int PCM = 1;

	private static final int ALAW = 6;

	private static final int ULAW = 7;

	private static final int EXTENSIBLE = 0xFFFE;

	private Wav() {
	}

	/** Parsed audio: its format and the raw sample bytes of the data chunk. */
	public record Audio(AudioFormat format, byte[] samples) {

		public Duration duration() {
			return this.format.duration(this.samples.length);
		}

	}

	/** Parses a WAV file. @throws InvalidAudioException saying what is wrong */
	public static Audio read(byte[] wav) {
		if (wav == null || wav.length == 0) {
			throw new InvalidAudioException("empty audio");
		}
		if (wav.length < 12 || !tag(wav, 0, "RIFF") || !tag(wav, 8, "WAVE")) {
			throw new InvalidAudioException("not a WAV file (no RIFF/WAVE header)");
		}
		ByteBuffer in = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
		int position = 12;
		AudioFormat format = null;
		while (position + 8 <= wav.length) {
			String id = new String(wav, position, 4, StandardCharsets.US_ASCII);
			long size = Integer.toUnsignedLong(in.getInt(position + 4));
			int body = position + 8;
			if (id.equals("fmt ")) {
				format = readFormat(in, body, size);
			}
			else if (id.equals("data")) {
				if (format == null) {
					throw new InvalidAudioException("WAV data chunk comes before its fmt chunk");
				}
				long available = wav.length - body;
				long length = (size == 0 || size == 0xFFFFFFFFL || size > available) ? available : size;
				int frame = format.channels() * format.encoding().bytesPerSample();
				length -= length % frame;
				if (length == 0) {
					throw new InvalidAudioException("empty audio (WAV has no samples)");
				}
				return new Audio(format, Arrays.copyOfRange(wav, body, body + (int) length));
			}
			position = body + (int) Math.min(size + (size & 1), Integer.MAX_VALUE - body);
		}
		throw new InvalidAudioException((format == null) ? "WAV has no fmt chunk" : "WAV has no data chunk");
	}

	private static AudioFormat readFormat(ByteBuffer in, int body, long size) {
		if (size < 16 || body + 16 > in.capacity()) {
			throw new InvalidAudioException("WAV fmt chunk is truncated");
		}
		int code = Short.toUnsignedInt(in.getShort(body));
		int channels = Short.toUnsignedInt(in.getShort(body + 2));
		int rate = in.getInt(body + 4);
		int bits = Short.toUnsignedInt(in.getShort(body + 14));
		if (code == EXTENSIBLE && size >= 40) {
			code = Short.toUnsignedInt(in.getShort(body + 24));
		}
		AudioEncoding encoding = switch (code) {
			case PCM -> {
				if (bits != 16) {
					throw new InvalidAudioException("unsupported WAV sample size: " + bits + "-bit PCM (16-bit needed)");
				}
				yield AudioEncoding.PCM16;
			}
			case ULAW -> AudioEncoding.ULAW;
			case ALAW -> AudioEncoding.ALAW;
			default -> throw new InvalidAudioException("unsupported WAV encoding " + code
					+ " (PCM, μ-law and A-law are supported)");
		};
		if (channels < 1 || channels > 2) {
			throw new InvalidAudioException("unsupported WAV channel count: " + channels);
		}
		if (rate < 4000 || rate > 192000) {
			throw new InvalidAudioException("unsupported WAV sample rate: " + rate + " Hz");
		}
		return new AudioFormat(encoding, rate, channels);
	}

	/** A canonical 44-byte-header WAV file holding {@code samples} in {@code format}. */
	public static byte[] write(AudioFormat format, byte[] samples) {
		int blockAlign = format.channels() * format.encoding().bytesPerSample();
		int code = switch (format.encoding()) {
			case PCM16 -> PCM;
			case ULAW -> ULAW;
			case ALAW -> ALAW;
		};
		ByteBuffer out = ByteBuffer.allocate(44 + samples.length).order(ByteOrder.LITTLE_ENDIAN);
		out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples.length);
		out.put("WAVE".getBytes(StandardCharsets.US_ASCII));
		out.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
		out.putShort((short) code).putShort((short) format.channels()).putInt(format.sampleRate());
		out.putInt(format.sampleRate() * blockAlign).putShort((short) blockAlign);
		out.putShort((short) (format.encoding().bytesPerSample() * 8));
		out.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples.length).put(samples);
		return out.array();
	}

	private static boolean tag(byte[] bytes, int offset, String tag) {
		return new String(bytes, offset, 4, StandardCharsets.US_ASCII).equals(tag);
	}

}
