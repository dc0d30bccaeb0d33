package org.voiceai.audio;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Pcm16Test {

	@Test
	void decodesLittleEndianSignedSamples() {
		byte[] bytes = { 0x01, 0x00, (byte) 0xFF, (byte) 0xFF, 0x00, (byte) 0x80, (byte) 0xFF, 0x7F, 0x34, 0x12 };

		assertThat(Pcm16.toShorts(bytes)).containsExactly((short) 1, (short) -1, Short.MIN_VALUE, Short.MAX_VALUE,
				(short) 0x1234);
	}

	@Test
	void encodesLittleEndian() {
		short[] samples = { 1, -1, Short.MIN_VALUE, Short.MAX_VALUE, 0x1234 };

		assertThat(Pcm16.toBytes(samples)).containsExactly(0x01, 0x00, 0xFF, 0xFF, 0x00, 0x80, 0xFF, 0x7F, 0x34, 0x12);
	}

	@Test
	void roundTripsEverySampleValue() {
		short[] all = new short[65536];
		for (int i = 0; i < all.length; i++) {
			all[i] = (short) (i + Short.MIN_VALUE);
		}

		assertThat(Pcm16.toShorts(Pcm16.toBytes(all))).isEqualTo(all);
	}

	@Test
	void convertsRangesIntoCallerArrays() {
		byte[] bytes = { 9, 9, 0x02, 0x00, 0x03, 0x00, 9 };
		short[] samples = new short[3];

		Pcm16.toShorts(bytes, 2, 4, samples);
		byte[] back = new byte[5];
		Pcm16.toBytes(new short[] { 7, 2, 3 }, 1, 2, back);

		assertThat(samples).containsExactly(2, 3, 0);
		assertThat(back).containsExactly(0x02, 0x00, 0x03, 0x00, 0);
	}

	@Test
	void rejectsOddByteCountsAndBadRanges() {
		assertThatThrownBy(() -> Pcm16.toShorts(new byte[3])).isInstanceOf(InvalidAudioException.class)
			.hasMessageContaining("even number of bytes");
		assertThatThrownBy(() -> Pcm16.toShorts(new byte[4], 2, 4, new short[2]))
			.isInstanceOf(IndexOutOfBoundsException.class);
		assertThatThrownBy(() -> Pcm16.toShorts(new byte[8], 0, 8, new short[3]))
			.isInstanceOf(IndexOutOfBoundsException.class);
		assertThatThrownBy(() -> Pcm16.toBytes(new short[2], 0, 2, new byte[3]))
			.isInstanceOf(IndexOutOfBoundsException.class);
	}

	@Test
	void emptyInputGivesEmptyOutput() {
		assertThat(Pcm16.toShorts(new byte[0])).isEmpty();
		assertThat(Pcm16.toBytes(new short[0])).isEmpty();
	}

	@Test
	void downmixAveragesEachFrameWithoutClipping() {
		short[] stereo = { 100, 200, Short.MAX_VALUE, Short.MAX_VALUE, Short.MIN_VALUE, Short.MIN_VALUE, 1, 2, -1, -2 };

		assertThat(Pcm16.downmix(stereo, 2)).containsExactly((short) 150, Short.MAX_VALUE, Short.MIN_VALUE, (short) 2,
				(short) -1);
	}

	@Test
	void downmixOfMonoIsACopyAndOfThreeChannelsAverages() {
		short[] mono = { 1, 2, 3 };

		short[] copy = Pcm16.downmix(mono, 1);

		assertThat(copy).containsExactly(1, 2, 3).isNotSameAs(mono);
		assertThat(Pcm16.downmix(new short[] { 3, 6, 9, -3, -3, -3 }, 3)).containsExactly(6, -3);
	}

	@Test
	void downmixRejectsPartialFramesAndBadChannelCounts() {
		assertThatThrownBy(() -> Pcm16.downmix(new short[3], 2)).isInstanceOf(InvalidAudioException.class)
			.hasMessageContaining("whole number of 2-channel frames");
		assertThatThrownBy(() -> Pcm16.downmix(new short[2], 0)).isInstanceOf(IllegalArgumentException.class);
	}

}
