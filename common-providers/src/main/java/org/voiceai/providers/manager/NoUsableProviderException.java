package org.voiceai.providers.manager;

import java.util.List;

import org.voiceai.providers.ProviderType;
import org.voiceai.tenant.DomainId;

/**
 * A domain has no provider of a type that can be used: none configured and enabled, or every configured one has an
 * unusable configuration. The message lists each row's problem (without secrets) so an admin knows what to fix.
 */
public class NoUsableProviderException extends RuntimeException {

	private final transient DomainId domain;

	private final transient ProviderType<?> type;

	private final List<String> problems;

	public NoUsableProviderException(DomainId domain, ProviderType<?> type, List<String> problems) {
		super(message(domain, type, problems));
		this.domain = domain;
		this.type = type;
		this.problems = List.copyOf(problems);
	}

	private static String message(DomainId domain, ProviderType<?> type, List<String> problems) {
		if (problems.isEmpty()) {
			return "No enabled " + type + " provider is configured for domain " + domain;
		}
		return "No usable " + type + " provider for domain " + domain + ": " + String.join("; ", problems);
	}

	public DomainId domain() {
		return this.domain;
	}

	public ProviderType<?> type() {
		return this.type;
	}

	public List<String> problems() {
		return this.problems;
	}

}
