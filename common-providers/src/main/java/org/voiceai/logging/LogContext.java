package org.voiceai.logging;

import java.util.UUID;
import java.util.function.Function;

import reactor.util.context.Context;

import org.voiceai.tenant.DomainId;

/**
 * The keys that tie a log line to a tenant and a call. Put them in the Reactor context with {@link #of}; with
 * context propagation on ({@code spring.reactor.context-propagation=auto}) they appear in the SLF4J MDC, and so in
 * every JSON log line, of the code that runs inside.
 */
public final class LogContext {

	public static final String DOMAIN_UUID = "domain_uuid";

	public static final String CALL_UUID = "call_uuid";

	private LogContext() {
	}

	/** For {@code mono.contextWrite(LogContext.of(domain, callUuid))}; either may be {@code null}. */
	public static Function<Context, Context> of(DomainId domain, UUID callUuid) {
		return (context) -> {
			Context result = context;
			if (domain != null) {
				result = result.put(DOMAIN_UUID, domain.toString());
			}
			if (callUuid != null) {
				result = result.put(CALL_UUID, callUuid.toString());
			}
			return result;
		};
	}

}
