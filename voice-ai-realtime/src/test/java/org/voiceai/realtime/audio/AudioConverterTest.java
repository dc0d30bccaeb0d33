package org.voiceai.realtime.audio;

import org.junit.jupiter.api.Test;

import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.G711;
import org.voiceai.audio.Pcm16;

import static org.assertj.core.api.Assertions.assertThat;

class AudioConverterTest {

	@Test
	void anOddByteWaitsForTheNextFrame() {
		AudioConverter converter = new AudioConverter(AudioFormat.PCM16_8K, AudioFormat.ULAW_8K);
		byte[] pcm = Pcm16.toBytes(new short[] { 1000, -2000, 3000, -4000 });
		byte[] first = new byte[3];
		byte[] second = new byte[5];
		System.arraycopy(pcm, 0, first, 0, 3);
		System.arraycopy(pcm, 3, second, 0, 5);
		byte[] out1 = converter.convert(first);
		byte[] out2 = converter.convert(second);
		assertThat(out1).hasSize(1);
		assertThat(out2).hasSize(3);
		byte[] whole = new byte[4];
		System.arraycopy(out1, 0, whole, 0, 1);
		System.arraycopy(out2, 0, whole, 1, 3);
		assertThat(whole).isEqualTo(G711.encodeUlaw(new short[] { 1000, -2000, 3000, -4000 }));
	}

	@Test
	void equalG711FormatsPassThroughUntouched() {
		AudioConverter converter = new AudioConverter(AudioFormat.ULAW_8K, AudioFormat.ULAW_8K);
		byte[] ulaw = { 1, 2, 3 };
		assertThat(converter.convert(ulaw)).isSameAs(ulaw);
	}

	@Test
	void resamplesAcrossChunksToTheExactLength() {
		AudioConverter converter = new AudioConverter(AudioFormat.PCM16_24K, AudioFormat.PCM16_8K);
		int total = 0;
		for (int chunk = 0; chunk < 50; chunk++) {
			total += converter.convert(new byte[960]).length;
		}
		// 1 s at 24 kHz in 20 ms chunks: 8000 samples at 8 kHz, less the resampler's 2 ms look-ahead.
		assertThat(total / 2).isBetween(7970, 8000);
	}

}
