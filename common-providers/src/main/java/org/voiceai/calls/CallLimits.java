package org.voiceai.calls;

import java.util.UUID;

import reactor.core.publisher.Mono;

/** How many calls a domain may have at once. */
@FunctionalInterface
public interface CallLimits {

	/** The limit of {@code domain}, at least 1; never errors (a fallback applies instead). */
	Mono<Integer> limitFor(UUID domain);

}
