package org.voiceai.service.providers;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.voiceai.providers.manager.ResolvedProvider;

/** The provider row a domain would use. */
record ResolvedProviderResponse(@JsonProperty("domain_uuid") UUID domainUuid,
		@JsonProperty("provider_type") String providerType,
		@JsonProperty("voice_ai_provider_uuid") UUID providerUuid,
		@JsonProperty("provider_name") String providerName, @JsonProperty("display_name") String displayName) {

	static ResolvedProviderResponse from(ResolvedProvider<?> provider) {
		return new ResolvedProviderResponse(provider.context().domain().value(), provider.context().type().code(),
				provider.context().providerUuid(), provider.providerName(), provider.displayName());
	}

}
