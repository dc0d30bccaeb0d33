package org.voiceai.service.synthesize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.voiceai.audio.Wav;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.manager.ProviderManager;
import org.voiceai.providers.manager.ProviderSelector;
import org.voiceai.providers.manager.ResolvedProvider;
import org.voiceai.providers.tts.SpeechRequest;
import org.voiceai.providers.tts.SynthesizedAudio;
import org.voiceai.providers.tts.TextToSpeech;
import org.voiceai.service.web.SecretaryNotFoundException;
import org.voiceai.tenant.DomainId;
import org.voiceai.tenant.Secretary;
import org.voiceai.tenant.SecretaryRepository;

/**
 * Text-to-speech into the shared directory, through the speech cache: a phrase already rendered with the same
 * provider, voice, speed and rate is served from disk without calling the provider.
 */
public class SynthesizeService {

	/** Longest text accepted: about a minute of speech, far more than one reply should be. */
	public static final int MAX_TEXT = 5000;

	private final ProviderManager providers;

	private final SecretaryRepository secretaries;

	private final SpeechCache cache;

	private final String publicUrl;

	private final Scheduler files;

	public SynthesizeService(ProviderManager providers, SecretaryRepository secretaries, SpeechCache cache,
			String publicUrl, Scheduler files) {
		this.providers = providers;
		this.secretaries = secretaries;
		this.cache = cache;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		this.files = files;
	}

	public Mono<SynthesizeResponse> synthesize(DomainId domain, SynthesizeCommand command) {
		return Mono.defer(() -> {
			validate(command);
			long started = System.nanoTime();
			return secretary(domain, command).flatMap((found) -> {
				Secretary secretary = found.orElse(null);
				ProviderSelector selector = (command.provider() != null && !command.provider().isBlank())
						? ProviderSelector.byName(command.provider())
						: ProviderSelector.byId((secretary != null) ? secretary.providers().tts() : null);
				String voice = (command.voice() != null) ? command.voice()
						: (secretary != null) ? secretary.voice().voiceId() : null;
				double speed = (command.speed() != null) ? command.speed()
						: (secretary != null) ? secretary.voice().speed() : 1.0;
				String language = (command.language() != null) ? command.language()
						: (secretary != null) ? secretary.language() : "pt-BR";
				SpeechRequest request = new SpeechRequest(command.text().trim(), voice, language, speed,
						command.sampleRate());
				return this.providers.resolve(domain, ProviderType.TTS, selector)
					.flatMap((primary) -> cached(domain, primary, request, started)
						.switchIfEmpty(Mono.defer(() -> render(domain, selector, request, started))));
			});
		});
	}

	/**
	 * One WAV of {@code first} followed by {@code rest}, both rendered by {@link #synthesize} at the same rate: a
	 * reply spoken in parts (its first sentence early) played as one file. Kept in the speech cache under the pair,
	 * so an identical reply is not joined twice.
	 */
	public Mono<SynthesizeResponse> join(DomainId domain, SynthesizeResponse first, SynthesizeResponse rest) {
		return Mono.fromCallable(() -> {
			long started = System.nanoTime();
			// Not a rendering: "joined" as the provider row keeps these keys apart from every provider's.
			SpeechCache.Key key = new SpeechCache.Key(domain, "joined", null, 1.0, first.sampleRate(), null,
					first.audioFile() + "\n" + rest.audioFile());
			SpeechCache.Entry joined = this.cache.get(key)
				.orElseGet(() -> this.cache.put(key, concatenate(first, rest)));
			String provider = first.provider().equals(rest.provider()) ? first.provider()
					: first.provider() + "," + rest.provider();
			return describe(joined, provider, first.cached() && rest.cached(), started);
		}).subscribeOn(this.files);
	}

	private static byte[] concatenate(SynthesizeResponse first, SynthesizeResponse rest) {
		Wav.Audio head = read(Path.of(first.audioFile()));
		Wav.Audio tail = read(Path.of(rest.audioFile()));
		if (!head.format().equals(tail.format())) {
			throw new IllegalStateException("Cannot join speech in " + head.format() + " and " + tail.format());
		}
		byte[] samples = new byte[head.samples().length + tail.samples().length];
		System.arraycopy(head.samples(), 0, samples, 0, head.samples().length);
		System.arraycopy(tail.samples(), 0, samples, head.samples().length, tail.samples().length);
		return Wav.write(head.format(), samples);
	}

	private static Wav.Audio read(Path file) {
		try {
			return Wav.read(Files.readAllBytes(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read synthesized speech " + file, ex);
		}
	}

	private Mono<SynthesizeResponse> cached(DomainId domain, ResolvedProvider<TextToSpeech> primary,
			SpeechRequest request, long started) {
		SpeechCache.Key key = key(domain, primary.context().providerUuid().toString(), request);
		// A phrase served a moment ago is answered from memory, on this thread: no hop to the file scheduler.
		Optional<SpeechCache.Entry> recent = this.cache.recent(key);
		if (recent.isPresent()) {
			return Mono.just(describe(recent.get(), primary.providerName(), true, started));
		}
		return Mono.fromCallable(() -> this.cache.get(key).map((entry) -> describe(entry, primary.providerName(), true,
				started)).orElse(null)).subscribeOn(this.files);
	}

	private Mono<SynthesizeResponse> render(DomainId domain, ProviderSelector selector, SpeechRequest request,
			long started) {
		return this.providers
			.execute(domain, ProviderType.TTS, selector,
					(tts) -> tts.instance().synthesize(request).map((audio) -> new Rendered(tts, audio)))
			.flatMap((rendered) -> Mono.fromCallable(() -> {
				SpeechCache.Key key = key(domain, rendered.provider().context().providerUuid().toString(), request);
				SpeechCache.Entry entry = this.cache.put(key, rendered.audio().wav());
				return describe(entry, rendered.provider().providerName(), false, started);
			}).subscribeOn(this.files));
	}

	private SynthesizeResponse describe(SpeechCache.Entry entry, String provider, boolean cached, long started) {
		Path relative = this.cache.root().relativize(entry.file());
		return new SynthesizeResponse(entry.file().toString(),
				this.publicUrl + "/audio/" + relative.toString().replace('\\', '/'), entry.duration().toMillis(),
				entry.sampleRate(), provider, cached, Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	private static SpeechCache.Key key(DomainId domain, String providerRow, SpeechRequest request) {
		return new SpeechCache.Key(domain, providerRow, request.voice(), request.speed(), request.sampleRate(),
				request.language(), request.text());
	}

	private Mono<Optional<Secretary>> secretary(DomainId domain, SynthesizeCommand command) {
		if (command.secretary() == null) {
			return Mono.just(Optional.empty());
		}
		return this.secretaries.find(domain, command.secretary())
			.map(Optional::of)
			.switchIfEmpty(Mono.error(new SecretaryNotFoundException(command.secretary())));
	}

	private static void validate(SynthesizeCommand command) {
		if (command.text() == null || command.text().isBlank()) {
			throw new IllegalArgumentException("text is required");
		}
		if (command.text().length() > MAX_TEXT) {
			throw new IllegalArgumentException("text is longer than " + MAX_TEXT + " characters");
		}
		if (command.sampleRate() != 8000 && command.sampleRate() != 16000) {
			throw new IllegalArgumentException("sample_rate must be 8000 or 16000");
		}
		if (command.speed() != null && (command.speed() < 0.5 || command.speed() > 2.0)) {
			throw new IllegalArgumentException("speed must be between 0.5 and 2.0");
		}
	}

	private record Rendered(ResolvedProvider<TextToSpeech> provider, SynthesizedAudio audio) {
	}

}
