package org.voiceai.service.audio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves synthesized speech for FreeSWITCH's {@code http_cache://} playback, which cannot send the service token.
 * Only cache files are served, named by a SHA-256 that includes the domain: unguessable, and never another path.
 */
@RestController
class AudioFileController {

	private static final Pattern DOMAIN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final Pattern FILE = Pattern.compile("[0-9a-f]{64}\\.wav");

	private final Path cacheRoot;

	private final Scheduler files;

	AudioFileController(SharedAudioDirectory audio, AudioSchedulers schedulers) {
		this.cacheRoot = audio.root().resolve("tts");
		this.files = schedulers.files();
	}

	@GetMapping("/audio/{domain}/{file}")
	Mono<ResponseEntity<Resource>> audio(@PathVariable String domain, @PathVariable String file) {
		if (!DOMAIN.matcher(domain).matches() || !FILE.matcher(file).matches()) {
			return Mono.just(ResponseEntity.notFound().build());
		}
		Path path = this.cacheRoot.resolve(domain).resolve(file);
		return Mono.fromCallable(() -> Files.isRegularFile(path)).subscribeOn(this.files).map((exists) -> exists
				? ResponseEntity.ok()
					.contentType(MediaType.parseMediaType("audio/wav"))
					.cacheControl(CacheControl.empty().noTransform())
					.<Resource>body(new FileSystemResource(path))
				: ResponseEntity.<Resource>notFound().build());
	}

}
