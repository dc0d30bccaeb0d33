package org.voiceai.providers;

import java.util.UUID;

import org.voiceai.tenant.DomainId;

/**
 * Which provider row a configuration or an error belongs to: enough to name it in a log line or an error message,
 * never its secrets.
 *
 * @param domain the owning domain
 * @param type the provider type
 * @param providerUuid {@code voice_ai_provider_uuid}, or {@code null} when no row is involved
 * @param providerName {@code provider_name} as stored
 */
public record ProviderContext(DomainId domain, ProviderType<?> type, UUID providerUuid, String providerName) {

	/** "provider 'openai' (stt, row 1b4e…) in domain 7c0f…" */
	public String describe() {
		StringBuilder text = new StringBuilder("provider '").append(this.providerName).append("' (").append(this.type);
		if (this.providerUuid != null) {
			text.append(", row ").append(this.providerUuid);
		}
		return text.append(") in domain ").append(this.domain).toString();
	}

}
