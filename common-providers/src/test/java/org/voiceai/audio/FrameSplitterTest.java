package org.voiceai.audio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FrameSplitterTest {

	private final List<byte[]> frames = new ArrayList<>();

	@Test
	void cutsChunksOfAnySizeIntoWholeFramesInOrder() {
		byte[] stream = bytes(10_000);
		FrameSplitter splitter = new FrameSplitter(320, (byte) 0);
		Random random = new Random(1);

		for (int position = 0; position < stream.length;) {
			int size = Math.min(random.nextInt(1000), stream.length - position);
			splitter.split(stream, position, size, this.frames::add);
			position += size;
		}

		assertThat(this.frames).hasSize(31).allSatisfy((frame) -> assertThat(frame).hasSize(320));
		assertThat(splitter.pendingBytes()).isEqualTo(10_000 - 31 * 320);
		for (int i = 0; i < this.frames.size(); i++) {
			assertThat(this.frames.get(i)).isEqualTo(Arrays.copyOfRange(stream, i * 320, (i + 1) * 320));
		}
	}

	@Test
	void keepsTheRemainderUntilTheNextChunkCompletesTheFrame() {
		FrameSplitter splitter = new FrameSplitter(4, (byte) 0);

		splitter.split(new byte[] { 1, 2, 3 }, this.frames::add);
		assertThat(this.frames).isEmpty();
		splitter.split(new byte[] { 4, 5 }, this.frames::add);
		splitter.split(new byte[0], this.frames::add);
		splitter.split(new byte[] { 6, 7, 8, 9, 10, 11, 12, 13 }, this.frames::add);

		assertThat(this.frames).containsExactly(new byte[] { 1, 2, 3, 4 }, new byte[] { 5, 6, 7, 8 },
				new byte[] { 9, 10, 11, 12 });
		assertThat(splitter.pendingBytes()).isEqualTo(1);
	}

	@Test
	void framesAreIndependentCopies() {
		FrameSplitter splitter = new FrameSplitter(2, (byte) 0);
		byte[] chunk = { 1, 2, 3 };

		splitter.split(chunk, this.frames::add);
		splitter.split(new byte[] { 4 }, this.frames::add);
		chunk[0] = 99;

		assertThat(this.frames).containsExactly(new byte[] { 1, 2 }, new byte[] { 3, 4 });
	}

	@Test
	void flushPadsTheLastFrameWithTheEncodingsSilence() {
		FrameSplitter pcm = FrameSplitter.of(AudioFormat.PCM16_8K, Duration.ofMillis(20));
		FrameSplitter ulaw = FrameSplitter.of(AudioFormat.ULAW_8K, Duration.ofMillis(20));
		FrameSplitter alaw = FrameSplitter.of(AudioFormat.ALAW_8K, Duration.ofMillis(10));
		pcm.split(new byte[] { 5, 6, 7 }, this.frames::add);
		ulaw.split(new byte[] { 5 }, this.frames::add);
		alaw.split(new byte[] { 5 }, this.frames::add);

		byte[] pcmFrame = pcm.flush().orElseThrow();
		byte[] ulawFrame = ulaw.flush().orElseThrow();
		byte[] alawFrame = alaw.flush().orElseThrow();

		assertThat(pcmFrame).hasSize(320).startsWith(5, 6, 7, 0);
		assertThat(ulawFrame).hasSize(160).startsWith(5, 0xFF, 0xFF);
		assertThat(alawFrame).hasSize(80).startsWith(5, 0xD5, 0xD5);
		assertThat(G711.decodeUlaw(ulawFrame[1])).isZero();
		assertThat(pcm.flush()).isEmpty();
		assertThat(this.frames).isEmpty();
	}

	@Test
	void frameSizeFollowsTheFormat() {
		assertThat(FrameSplitter.of(AudioFormat.PCM16_16K, Duration.ofMillis(20)).frameBytes()).isEqualTo(640);
		assertThat(FrameSplitter.of(AudioFormat.PCM16_24K, Duration.ofMillis(20)).frameBytes()).isEqualTo(960);
		assertThat(FrameSplitter.of(new AudioFormat(AudioEncoding.PCM16, 8000, 2), Duration.ofMillis(100))
			.frameBytes()).isEqualTo(3200);
	}

	@Test
	void clearDropsTheRemainder() {
		FrameSplitter splitter = new FrameSplitter(4, (byte) 0);
		splitter.split(new byte[] { 1, 2, 3 }, this.frames::add);

		splitter.clear();
		splitter.split(new byte[] { 4, 5, 6, 7 }, this.frames::add);

		assertThat(this.frames).containsExactly(new byte[] { 4, 5, 6, 7 });
		assertThat(splitter.flush()).isEmpty();
	}

	@Test
	void rejectsFramesThatAreNotWholeSamples() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FrameSplitter.of(new AudioFormat(AudioEncoding.PCM16, 11025, 1), Duration.ofMillis(20)))
			.withMessageContaining("11025");
		assertThatIllegalArgumentException().isThrownBy(() -> FrameSplitter.of(AudioFormat.PCM16_8K, Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> new FrameSplitter(0, (byte) 0));
	}

	private static byte[] bytes(int length) {
		byte[] bytes = new byte[length];
		new Random(2).nextBytes(bytes);
		return bytes;
	}

}
