package org.voiceai.providers.manager;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.voiceai.providers.ProviderType;

/** A provider row to create; secrets in {@code config} are given in clear and encrypted on write. */
public record ProviderDraft(ProviderType<?> type, String providerName, String displayName, Map<String, Object> config,
		boolean isDefault, int priority, boolean enabled) {

	public ProviderDraft {
		config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
	}

}
