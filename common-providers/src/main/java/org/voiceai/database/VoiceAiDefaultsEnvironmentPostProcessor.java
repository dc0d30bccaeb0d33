package org.voiceai.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code voice-ai-defaults.properties} (the VOICE_AI_* environment mapping and the defaults both services share)
 * as the lowest-precedence property source. It runs before logging is initialised, so the log format setting takes
 * effect; {@code VOICE_AI_LOG_FORMAT=text} selects Boot's plain pattern instead of JSON lines.
 */
public class VoiceAiDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String DEFAULTS_SOURCE = "voiceAiDefaults";

	private static final String CONSOLE_FORMAT = "logging.structured.format.console";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(DEFAULTS_SOURCE)) {
			return;
		}
		try {
			environment.getPropertySources()
				.addLast(new ResourcePropertySource(DEFAULTS_SOURCE, new ClassPathResource("voice-ai-defaults.properties")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("voice-ai-defaults.properties is missing from common-providers", ex);
		}
		if ("text".equalsIgnoreCase(environment.getProperty(CONSOLE_FORMAT, "").trim())) {
			environment.getPropertySources().addFirst(new MapPropertySource("voiceAiPlainLogs", Map.of(CONSOLE_FORMAT, "")));
		}
	}

	@Override
	public int getOrder() {
		// After Boot's config data processing (application.yml), before the logging system starts.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
