package org.voiceai.service.synthesize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.Wav;
import org.voiceai.service.TestClock;
import org.voiceai.tenant.DomainId;

import static org.assertj.core.api.Assertions.assertThat;

class SpeechCacheTest {

	@TempDir
	Path audio;

	private final TestClock clock = new TestClock();

	private final SpeechCache.Key key = new SpeechCache.Key(new DomainId(UUID.randomUUID()), "row", "voice", 1.0, 8000,
			"pt-BR", "Bom dia");

	/** 250 ms of 8 kHz PCM. */
	private final byte[] wav = Wav.write(AudioFormat.PCM16_8K, new byte[4000]);

	@Test
	void aStoredRenderingIsDescribedAndFoundAgainOnDiskAndInMemory() {
		SpeechCache cache = new SpeechCache(this.audio, 1_000_000, this.clock);

		SpeechCache.Entry stored = cache.put(this.key, this.wav);

		assertThat(stored.file()).isEqualTo(cache.path(this.key)).isRegularFile();
		assertThat(stored.sampleRate()).isEqualTo(8000);
		assertThat(stored.duration()).isEqualTo(Duration.ofMillis(250));
		assertThat(cache.recent(this.key)).contains(stored);
		assertThat(cache.get(this.key)).contains(stored);
	}

	@Test
	void aFileWrittenByAnotherInstanceIsFoundOnDiskAndTouched() throws Exception {
		new SpeechCache(this.audio, 1_000_000, this.clock).put(this.key, this.wav);
		SpeechCache other = new SpeechCache(this.audio, 1_000_000, this.clock);
		Path file = other.path(this.key);
		Files.setLastModifiedTime(file, FileTime.from(Instant.EPOCH));

		assertThat(other.recent(this.key)).isEmpty();
		assertThat(other.get(this.key)).hasValueSatisfying((entry) -> {
			assertThat(entry.file()).isEqualTo(file);
			assertThat(entry.duration()).isEqualTo(Duration.ofMillis(250));
		});
		assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(this.clock.instant());
		assertThat(other.recent(this.key)).isPresent();
	}

	@Test
	void memoryAnswersOnlyUntilTheRecheckThenTheDiskDecides() throws Exception {
		SpeechCache cache = new SpeechCache(this.audio, 1_000_000, this.clock);
		cache.put(this.key, this.wav);
		Files.delete(cache.path(this.key));

		this.clock.advance(SpeechCache.RECHECK.minusMillis(1));
		assertThat(cache.recent(this.key)).isPresent();

		this.clock.advance(Duration.ofMillis(1));
		assertThat(cache.recent(this.key)).isEmpty();
		assertThat(cache.get(this.key)).isEmpty();
		assertThat(cache.recent(this.key)).isEmpty();
	}

	@Test
	void aReRenderingOfAnotherLengthIsDescribedAfresh() throws Exception {
		SpeechCache cache = new SpeechCache(this.audio, 1_000_000, this.clock);
		cache.put(this.key, this.wav);
		// Another instance evicted and re-rendered the phrase: same path, different audio.
		Files.write(cache.path(this.key), Wav.write(AudioFormat.PCM16_8K, new byte[8000]));
		this.clock.advance(SpeechCache.RECHECK);

		assertThat(cache.get(this.key)).hasValueSatisfying(
				(entry) -> assertThat(entry.duration()).isEqualTo(Duration.ofMillis(500)));
	}

	@Test
	void trimmingForgetsTheFilesItDeletes() throws Exception {
		// Room for one file (trimming stops at 90 % of the limit): storing a second trims the least recently used.
		SpeechCache cache = new SpeechCache(this.audio, this.wav.length * 3 / 2, this.clock);
		cache.put(this.key, this.wav);
		Files.setLastModifiedTime(cache.path(this.key), FileTime.from(Instant.EPOCH));
		SpeechCache.Key newer = new SpeechCache.Key(this.key.domain(), "row", "voice", 1.0, 8000, "pt-BR", "Boa tarde");

		cache.put(newer, this.wav);

		assertThat(cache.path(this.key)).doesNotExist();
		assertThat(cache.recent(this.key)).isEmpty();
		assertThat(cache.recent(newer)).isPresent();
	}

}
