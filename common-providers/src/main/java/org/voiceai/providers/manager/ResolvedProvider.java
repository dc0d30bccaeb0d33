package org.voiceai.providers.manager;

import org.voiceai.providers.ProviderContext;

/**
 * A ready provider instance and the row it came from.
 *
 * @param <T> the capability interface
 * @param context the row's identity (domain, type, UUID, name)
 * @param displayName the row's display name
 * @param instance the cached instance
 */
public record ResolvedProvider<T>(ProviderContext context, String displayName, T instance) {

	public String providerName() {
		return this.context.providerName();
	}

}
