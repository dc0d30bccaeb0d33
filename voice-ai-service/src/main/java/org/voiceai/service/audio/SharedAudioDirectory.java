package org.voiceai.service.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.voiceai.audio.InvalidAudioException;

/**
 * The directory shared with FreeSWITCH. Reading by path is confined to it: a path outside (including through
 * {@code ..} or a symbolic link) is refused, so the API can never be used to read arbitrary files.
 */
public class SharedAudioDirectory {

	private final Path root;

	private final long maxBytes;

	private final Scheduler files;

	public SharedAudioDirectory(Path root, long maxBytes, Scheduler files) {
		try {
			Files.createDirectories(root);
			this.root = root.toRealPath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the shared audio directory " + root
					+ " (set VOICE_AI_AUDIO_DIR to a directory FreeSWITCH and voice-ai share)", ex);
		}
		this.maxBytes = maxBytes;
		this.files = files;
	}

	public Path root() {
		return this.root;
	}

	/** Reads a recording FreeSWITCH wrote, by absolute path or relative to the shared directory. */
	public Mono<byte[]> read(String path) {
		return Mono.fromCallable(() -> {
			Path file = confine(path);
			long size = Files.size(file);
			if (size > this.maxBytes) {
				throw new AudioTooLargeException(size, this.maxBytes);
			}
			return Files.readAllBytes(file);
		}).subscribeOn(this.files);
	}

	private Path confine(String path) throws IOException {
		if (path == null || path.isBlank()) {
			throw new InvalidAudioException("audio_file is empty");
		}
		Path requested = this.root.resolve(path).normalize();
		if (!requested.startsWith(this.root)) {
			throw new InvalidAudioException("audio_file must be inside the shared audio directory");
		}
		if (!Files.isRegularFile(requested, LinkOption.NOFOLLOW_LINKS)) {
			throw new InvalidAudioException("audio_file does not exist in the shared audio directory");
		}
		if (!requested.toRealPath().startsWith(this.root)) {
			throw new InvalidAudioException("audio_file must be inside the shared audio directory");
		}
		return requested;
	}

}
