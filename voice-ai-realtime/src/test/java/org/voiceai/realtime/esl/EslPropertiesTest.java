package org.voiceai.realtime.esl;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code VOICE_AI_ESL_*} reach {@link EslProperties} through voice-ai-defaults.properties, with FreeSWITCH's defaults.
 */
class EslPropertiesTest {

	@Test
	void defaultsAreFreeSwitchsStockEventSocket() throws IOException {
		EslProperties properties = bind(Map.of());

		assertThat(properties.address()).isEqualTo("127.0.0.1:8021");
		assertThat(properties.password()).isEqualTo("ClueCon");
		assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(properties.commandTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(properties.reconnectMinBackoff()).isEqualTo(Duration.ofMillis(500));
		assertThat(properties.reconnectMaxBackoff()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void environmentVariablesAreMapped() throws IOException {
		EslProperties properties = bind(Map.of("VOICE_AI_ESL_HOST", "fs.example.com", "VOICE_AI_ESL_PORT", "8022",
				"VOICE_AI_ESL_PASSWORD", "n0t-ClueCon"));

		assertThat(properties.address()).isEqualTo("fs.example.com:8022");
		assertThat(properties.password()).isEqualTo("n0t-ClueCon");
	}

	@Test
	void anEmptyPasswordIsRefusedAtStartup() {
		assertThatThrownBy(() -> bind(Map.of("VOICE_AI_ESL_PASSWORD", ""))).isInstanceOf(BindException.class)
			.hasRootCauseMessage("voice-ai.esl.password must be set and be a single line");
	}

	private static EslProperties bind(Map<String, Object> environmentVariables) throws IOException {
		Properties defaults = new Properties();
		try (InputStream in = EslPropertiesTest.class.getResourceAsStream("/voice-ai-defaults.properties")) {
			defaults.load(in);
		}
		StandardEnvironment environment = new StandardEnvironment();
		// Only the variables given here, whatever the machine running the test has set.
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().addFirst(new MapPropertySource("env", environmentVariables));
		environment.getPropertySources().addLast(new PropertiesPropertySource("voice-ai-defaults", defaults));
		return Binder.get(environment).bindOrCreate("voice-ai.esl", EslProperties.class);
	}

}
