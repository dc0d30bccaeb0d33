package org.voiceai.providers;

import java.util.Set;

/**
 * Builds provider instances of one {@link ProviderType} for one {@code provider_name}. Implementations are Spring beans
 * collected by the {@link ProviderRegistry}; adding a provider means adding one factory.
 * <p>
 * {@link #create} must not perform I/O (no connection checks, no model downloads): instances are created on the
 * request path and cached by the provider manager. It reads its settings from the row's {@link ProviderConfig} and
 * lets {@link ProviderConfigException} describe what is missing or wrong.
 *
 * @param <T> the capability interface the instances implement
 */
public interface ProviderFactory<T> {

	ProviderType<T> type();

	/** The canonical {@code provider_name}, lower case. */
	String name();

	/** Other names that existing rows may hold for the same provider (lower case). */
	default Set<String> aliases() {
		return Set.of();
	}

	T create(ProviderConfig config);

}
