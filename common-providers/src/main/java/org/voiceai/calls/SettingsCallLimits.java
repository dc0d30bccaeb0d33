package org.voiceai.calls;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

import org.voiceai.database.SqlBooleans;

/**
 * Each domain's concurrent-call limit: its enabled {@code max_concurrent_calls} row in
 * {@code v_voice_secretary_settings}, else the configured default. Cached briefly per domain so admitting a call
 * costs no query; a database error is not cached (the default applies to that call only).
 */
public class SettingsCallLimits implements CallLimits {

	static final String SETTING = "max_concurrent_calls";

	private static final Logger logger = LoggerFactory.getLogger(SettingsCallLimits.class);

	private final DatabaseClient database;

	private final int defaultLimit;

	private final Duration ttl;

	private final Map<UUID, Mono<Integer>> limits = new ConcurrentHashMap<>();

	public SettingsCallLimits(DatabaseClient database, int defaultLimit, Duration ttl) {
		this.database = database;
		this.defaultLimit = defaultLimit;
		this.ttl = ttl;
	}

	@Override
	public Mono<Integer> limitFor(UUID domain) {
		return this.limits.computeIfAbsent(domain, (uuid) -> this.database
			.sql("SELECT setting_value, enabled::text AS enabled FROM v_voice_secretary_settings "
					+ "WHERE domain_uuid = :domain AND setting_name = :name")
			.bind("domain", uuid)
			.bind("name", SETTING)
			.map((row, metadata) -> parse(uuid, row.get("setting_value", String.class),
					SqlBooleans.parse(row.get("enabled", String.class), true)))
			.one()
			.defaultIfEmpty(this.defaultLimit)
			.cache((limit) -> this.ttl, (error) -> Duration.ZERO, () -> Duration.ZERO))
			.onErrorResume((error) -> {
				logger.warn("Could not read {} of domain {}; using the default {}: {}", SETTING, domain,
						this.defaultLimit, error.toString());
				return Mono.just(this.defaultLimit);
			});
	}

	private int parse(UUID domain, String value, boolean enabled) {
		if (!enabled || value == null || value.isBlank()) {
			return this.defaultLimit;
		}
		try {
			int limit = Integer.parseInt(value.strip());
			if (limit >= 1) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below with the value, like a non-positive number.
		}
		logger.warn("Setting {} of domain {} is '{}', not a positive whole number; using the default {}", SETTING,
				domain, value, this.defaultLimit);
		return this.defaultLimit;
	}

}
