package org.voiceai.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WavTest {

	private static final byte[] SAMPLES = Pcm16.toBytes(new short[] { 0, 1000, -1000, 32767, -32768, 5 });

	@Test
	void roundTripsEveryEncoding() {
		for (AudioFormat format : new AudioFormat[] { AudioFormat.PCM16_8K, AudioFormat.PCM16_24K,
				new AudioFormat(AudioEncoding.PCM16, 16000, 2), AudioFormat.ULAW_8K, AudioFormat.ALAW_8K }) {
			byte[] wav = Wav.write(format, SAMPLES);

			Wav.Audio audio = Wav.read(wav);

			assertThat(wav).hasSize(44 + SAMPLES.length);
			assertThat(audio.format()).isEqualTo(format);
			assertThat(audio.samples()).isEqualTo(SAMPLES);
		}
	}

	@Test
	void writesACanonicalHeader() {
		byte[] wav = Wav.write(AudioFormat.PCM16_16K, new byte[320]);
		ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);

		assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
		assertThat(header.getInt(4)).isEqualTo(36 + 320);
		assertThat(header.getShort(20)).isEqualTo((short) 1);
		assertThat(header.getInt(28)).isEqualTo(32000);
		assertThat(header.getShort(32)).isEqualTo((short) 2);
		assertThat(header.getShort(34)).isEqualTo((short) 16);
		assertThat(header.getInt(40)).isEqualTo(320);
		assertThat(Wav.read(wav).duration()).isEqualTo(Duration.ofMillis(10));
	}

	@Test
	void skipsAListChunkBeforeTheData() {
		byte[] wav = riff(fmt(1, 1, 8000, 16), chunk("LIST", "INFOISFT\u0006\0\0\0FS 1.10".getBytes(
				StandardCharsets.ISO_8859_1)), chunk("data", SAMPLES));

		Wav.Audio audio = Wav.read(wav);

		assertThat(audio.format()).isEqualTo(AudioFormat.PCM16_8K);
		assertThat(audio.samples()).isEqualTo(SAMPLES);
	}

	@Test
	void skipsThePadByteAfterAnOddSizedChunk() {
		byte[] wav = riff(fmt(1, 1, 8000, 16), chunk("fact", new byte[] { 1, 2, 3 }), chunk("data", SAMPLES));

		assertThat(Wav.read(wav).samples()).isEqualTo(SAMPLES);
	}

	@Test
	void streamedDataSizeMeansToTheEndOfTheFile() {
		for (int size : new int[] { 0xFFFFFFFF, 0 }) {
			byte[] wav = riff(fmt(7, 1, 8000, 8), chunk("data", SAMPLES));
			ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(wav.length - SAMPLES.length - 4, size);

			Wav.Audio audio = Wav.read(wav);

			assertThat(audio.format()).isEqualTo(AudioFormat.ULAW_8K);
			assertThat(audio.samples()).isEqualTo(SAMPLES);
		}
	}

	@Test
	void dropsATrailingPartialFrame() {
		byte[] wav = riff(fmt(1, 1, 8000, 16), chunk("data", Arrays.copyOf(SAMPLES, 11)));

		assertThat(Wav.read(wav).samples()).hasSize(10);
	}

	@Test
	void readsTheSubformatOfWaveFormatExtensible() {
		ByteBuffer fmt = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
		fmt.putShort((short) 0xFFFE).putShort((short) 1).putInt(16000).putInt(32000).putShort((short) 2);
		fmt.putShort((short) 16).putShort((short) 22).putShort((short) 16).putInt(4).putShort((short) 1);

		Wav.Audio audio = Wav.read(riff(chunk("fmt ", fmt.array()), chunk("data", SAMPLES)));

		assertThat(audio.format()).isEqualTo(AudioFormat.PCM16_16K);
	}

	@Test
	void rejectsEightBitPcm() {
		byte[] wav = riff(fmt(1, 1, 8000, 8), chunk("data", SAMPLES));

		assertThatThrownBy(() -> Wav.read(wav)).isInstanceOf(InvalidAudioException.class)
			.hasMessageContaining("8-bit PCM");
	}

	@Test
	void rejectsFloatingPoint() {
		byte[] wav = riff(fmt(3, 1, 8000, 32), chunk("data", SAMPLES));

		assertThatThrownBy(() -> Wav.read(wav)).isInstanceOf(InvalidAudioException.class)
			.hasMessageContaining("unsupported WAV encoding 3");
	}

	@Test
	void rejectsUnusableChannelCountsAndRates() {
		assertThatThrownBy(() -> Wav.read(riff(fmt(1, 6, 8000, 16), chunk("data", SAMPLES))))
			.hasMessageContaining("channel count: 6");
		assertThatThrownBy(() -> Wav.read(riff(fmt(1, 1, 1000, 16), chunk("data", SAMPLES))))
			.hasMessageContaining("sample rate: 1000");
	}

	@Test
	void rejectsTruncatedFiles() {
		byte[] wav = Wav.write(AudioFormat.PCM16_8K, SAMPLES);

		assertThatThrownBy(() -> Wav.read(Arrays.copyOf(wav, 8))).isInstanceOf(InvalidAudioException.class)
			.hasMessageContaining("not a WAV file");
		assertThatThrownBy(() -> Wav.read(Arrays.copyOf(wav, 30))).isInstanceOf(InvalidAudioException.class)
			.hasMessageContaining("fmt chunk is truncated");
		assertThatThrownBy(() -> Wav.read(Arrays.copyOf(wav, 40))).isInstanceOf(InvalidAudioException.class)
			.hasMessageContaining("no data chunk");
		assertThatThrownBy(() -> Wav.read(Arrays.copyOf(wav, 44))).isInstanceOf(InvalidAudioException.class)
			.hasMessageContaining("no samples");
	}

	@Test
	void rejectsEmptyAndNonWavInput() {
		assertThatThrownBy(() -> Wav.read(new byte[0])).isInstanceOf(InvalidAudioException.class)
			.hasMessage("empty audio");
		assertThatThrownBy(() -> Wav.read(null)).isInstanceOf(InvalidAudioException.class);
		assertThatThrownBy(() -> Wav.read("ID3 this is an mp3 file".getBytes(StandardCharsets.US_ASCII)))
			.isInstanceOf(InvalidAudioException.class)
			.hasMessageContaining("not a WAV file");
		assertThatThrownBy(() -> Wav.read(riff(chunk("data", SAMPLES)))).hasMessageContaining("before its fmt");
		assertThatThrownBy(() -> Wav.read(riff(chunk("LIST", new byte[4])))).hasMessageContaining("no fmt chunk");
	}

	private static byte[] fmt(int code, int channels, int rate, int bits) {
		int blockAlign = channels * bits / 8;
		return chunk("fmt ", ByteBuffer.allocate(16)
			.order(ByteOrder.LITTLE_ENDIAN)
			.putShort((short) code)
			.putShort((short) channels)
			.putInt(rate)
			.putInt(rate * blockAlign)
			.putShort((short) blockAlign)
			.putShort((short) bits)
			.array());
	}

	/** A chunk with its header, and the pad byte RIFF requires after an odd-sized body. */
	private static byte[] chunk(String id, byte[] body) {
		ByteBuffer chunk = ByteBuffer.allocate(8 + body.length + (body.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
		chunk.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body);
		return chunk.array();
	}

	private static byte[] riff(byte[]... chunks) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
		for (byte[] chunk : chunks) {
			body.writeBytes(chunk);
		}
		return ByteBuffer.allocate(8 + body.size())
			.order(ByteOrder.LITTLE_ENDIAN)
			.put("RIFF".getBytes(StandardCharsets.US_ASCII))
			.putInt(body.size())
			.put(body.toByteArray())
			.array();
	}

}
