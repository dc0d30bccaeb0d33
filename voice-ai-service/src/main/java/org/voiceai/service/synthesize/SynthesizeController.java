package org.voiceai.service.synthesize;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.voiceai.providers.ProviderType;
import org.voiceai.providers.manager.ProviderManager;
import org.voiceai.providers.manager.ProviderSelector;
import org.voiceai.providers.tts.Voice;
import org.voiceai.service.tenant.TenantWebFilter;
import org.voiceai.service.web.SecretaryNotFoundException;
import org.voiceai.tenant.DomainId;
import org.voiceai.tenant.Secretary;
import org.voiceai.tenant.SecretaryRepository;

/** Text-to-speech endpoints: synthesize, list voices, pre-render a secretary's fixed phrases. */
@RestController
class SynthesizeController {

	private final SynthesizeService synthesizer;

	private final ProviderManager providers;

	private final SecretaryRepository secretaries;

	SynthesizeController(SynthesizeService synthesizer, ProviderManager providers, SecretaryRepository secretaries) {
		this.synthesizer = synthesizer;
		this.providers = providers;
		this.secretaries = secretaries;
	}

	@PostMapping("/api/v1/synthesize")
	@Operation(summary = "Speak text into a WAV (8 or 16 kHz) in the shared audio directory; cached")
	Mono<SynthesizeResponse> synthesize(@Parameter(hidden = true) DomainId domain,
			@RequestBody SynthesizeRequest request) {
		TenantWebFilter.requireSameDomain(domain, request.domainUuid());
		return this.synthesizer.synthesize(domain, request.toCommand());
	}

	@GetMapping("/api/v1/tts/voices")
	@Operation(summary = "Voices of the domain's (or the named) text-to-speech provider")
	Flux<Voice> voices(@Parameter(hidden = true) DomainId domain,
			@RequestParam(required = false) String provider,
			@RequestParam(defaultValue = "pt-BR") String language) {
		return this.providers.resolve(domain, ProviderType.TTS, ProviderSelector.byName(provider))
			.flatMapMany((tts) -> tts.instance().voices(language));
	}

	@PostMapping("/api/v1/secretaries/{secretary}/warm")
	@Operation(summary = "Pre-render the secretary's greeting, farewell and fixed messages into the speech cache")
	Flux<SynthesizeResponse> warm(@Parameter(hidden = true) DomainId domain, @PathVariable UUID secretary,
			@RequestParam(name = "sample_rate", defaultValue = "8000") int sampleRate) {
		return this.secretaries.find(domain, secretary)
			.switchIfEmpty(Mono.error(new SecretaryNotFoundException(secretary)))
			.flatMapMany((found) -> Flux.fromIterable(phrases(found)))
			.concatMap((text) -> this.synthesizer.synthesize(domain,
					new SynthesizeCommand(text, null, null, sampleRate, null, null, secretary)));
	}

	private static List<String> phrases(Secretary secretary) {
		List<String> phrases = new ArrayList<>();
		Secretary.Prompts prompts = secretary.prompts();
		for (String phrase : new String[] { prompts.greeting(), prompts.farewell(), prompts.fallback(),
				prompts.transferMessage(), prompts.outsideHours() }) {
			if (phrase != null && !phrase.isBlank()) {
				phrases.add(phrase);
			}
		}
		return phrases;
	}

}
