package org.voiceai.service.tenant;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

import org.voiceai.database.SqlBooleans;
import org.voiceai.tenant.DomainId;

/**
 * Whether a FusionPBX domain exists and is enabled, cached briefly so the check costs no query per request.
 * {@code domain_enabled} is read as text: FusionPBX 5.3/5.4 store 'true'/'false' in a text column, 5.5 a boolean.
 */
public class DomainDirectory {

	/** What we know about a domain. */
	public enum Status {

		ENABLED, DISABLED, UNKNOWN

	}

	private final DatabaseClient database;

	private final Duration ttl;

	private final Map<UUID, Mono<Status>> statuses = new ConcurrentHashMap<>();

	public DomainDirectory(DatabaseClient database, Duration ttl) {
		this.database = database;
		this.ttl = ttl;
	}

	public Mono<Status> status(DomainId domain) {
		return this.statuses.computeIfAbsent(domain.value(), (uuid) -> this.database
			.sql("SELECT domain_enabled::text AS enabled FROM v_domains WHERE domain_uuid = :uuid")
			.bind("uuid", uuid)
			.map((row, metadata) -> SqlBooleans.parse(row.get("enabled", String.class), true) ? Status.ENABLED
					: Status.DISABLED)
			.one()
			.defaultIfEmpty(Status.UNKNOWN)
			.cache((status) -> this.ttl, (error) -> Duration.ZERO, () -> Duration.ZERO));
	}

}
