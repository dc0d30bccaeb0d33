package org.voiceai.realtime.esl;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The inbound Event Socket connection to FreeSWITCH ({@code voice-ai.esl.*}).
 *
 * @param host FreeSWITCH's event socket address (env {@code VOICE_AI_ESL_HOST})
 * @param port {@code listen-port} of {@code event_socket.conf.xml} (env {@code VOICE_AI_ESL_PORT})
 * @param password {@code password} of {@code event_socket.conf.xml} (env {@code VOICE_AI_ESL_PASSWORD}); the stock
 * {@code ClueCon} is the default, as FreeSWITCH ships it
 * @param connectTimeout TCP connect, and then the whole handshake (auth request, auth, subscription)
 * @param commandTimeout how long an API command may wait for its reply before it fails
 * @param reconnectMinBackoff the first wait after a failed or lost connection; doubled per failure
 * @param reconnectMaxBackoff the cap of that wait, so a FreeSWITCH that comes back is found again soon
 */
@ConfigurationProperties("voice-ai.esl")
public record EslProperties(@DefaultValue("127.0.0.1") String host, @DefaultValue("8021") int port,
		@DefaultValue("ClueCon") String password, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("5s") Duration commandTimeout, @DefaultValue("500ms") Duration reconnectMinBackoff,
		@DefaultValue("30s") Duration reconnectMaxBackoff) {

	public EslProperties {
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("voice-ai.esl.port must be 1..65535, was " + port);
		}
		if (password == null || password.isEmpty() || password.contains("\n") || password.contains("\r")) {
			throw new IllegalArgumentException("voice-ai.esl.password must be set and be a single line");
		}
		if (reconnectMinBackoff.isNegative() || reconnectMinBackoff.isZero()
				|| reconnectMaxBackoff.compareTo(reconnectMinBackoff) < 0) {
			throw new IllegalArgumentException(
					"voice-ai.esl.reconnect-min-backoff must be positive and not above reconnect-max-backoff");
		}
	}

	/** {@code host:port}, for log lines and health details. */
	public String address() {
		return this.host + ":" + this.port;
	}

	/** Never prints the password: these properties end up in log lines and actuator output. */
	@Override
	public String toString() {
		return "EslProperties[" + address() + ", connectTimeout=" + this.connectTimeout + ", commandTimeout="
				+ this.commandTimeout + ", backoff=" + this.reconnectMinBackoff + ".." + this.reconnectMaxBackoff + "]";
	}

}
