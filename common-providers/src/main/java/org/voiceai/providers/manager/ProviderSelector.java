package org.voiceai.providers.manager;

import java.util.UUID;

/** Which provider row a caller asks for; the rest of the domain's rows of that type follow as fallbacks. */
public sealed interface ProviderSelector {

	/** The domain's default: {@code is_default} first, then by {@code priority}. */
	static ProviderSelector byDefault() {
		return new Default();
	}

	/** A provider by {@code provider_name} (aliases accepted), or the default when {@code name} is blank. */
	static ProviderSelector byName(String name) {
		return (name == null || name.isBlank()) ? new Default() : new ByName(name.trim());
	}

	/** A provider row by UUID (a secretary's {@code stt_provider_uuid} and so on), or the default when null. */
	static ProviderSelector byId(UUID uuid) {
		return (uuid == null) ? new Default() : new ById(uuid);
	}

	record Default() implements ProviderSelector {
	}

	record ByName(String name) implements ProviderSelector {
	}

	record ById(UUID uuid) implements ProviderSelector {
	}

}
