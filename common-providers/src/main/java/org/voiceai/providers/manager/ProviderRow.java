package org.voiceai.providers.manager;

import java.util.Objects;
import java.util.UUID;

import org.voiceai.tenant.DomainId;

/**
 * One row of {@code v_voice_ai_providers}, as the manager needs it.
 *
 * @param uuid {@code voice_ai_provider_uuid}
 * @param domain {@code domain_uuid}
 * @param type {@code provider_type} as stored
 * @param providerName {@code provider_name} as stored
 * @param displayName {@code display_name}, may be null
 * @param configJson {@code config} as JSON text (secrets still encrypted)
 * @param isDefault {@code is_default}
 * @param priority {@code priority}, lower first
 */
public record ProviderRow(UUID uuid, DomainId domain, String type, String providerName, String displayName,
		String configJson, boolean isDefault, int priority) {

	/** Whether an instance built from {@code other} would be built the same way as from this row. */
	boolean buildsSameAs(ProviderRow other) {
		return other != null && this.providerName.equals(other.providerName)
				&& Objects.equals(this.configJson, other.configJson);
	}

}
