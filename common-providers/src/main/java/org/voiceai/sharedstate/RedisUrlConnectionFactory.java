package org.voiceai.sharedstate;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;

import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Builds a Lettuce connection factory from the single {@code voice-ai.redis.url}, so operators configure Redis with
 * one environment variable instead of Boot's half-dozen {@code spring.data.redis.*} properties.
 */
final class RedisUrlConnectionFactory {

	private RedisUrlConnectionFactory() {
	}

	/**
	 * @param url {@code redis://[[username]:password@]host[:port][/database]}; {@code rediss://} for TLS (peer
	 * verified), Lettuce's {@code redis-sentinel://} and {@code redis-socket://} forms work too
	 * @param connectTimeout bound on establishing a connection
	 * @return an unstarted factory; Spring starts and stops it as a bean, callers outside Spring must do so themselves
	 */
	static LettuceConnectionFactory create(String url, Duration connectTimeout) {
		RedisURI uri = parse(url);
		// Host, port, database, username and password (or sentinels / socket) come straight from the URI.
		RedisConfiguration server = LettuceConnectionFactory.createRedisConfiguration(uri);
		LettuceClientConfiguration client = LettuceClientConfiguration.builder()
			.apply(uri) // TLS and peer verification for rediss://, plus ?timeout= and ?clientName= if given
			.clientOptions(ClientOptions.builder()
				.socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
				.build())
			.build();
		// The typed constructor also fills getStandaloneConfiguration(), which otherwise reports localhost:6379 even
		// though connections go to the right server.
		return server instanceof RedisStandaloneConfiguration standalone
				? new LettuceConnectionFactory(standalone, client) : new LettuceConnectionFactory(server, client);
	}

	private static RedisURI parse(String url) {
		try {
			return RedisURI.create(url.strip());
		}
		catch (IllegalArgumentException ex) {
			// Deliberately not echoing the URL: it usually carries the password.
			throw new IllegalArgumentException("voice-ai.redis.url is not a valid Redis URL (expected "
					+ "redis://[[username]:password@]host[:port][/database] or rediss://...)", ex);
		}
	}
}
