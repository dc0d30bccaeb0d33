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
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.voiceai.audio.Wav;
import org.voiceai.tenant.DomainId;

/**
 * Synthesized speech on disk, in the directory FreeSWITCH plays from: {@code tts/<domain>/<sha256>.wav}, keyed by
 * everything that changes the audio (domain, provider row, voice, speed, rate, language, text). Greetings and
 * repeated phrases are therefore synthesized once. Bounded by size: above the limit the least recently used files
 * go (a hit refreshes a file's modification time, at most once per {@link #RECHECK}).
 * <p>
 * {@link #get} and {@link #put} do blocking file work; callers run them on the file scheduler. {@link #recent}
 * answers from memory for files this instance found or wrote within {@link #RECHECK}, so a repeated phrase costs no
 * disk access and no thread hop: the price is that a file deleted behind our back (by hand, or by another instance's
 * trim, which removes least recently touched files first) can be answered for up to that long.
 */
public class SpeechCache {

	/** How long a file seen on disk is answered from memory before it is looked at (and touched) again. */
	static final Duration RECHECK = Duration.ofSeconds(10);

	/** Files remembered at most; past this the memory starts over (the files stay on disk). */
	private static final int MAX_KNOWN = 10_000;

	private static final Logger logger = LoggerFactory.getLogger(SpeechCache.class);

	private final Path root;

	private final long maxBytes;

	private final Clock clock;

	private final AtomicBoolean trimming = new AtomicBoolean();

	private final Map<Path, Known> known = new ConcurrentHashMap<>();

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

	/** A cached rendering: its file and what a reply says about it. */
	public record Entry(Path file, int sampleRate, Duration duration) {
	}

	/** The cache's directory: {@code <audio directory>/tts}. */
	public Path root() {
		return this.root;
	}

	public Path path(Key key) {
		return this.root.resolve(key.domain().toString()).resolve(key.digest() + ".wav");
	}

	/**
	 * The entry, if this instance found or wrote its file less than {@link #RECHECK} ago; no disk access, so it may
	 * run on an event loop. Empty means "ask {@link #get}", not "not cached".
	 */
	public Optional<Entry> recent(Key key) {
		Known entry = this.known.get(path(key));
		if (entry == null || !this.clock.instant().isBefore(entry.checked().plus(RECHECK))) {
			return Optional.empty();
		}
		return Optional.of(entry.entry());
	}

	/** The cached entry, its use recorded (the file's modification time), or empty. */
	public Optional<Entry> get(Key key) {
		Path file = path(key);
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			if (!attributes.isRegularFile()) {
				return Optional.empty();
			}
			Instant now = this.clock.instant();
			Files.setLastModifiedTime(file, FileTime.from(now));
			Known remembered = this.known.get(file);
			// Same path and size: the same rendering (another instance may have re-rendered it after an eviction).
			Entry entry = (remembered != null && remembered.size() == attributes.size()) ? remembered.entry()
					: describe(file, Files.readAllBytes(file));
			remember(entry, attributes.size(), now);
			return Optional.of(entry);
		}
		catch (IOException ex) {
			// Not there, or another instance evicted it between the check and now: a miss.
			this.known.remove(file);
			return Optional.empty();
		}
	}

	/** Stores a rendering atomically (readers never see half a file) and trims the cache if needed. */
	public Entry put(Key key, byte[] wav) {
		Path file = path(key);
		Entry entry = describe(file, wav);
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
		remember(entry, wav.length, this.clock.instant());
		trimIfNeeded();
		return entry;
	}

	private static Entry describe(Path file, byte[] wav) {
		Wav.Audio audio = Wav.read(wav);
		return new Entry(file, audio.format().sampleRate(), audio.duration());
	}

	private void remember(Entry entry, long size, Instant now) {
		if (this.known.size() >= MAX_KNOWN) {
			this.known.clear();
		}
		this.known.put(entry.file(), new Known(entry, size, now));
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
				this.known.remove(file);
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

	/** An entry this instance has seen on disk: its size then, and when. */
	private record Known(Entry entry, long size, Instant checked) {
	}

}
