package org.voiceai.providers.manager;

import java.util.List;

import org.voiceai.providers.ProviderType;
import org.voiceai.tenant.DomainId;

/** Every candidate provider of a type failed (or had its circuit breaker open) for one request. */
public class ProvidersExhaustedException extends RuntimeException {

	private final List<String> failures;

	public ProvidersExhaustedException(DomainId domain, ProviderType<?> type, List<String> failures, Throwable last) {
		super("All " + type + " providers failed for domain " + domain + ": " + String.join("; ", failures), last);
		this.failures = List.copyOf(failures);
	}

	public List<String> failures() {
		return this.failures;
	}

}
