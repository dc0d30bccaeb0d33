package org.voiceai.service.synthesize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.voiceai.tenant.DomainId;

/**
 * Synthesized speech on disk, in the directory FreeSWITCH plays from: {@code tts/<domain>/<sha256>.wav}, keyed by
 * everything that changes the audio (domain, provider row, voice, speed, rate, language, text). Greetings and
 * repeated phrases are therefore synthesized once. Bounded by size: above the limit the least recently used files
 * go (a hit refreshes a file's modification time). Blocking file work; callers run it on the file scheduler.
 */
public class SpeechCache {

	private static final Logger logger = LoggerFactory.getLogger(SpeechCache.class);

	private final Path root;

	private final long maxBytes;

	private final Clock clock;

	private final AtomicBoolean trimming = new AtomicBoolean();

	public SpeechCache(Path audioDirectory, long maxBytes, Clock clock) {
		this.root = audioDirectory.resolve("tts");
		this.maxBytes = maxBytes;
		this.clock = clock;
	}

	/** The cache key of one rendering. */
	public record Key(DomainId domain, String providerRow, String voice, double speed, int sampleRate,
			String language, String text) {

		String digest() {
			String material = String.join("\u0000", this.domain.toString(), this.providerRow, String.valueOf(this.voice),
					Double.toString(this.speed), Integer.toString(this.sampleRate), String.valueOf(this.language),
					this.text);
			try {
				byte[] hash = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
				return HexFormat.of().formatHex(hash);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/** The cache's directory: {@code <audio directory>/tts}. */
	public Path root() {
		return this.root;
	}

	public Path path(Key key) {
		return this.root.resolve(key.domain().toString()).resolve(key.digest() + ".wav");
	}

	/** The cached file, its use recorded, or empty. */
	public Optional<Path> get(Key key) {
		Path file = path(key);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			Files.setLastModifiedTime(file, FileTime.from(this.clock.instant()));
		}
		catch (IOException ex) {
			// Another instance may have evicted it between the check and now: a miss.
			return Optional.empty();
		}
		return Optional.of(file);
	}

	/** Stores a rendering atomically (readers never see half a file) and trims the cache if needed. */
	public Path put(Key key, byte[] wav) {
		Path file = path(key);
		try {
			Files.createDirectories(file.getParent());
			Path temp = Files.createTempFile(file.getParent(), ".tts", ".tmp");
			Files.write(temp, wav);
			try {
				Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write synthesized speech to " + file, ex);
		}
		trimIfNeeded();
		return file;
	}

	private void trimIfNeeded() {
		if (!this.trimming.compareAndSet(false, true)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(this.root)) {
			List<Path> files = walk.filter((path) -> path.toString().endsWith(".wav")).toList();
			long total = 0;
			for (Path file : files) {
				total += Files.size(file);
			}
			if (total <= this.maxBytes) {
				return;
			}
			List<Path> oldestFirst = files.stream().sorted(Comparator.comparing(SpeechCache::modified)).toList();
			for (Path file : oldestFirst) {
				if (total <= this.maxBytes * 9 / 10) {
					break;
				}
				long size = Files.size(file);
				if (Files.deleteIfExists(file)) {
					total -= size;
				}
			}
		}
		catch (IOException | UncheckedIOException ex) {
			logger.warn("Trimming the speech cache in {} failed: {}", this.root, ex.toString());
		}
		finally {
			this.trimming.set(false);
		}
	}

	private static FileTime modified(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		}
		catch (IOException ex) {
			return FileTime.fromMillis(0);
		}
	}

}
