package org.voiceai.logging;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebFilter;

/**
 * Makes {@link LogContext} keys flow from the Reactor context into the MDC, and fills them from HTTP requests.
 */
@AutoConfiguration
public final class LogContextAutoConfiguration {

	LogContextAutoConfiguration() {
		// Micrometer's registry is process-wide; registering the same key again replaces the accessor, so this is
		// safe with several application contexts (tests).
		for (String key : new String[] { LogContext.DOMAIN_UUID, LogContext.CALL_UUID }) {
			ContextRegistry.getInstance()
				.registerThreadLocalAccessor(key, () -> MDC.get(key), (value) -> MDC.put(key, value),
						() -> MDC.remove(key));
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebFilter.class)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	static class WebLogContextConfiguration {

		@Bean
		LogContextWebFilter logContextWebFilter() {
			return new LogContextWebFilter();
		}

	}

}
