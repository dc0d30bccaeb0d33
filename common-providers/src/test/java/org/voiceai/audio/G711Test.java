package org.voiceai.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class G711Test {

	@Test
	void ulawDecodesTheStandardTableValues() {
		assertThat(G711.decodeUlaw((byte) 0x00)).isEqualTo((short) -32124);
		assertThat(G711.decodeUlaw((byte) 0x80)).isEqualTo((short) 32124);
		assertThat(G711.decodeUlaw((byte) 0x7F)).isEqualTo((short) 0);
		assertThat(G711.decodeUlaw((byte) 0xFF)).isEqualTo((short) 0);
		assertThat(G711.decodeUlaw((byte) 0x7E)).isEqualTo((short) -8);
		assertThat(G711.decodeUlaw((byte) 0xFE)).isEqualTo((short) 8);
		assertThat(G711.decodeUlaw((byte) 0x70)).isEqualTo((short) -120);
		assertThat(G711.decodeUlaw((byte) 0x6F)).isEqualTo((short) -132);
		assertThat(G711.decodeUlaw((byte) 0x0F)).isEqualTo((short) -16764);
	}

	@Test
	void alawDecodesTheStandardTableValues() {
		assertThat(G711.decodeAlaw((byte) 0xD5)).isEqualTo((short) 8);
		assertThat(G711.decodeAlaw((byte) 0x55)).isEqualTo((short) -8);
		assertThat(G711.decodeAlaw((byte) 0x2A)).isEqualTo((short) -32256);
		assertThat(G711.decodeAlaw((byte) 0xAA)).isEqualTo((short) 32256);
		assertThat(G711.decodeAlaw((byte) 0xD4)).isEqualTo((short) 24);
		assertThat(G711.decodeAlaw((byte) 0xC5)).isEqualTo((short) 264);
		assertThat(G711.decodeAlaw((byte) 0xF5)).isEqualTo((short) 528);
	}

	@Test
	void encodesTheStandardCodes() {
		assertThat(G711.encodeUlaw((short) 0)).isEqualTo((byte) 0xFF);
		assertThat(G711.encodeUlaw((short) -1)).isEqualTo((byte) 0x7F);
		assertThat(G711.encodeUlaw(Short.MAX_VALUE)).isEqualTo((byte) 0x80);
		assertThat(G711.encodeUlaw(Short.MIN_VALUE)).isEqualTo((byte) 0x00);
		assertThat(G711.encodeAlaw((short) 0)).isEqualTo((byte) 0xD5);
		assertThat(G711.encodeAlaw((short) -1)).isEqualTo((byte) 0x55);
		assertThat(G711.encodeAlaw(Short.MAX_VALUE)).isEqualTo((byte) 0xAA);
		assertThat(G711.encodeAlaw(Short.MIN_VALUE)).isEqualTo((byte) 0x2A);
	}

	@Test
	void encodesEverySampleLikeTheItuReference() {
		for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
			assertThat(G711.encodeUlaw((short) sample) & 0xFF).as("sample %d", sample).isEqualTo(ituUlaw(sample));
			assertThat(G711.encodeAlaw((short) sample) & 0xFF).as("sample %d", sample).isEqualTo(ituAlaw(sample));
		}
	}

	@Test
	void negativeDecisionThresholdsMirrorThePositiveOnesByOnesComplement() {
		// As in the ITU-T G.191 reference: sample -1 - x codes like x, with the sign bit cleared.
		assertThat(G711.encodeUlaw((short) 3)).isEqualTo((byte) 0xFF);
		assertThat(G711.encodeUlaw((short) 4)).isEqualTo((byte) 0xFE);
		assertThat(G711.encodeUlaw((short) -4)).isEqualTo((byte) 0x7F);
		assertThat(G711.encodeUlaw((short) -5)).isEqualTo((byte) 0x7E);
		assertThat(G711.encodeAlaw((short) 15)).isEqualTo((byte) 0xD5);
		assertThat(G711.encodeAlaw((short) 16)).isEqualTo((byte) 0xD4);
		assertThat(G711.encodeAlaw((short) -16)).isEqualTo((byte) 0x55);
		assertThat(G711.encodeAlaw((short) -17)).isEqualTo((byte) 0x54);
		for (int x = 0; x <= Short.MAX_VALUE; x++) {
			assertThat(G711.encodeUlaw((short) (-1 - x))).isEqualTo((byte) (G711.encodeUlaw((short) x) & 0x7F));
			assertThat(G711.encodeAlaw((short) (-1 - x))).isEqualTo((byte) (G711.encodeAlaw((short) x) & 0x7F));
		}
	}

	@Test
	void ulawEncodesEveryDecodedValueBackToItsCode() {
		for (int code = 0; code < 256; code++) {
			int expected = (code == 0x7F) ? 0xFF : code;

			assertThat(G711.encodeUlaw(G711.decodeUlaw((byte) code)) & 0xFF).as("code 0x%02X", code)
				.isEqualTo(expected);
		}
	}

	@Test
	void alawEncodesEveryDecodedValueBackToItsCode() {
		for (int code = 0; code < 256; code++) {
			assertThat(G711.encodeAlaw(G711.decodeAlaw((byte) code)) & 0xFF).as("code 0x%02X", code).isEqualTo(code);
		}
	}

	@Test
	void ulawRoundTripOfEverySampleStaysWithinHalfAQuantisationStep() {
		for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
			byte code = G711.encodeUlaw((short) sample);
			int decoded = G711.decodeUlaw(code);
			int segment = ((~code) & 0x70) >> 4;
			// Steps are 8 << segment wide and decoding returns the middle; beyond ±32635 the encoder clips.
			int allowed = (Math.abs(sample) > 32635) ? Math.abs(sample) - 32124 : 4 << segment;

			assertThat(Math.abs(decoded - sample)).as("sample %d", sample).isLessThanOrEqualTo(allowed);
			assertThat(Integer.signum(decoded) * Integer.signum(sample)).as("sign of %d", sample)
				.isGreaterThanOrEqualTo(0);
		}
	}

	@Test
	void alawRoundTripOfEverySampleStaysWithinHalfAQuantisationStep() {
		for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
			byte code = G711.encodeAlaw((short) sample);
			int decoded = G711.decodeAlaw(code);
			int segment = ((code ^ 0x55) & 0x70) >> 4;
			// Segments 0 and 1 have 16-wide steps, each further segment doubles them; decoding returns the middle.
			int allowed = (segment < 2) ? 8 : 8 << (segment - 1);

			assertThat(Math.abs(decoded - sample)).as("sample %d", sample).isLessThanOrEqualTo(allowed);
		}
	}

	@Test
	void ulawEncodesLikeTheJdkUpToItsRoundingOfNegativeValues() throws IOException {
		// Beyond ±32635 the JDK's encoder overflows (it wraps to codes near zero); ours clips to the largest code.
		short[] sweep = sweep(-32635, 32635);
		byte[] jdk = jdkConvert(Pcm16.toBytes(sweep), pcmFormat(), ulawFormat());

		assertAgreesWithTheJdk(sweep, G711.encodeUlaw(sweep), jdk, 0xFF);
	}

	@Test
	void alawEncodesLikeTheJdkUpToItsRoundingOfNegativeValues() throws IOException {
		short[] sweep = sweep(Short.MIN_VALUE, Short.MAX_VALUE);
		byte[] jdk = jdkConvert(Pcm16.toBytes(sweep), pcmFormat(), alawFormat());

		assertAgreesWithTheJdk(sweep, G711.encodeAlaw(sweep), jdk, 0x55);
	}

	/**
	 * Non-negative samples code identically. The JDK codes negative values by magnitude, G.711 (the ITU G.191
	 * reference) by ones' complement, so near the edge of each negative interval the JDK picks the neighbouring code:
	 * the same sign, one level away. (From -7 to -1 the JDK's A-law magnitude goes negative and it returns the code
	 * of -248, a JDK bug, so those are left out.)
	 */
	private static void assertAgreesWithTheJdk(short[] samples, byte[] ours, byte[] jdk, int inversion) {
		int differences = 0;
		for (int i = 0; i < samples.length; i++) {
			if (samples[i] >= 0) {
				assertThat(ours[i]).as("sample %d", samples[i]).isEqualTo(jdk[i]);
			}
			else if (samples[i] <= -8) {
				int ourLevel = (ours[i] ^ inversion) & 0xFF;
				int jdkLevel = (jdk[i] ^ inversion) & 0xFF;
				assertThat(ourLevel).as("sample %d", samples[i]).isBetween(jdkLevel - 1, jdkLevel + 1);
				assertThat(ourLevel & 0x80).isEqualTo(jdkLevel & 0x80);
				differences += (ourLevel != jdkLevel) ? 1 : 0;
			}
		}
		// Only the few values at each negative interval edge differ (896 of the 65536 for A-law, 1.4 %).
		assertThat(differences).isLessThan(samples.length / 50);
	}

	@Test
	void decodesEveryCodeLikeTheJdk() throws IOException {
		byte[] codes = new byte[256];
		for (int i = 0; i < 256; i++) {
			codes[i] = (byte) i;
		}

		assertThat(G711.decodeUlaw(codes)).isEqualTo(Pcm16.toShorts(jdkConvert(codes, ulawFormat(), pcmFormat())));
		assertThat(G711.decodeAlaw(codes)).isEqualTo(Pcm16.toShorts(jdkConvert(codes, alawFormat(), pcmFormat())));
	}

	@Test
	void arrayVariantsWriteIntoTheCallersArrays() {
		short[] samples = { 0, 1000, -1000, 32000 };
		byte[] codes = new byte[6];
		short[] decoded = new short[6];

		G711.encodeUlaw(samples, 1, 3, codes, 2);
		G711.decodeUlaw(codes, 2, 3, decoded, 1);

		assertThat(codes).containsExactly(0, 0, G711.encodeUlaw((short) 1000), G711.encodeUlaw((short) -1000),
				G711.encodeUlaw((short) 32000), 0);
		assertThat(decoded).containsExactly(0, G711.decodeUlaw(codes[2]), G711.decodeUlaw(codes[3]),
				G711.decodeUlaw(codes[4]), 0, 0);

		G711.encodeAlaw(samples, 0, 4, codes, 0);
		G711.decodeAlaw(codes, 0, 4, decoded, 0);
		assertThat(decoded).startsWith(G711.decodeAlaw(G711.encodeAlaw((short) 0)),
				G711.decodeAlaw(G711.encodeAlaw((short) 1000)));
	}

	/**
	 * μ-law as ITU-T G.191's {@code ulaw_compress} computes it, on 14 bits with a bias of 33, restated here as an
	 * oracle independent of the production code's 16-bit formulation.
	 */
	private static int ituUlaw(int sample) {
		int magnitude = Math.min(((sample < 0) ? (~sample) >> 2 : sample >> 2) + 33, 0x1FFF);
		int segment = 1;
		for (int rest = magnitude >> 6; rest != 0; rest >>= 1) {
			segment++;
		}
		int code = ((8 - segment) << 4) | (15 - ((magnitude >> segment) & 0x0F));
		return (sample >= 0) ? code | 0x80 : code;
	}

	/** A-law as ITU-T G.191's {@code alaw_compress} computes it, on the top 12 bits. */
	private static int ituAlaw(int sample) {
		int value = (sample < 0) ? (~sample) >> 4 : sample >> 4;
		if (value > 15) {
			int exponent = 1;
			while (value > 31) {
				value >>= 1;
				exponent++;
			}
			value = (value - 16) + (exponent << 4);
		}
		return ((sample >= 0) ? value | 0x80 : value) ^ 0x55;
	}

	/** Every third value from {@code from} to {@code to}, and {@code to} itself. */
	private static short[] sweep(int from, int to) {
		short[] values = new short[(to - from) / 3 + 2];
		for (int i = 0; i < values.length - 1; i++) {
			values[i] = (short) (from + 3 * i);
		}
		values[values.length - 1] = (short) to;
		return values;
	}

	private static javax.sound.sampled.AudioFormat pcmFormat() {
		return new javax.sound.sampled.AudioFormat(8000, 16, 1, true, false);
	}

	private static javax.sound.sampled.AudioFormat ulawFormat() {
		return new javax.sound.sampled.AudioFormat(javax.sound.sampled.AudioFormat.Encoding.ULAW, 8000, 8, 1, 1, 8000,
				false);
	}

	private static javax.sound.sampled.AudioFormat alawFormat() {
		return new javax.sound.sampled.AudioFormat(javax.sound.sampled.AudioFormat.Encoding.ALAW, 8000, 8, 1, 1, 8000,
				false);
	}

	private static byte[] jdkConvert(byte[] data, javax.sound.sampled.AudioFormat from,
			javax.sound.sampled.AudioFormat to) throws IOException {
		AudioInputStream source = new AudioInputStream(new ByteArrayInputStream(data), from,
				data.length / from.getFrameSize());
		try (AudioInputStream converted = AudioSystem.getAudioInputStream(to, source)) {
			return converted.readAllBytes();
		}
	}

}
