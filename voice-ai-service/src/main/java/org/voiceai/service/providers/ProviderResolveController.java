package org.voiceai.service.providers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.voiceai.providers.ProviderType;
import org.voiceai.providers.manager.ProviderManager;
import org.voiceai.providers.manager.ProviderSelector;
import org.voiceai.tenant.DomainId;

/**
 * Tells which provider a domain would use for a capability, and why none can be used: what the FusionPBX provider
 * pages show next to a row, and what an operator checks first when calls fail.
 */
@RestController
class ProviderResolveController {

	private final ProviderManager providers;

	ProviderResolveController(ProviderManager providers) {
		this.providers = providers;
	}

	@GetMapping("/api/v1/providers/{type}/resolve")
	@Operation(summary = "Which provider the domain uses for a type (stt, tts, llm, embeddings, realtime)")
	Mono<ResolvedProviderResponse> resolve(@Parameter(hidden = true) DomainId domain, @PathVariable String type,
			@RequestParam(required = false) String name) {
		ProviderType<?> providerType = ProviderType.fromCode(type)
			.orElseThrow(() -> new IllegalArgumentException(
					"Unknown provider type '" + type + "'; use stt, tts, llm, embeddings or realtime"));
		return this.providers.resolve(domain, providerType, ProviderSelector.byName(name))
			.map(ResolvedProviderResponse::from);
	}

}
