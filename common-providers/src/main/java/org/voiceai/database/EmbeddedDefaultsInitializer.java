package org.voiceai.database;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes the services run with nothing installed. Before the context refreshes it decides:
 * <ul>
 * <li>no {@code voice-ai.database.host} (VOICE_AI_DB_HOST) → start or attach to the embedded PostgreSQL and point
 * R2DBC and Flyway at it, adding the demo-domain callback to Flyway;</li>
 * <li>no {@code voice-ai.redis.url} (VOICE_AI_REDIS_URL) → leave Boot's Redis auto-configuration out, so nothing
 * tries localhost:6379 and the in-memory shared state is used.</li>
 * </ul>
 * The settings go in just above the library defaults, so explicit {@code spring.*} settings still win.
 */
public class EmbeddedDefaultsInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedDefaultsInitializer.class);

	static final String SOURCE = "voiceAiEmbeddedDefaults";

	private static final List<String> REDIS_AUTO_CONFIGURATIONS = List.of(
			"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration");

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (environment.getPropertySources().contains(SOURCE)) {
			return;
		}
		Map<String, Object> settings = new LinkedHashMap<>();
		if (isBlank(environment.getProperty("voice-ai.database.host"))) {
			EmbeddedDatabase database = startEmbeddedDatabase(environment);
			if (database.owned()) {
				context.addApplicationListener((event) -> {
					if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
						close(database);
					}
				});
			}
			settings.put("voice-ai.database.embedded", "true");
			settings.put("spring.r2dbc.url", database.r2dbcUrl());
			settings.put("spring.r2dbc.username", EmbeddedDatabase.USERNAME);
			settings.put("spring.r2dbc.password", EmbeddedDatabase.PASSWORD);
			settings.put("spring.flyway.url", database.jdbcUrl());
			settings.put("spring.flyway.user", EmbeddedDatabase.USERNAME);
			settings.put("spring.flyway.password", EmbeddedDatabase.PASSWORD);
			settings.put("spring.flyway.locations", "classpath:db/voice-ai,classpath:db/voice-ai-demo");
		}
		if (isBlank(environment.getProperty("voice-ai.redis.url"))) {
			settings.put("spring.autoconfigure.exclude", String.join(",", REDIS_AUTO_CONFIGURATIONS));
			logger.info("No VOICE_AI_REDIS_URL: shared state is kept in memory (one instance of each service only)");
		}
		MapPropertySource source = new MapPropertySource(SOURCE, settings);
		if (environment.getPropertySources().contains(VoiceAiDefaultsEnvironmentPostProcessor.DEFAULTS_SOURCE)) {
			environment.getPropertySources().addBefore(VoiceAiDefaultsEnvironmentPostProcessor.DEFAULTS_SOURCE, source);
		}
		else {
			environment.getPropertySources().addLast(source);
		}
	}

	private static EmbeddedDatabase startEmbeddedDatabase(ConfigurableEnvironment environment) {
		int port = environment.getProperty("voice-ai.embedded.port", Integer.class, 54329);
		String directory = environment.getProperty("voice-ai.embedded.data-directory");
		logger.info("No VOICE_AI_DB_HOST: using an embedded PostgreSQL (demo mode, not for production)");
		return EmbeddedPostgresLauncher.startOrAttach(port, isBlank(directory) ? null : Path.of(directory));
	}

	private static void close(EmbeddedDatabase database) {
		try {
			database.owner().close();
		}
		catch (Exception ex) {
			logger.warn("Stopping the embedded PostgreSQL failed", ex);
		}
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
