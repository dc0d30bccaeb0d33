package org.voiceai.sharedstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

class RedisUrlConnectionFactoryTest {

	@Test
	void plainUrl() {
		LettuceConnectionFactory factory = RedisUrlConnectionFactory.create("redis://cache.internal:6379/0",
				Duration.ofSeconds(2));

		RedisStandaloneConfiguration server = factory.getStandaloneConfiguration();
		assertThat(server.getHostName()).isEqualTo("cache.internal");
		assertThat(server.getPort()).isEqualTo(6379);
		assertThat(server.getDatabase()).isZero();
		assertThat(server.getPassword()).isEqualTo(RedisPassword.none());
		assertThat(factory.getClientConfiguration().isUseSsl()).isFalse();
	}

	@Test
	void tlsUrlWithPasswordAndDatabase() {
		LettuceConnectionFactory factory = RedisUrlConnectionFactory.create("rediss://:s3cret@cache.example:6380/1",
				Duration.ofSeconds(2));

		RedisStandaloneConfiguration server = factory.getStandaloneConfiguration();
		assertThat(server.getHostName()).isEqualTo("cache.example");
		assertThat(server.getPort()).isEqualTo(6380);
		assertThat(server.getDatabase()).isEqualTo(1);
		assertThat(server.getPassword()).isEqualTo(RedisPassword.of("s3cret"));
		assertThat(factory.getClientConfiguration().isUseSsl()).isTrue();
		assertThat(factory.getClientConfiguration().isVerifyPeer()).isTrue();
	}

	@Test
	void usernameAndDefaultPort() {
		LettuceConnectionFactory factory = RedisUrlConnectionFactory.create("redis://voice:pw@cache.example/3",
				Duration.ofSeconds(2));

		RedisStandaloneConfiguration server = factory.getStandaloneConfiguration();
		assertThat(server.getUsername()).isEqualTo("voice");
		assertThat(server.getPassword()).isEqualTo(RedisPassword.of("pw"));
		assertThat(server.getPort()).isEqualTo(6379);
		assertThat(server.getDatabase()).isEqualTo(3);
	}

	@Test
	void connectTimeoutIsApplied() {
		LettuceConnectionFactory factory = RedisUrlConnectionFactory.create("redis://localhost",
				Duration.ofMillis(750));

		assertThat(factory.getClientConfiguration().getClientOptions())
			.hasValueSatisfying(options -> assertThat(options.getSocketOptions().getConnectTimeout())
				.isEqualTo(Duration.ofMillis(750)));
	}

	@Test
	void invalidUrlIsRejectedWithoutEchoingIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RedisUrlConnectionFactory.create("http://user:hunter2@host:1", Duration.ofSeconds(2)))
			.withMessageContaining("voice-ai.redis.url")
			.withMessageNotContaining("hunter2");
	}
}
