package org.voiceai.realtime.esl;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code esl}: UP while the Event Socket connection is authenticated and subscribed, DOWN with the reason otherwise.
 * It is deliberately not in the readiness group: without ESL the bridge still streams audio back in the {@code raw}
 * and {@code json} return modes, so losing FreeSWITCH's event socket must not take the bridge out of rotation. It
 * counts in {@code /actuator/health}; the health group {@code call-control} ({@code /actuator/health/call-control},
 * see application.yml) shows it with its details.
 */
public final class EslHealthIndicator implements HealthIndicator {

	private final ReactorNettyEslGateway gateway;

	public EslHealthIndicator(ReactorNettyEslGateway gateway) {
		this.gateway = gateway;
	}

	@Override
	public Health health() {
		ReactorNettyEslGateway.Status status = this.gateway.status();
		Health.Builder health = status.connected() ? Health.up() : Health.down();
		health.withDetail("address", status.address()).withDetail("connects", status.connects());
		if (status.connectedSince() != null) {
			health.withDetail("connectedSince", status.connectedSince().toString());
		}
		if (status.lastError() != null) {
			health.withDetail("error", status.lastError())
				.withDetail("consecutiveFailures", status.consecutiveFailures());
		}
		return health.build();
	}

}
